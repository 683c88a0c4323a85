import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import type { LoginInput } from './account-input.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, viewerOf } from './session.service.ts';
import { attemptSucceeded, reserveAttempt } from './throttle.service.ts';

// Verified against when the email is unknown, so that both failures take the same time.
let dummyHash: Promise<string> | undefined;

/** A new session: its token, when it ends, and the account signed in. */
export type SignedIn = { token: string; expiresAt: Date; account: Viewer };

/**
 * Checks the password of an account, once the sign-in throttle has let the attempt through
 * (reserved before the check, so that parallel attempts cannot outrun it); a session when it is
 * right. A throttled attempt is refused unchecked with RATE_LIMITED and the seconds to wait; a
 * wrong email or password with INVALID_CREDENTIALS, the same for known and unknown addresses.
 */
export async function login(db: Db, input: LoginInput, address: string): Promise<ServiceResult<SignedIn>> {
  dummyHash ??= hashPassword('not a password anyone has');
  const reservation = await reserveAttempt(db, input.email, address);
  if (!reservation.allowed) {
    const { retryAfterSeconds } = reservation;
    return { ok: false, errors: [userError('RATE_LIMITED', null, { retryAfterSeconds })], retryAfterSeconds };
  }
  const account = await db.account.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash), input.password);
  if (!account || !valid) return rejected(userError('INVALID_CREDENTIALS', 'password'));
  await attemptSucceeded(db, reservation, address);
  const session = await createSession(db, account.id, address);
  return { ok: true, ...session, account: viewerOf(account) };
}
