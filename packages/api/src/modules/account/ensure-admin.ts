import type { Db } from '@proximitat/db';
import { hashPassword, normaliseEmail, verifyPassword } from './password.ts';
import { revokeSessions } from './session.service.ts';
import { clearAccountFailures } from './throttle.service.ts';

export type AdminOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes the account of ADMIN_EMAIL an administrator with ADMIN_PASSWORD: created when missing,
 * promoted and given that password when it exists. Idempotent; logs neither value.
 *
 * The operator asserts by configuration that the address is theirs, which is the proof a
 * verification mail would give: the account is marked verified. But anyone could have registered
 * that address before (and signed in with a password of their own), so whenever the account
 * changes here its password becomes ADMIN_PASSWORD and every one of its sessions ends: whoever
 * held the address before start-up keeps nothing of it.
 */
export async function ensureAdmin(db: Db, email: string, password: string): Promise<AdminOutcome> {
  const normalised = normaliseEmail(email);
  const existing = await db.account.findUnique({ where: { email: normalised } });
  if (!existing) {
    await db.account.create({
      data: {
        email: normalised,
        passwordHash: await hashPassword(password),
        role: 'ADMIN',
        emailVerifiedAt: new Date(),
      },
    });
    return 'created';
  }
  const samePassword = await verifyPassword(existing.passwordHash, password);
  if (existing.role === 'ADMIN' && samePassword && existing.emailVerifiedAt) return 'unchanged';
  const passwordHash = samePassword ? existing.passwordHash : await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: existing.id },
      data: { role: 'ADMIN', emailVerifiedAt: existing.emailVerifiedAt ?? new Date(), passwordHash },
    });
    await revokeSessions(tx, existing.id);
  });
  await clearAccountFailures(db, normalised);
  return 'updated';
}
