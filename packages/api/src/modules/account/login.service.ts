import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { hashPassword, normaliseEmail, verifyPassword } from './password.ts';
import { createSession, viewerOf } from './session.service.ts';
import { attemptSucceeded, reserveAttempt } from './throttle.service.ts';

// Verified against when the email is unknown, so that both failures take the same time.
let dummyHash: Promise<string> | undefined;

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; account: Viewer }
  | { ok: false; retryAfterSeconds?: number };

/**
 * Checks the password of an account, once the throttle has let the attempt through (reserved
 * before the check, so that parallel attempts cannot outrun it); a session when it is right.
 */
export async function login(db: Db, email: string, password: string, address: string): Promise<LoginResult> {
  dummyHash ??= hashPassword('not a password anyone has');
  const normalised = normaliseEmail(email);
  const reservation = await reserveAttempt(db, normalised, address);
  if (!reservation.allowed) return { ok: false, retryAfterSeconds: reservation.retryAfterSeconds };
  const account = await db.account.findUnique({ where: { email: normalised } });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
  if (!account || !valid) return { ok: false };
  await attemptSucceeded(db, reservation, address);
  const session = await createSession(db, account.id, address);
  return { ok: true, ...session, account: viewerOf(account) };
}
