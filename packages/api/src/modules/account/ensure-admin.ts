import type { Db } from '@proximitat/db';
import { hashPassword, normaliseEmail, verifyPassword } from './password.ts';

export type AdminOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes the account of ADMIN_EMAIL an administrator with ADMIN_PASSWORD: created when missing,
 * promoted and given that password when it exists. Idempotent; logs neither value.
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
  if (existing.role === 'ADMIN' && samePassword) return 'unchanged';
  await db.account.update({
    where: { id: existing.id },
    data: { role: 'ADMIN', ...(samePassword ? {} : { passwordHash: await hashPassword(password) }) },
  });
  return 'updated';
}
