import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { hashPassword, normaliseEmail, verifyPassword } from './password.ts';
import { createSession } from './session.service.ts';

// Verified against when the email is unknown, so that both failures take the same time.
let dummyHash: Promise<string> | undefined;

export type LoginResult = { ok: true; token: string; expiresAt: Date; account: Viewer } | { ok: false };

export async function login(db: Db, email: string, password: string): Promise<LoginResult> {
  dummyHash ??= hashPassword('not a password anyone has');
  const account = await db.account.findUnique({ where: { email: normaliseEmail(email) } });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
  if (!account || !valid) return { ok: false };
  const session = await createSession(db, account.id);
  return { ok: true, ...session, account: { id: account.id, email: account.email, role: account.role } };
}
