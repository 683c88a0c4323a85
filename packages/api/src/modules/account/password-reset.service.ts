import type { Account, Db } from '@proximitat/db';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import { consumeAll, RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { recordAudit } from '../audit/audit.ts';
import { enqueueMail } from '../mail/mail.ts';
import type { PasswordResetRequest, ResetPasswordInput } from './account-input.ts';
import { accountMail } from './account-mail.ts';
import { consumeToken, issueToken } from './account-token.service.ts';
import { atConstantTime } from './constant-time.ts';
import { hashPassword } from './password.ts';
import { passwordContainsEmail } from './password-policy.ts';
import { revokeSessions } from './session.service.ts';
import { clearAccountFailures } from './throttle.service.ts';

/** Every answer of requestPasswordReset takes at least this long (both paths take under 30 ms). */
export const RESET_ANSWER_MS = 150;

/**
 * Mails the account a single-use link to choose a password: `reset` when asked for, `registered`
 * when someone tried to sign up with its address. At most RATE_RULES.passwordResetPerAccount mails
 * per account: beyond that nothing is sent, and the caller is not told (it would tell that the
 * address has an account).
 */
export async function mailPasswordLink(
  db: Db,
  account: Pick<Account, 'id' | 'email' | 'locale'>,
  kind: 'reset' | 'registered',
  publicUrl: string,
): Promise<boolean> {
  const decision = await consumeAll(db, [[RATE_RULES.passwordResetPerAccount, account.id]]);
  if (!decision.allowed) return false;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, account.id, 'RESET_PASSWORD');
    await enqueueMail(
      tx,
      accountMail(kind, account.email, account.locale, `${publicUrl}/contrasenya?token=${token}`),
    );
  });
  return true;
}

/**
 * A password reset link for the address when it has an account; the same answer, in the same time,
 * either way. Limited per address asking and per address asked about (counted for unknown ones
 * too, so that the limit tells nothing either).
 */
export function requestPasswordReset(
  db: Db,
  { email }: PasswordResetRequest,
  clientAddress: string,
  publicUrl: string,
): Promise<ServiceResult<Record<never, never>>> {
  return atConstantTime(RESET_ANSWER_MS, async () => {
    const limited = await rateLimited(
      db,
      [
        [RATE_RULES.passwordResetPerAddress, clientAddress],
        [RATE_RULES.passwordResetPerAccount, `email:${email}`],
      ],
      'email',
    );
    if (limited) return limited;
    const account = await db.account.findUnique({ where: { email } });
    if (account) await mailPasswordLink(db, account, 'reset', publicUrl);
    return { ok: true };
  });
}

/** Thrown inside the reset's transaction to roll it back (the token then still works). */
class PasswordRefused extends Error {}

/**
 * Sets a new password with a reset token (single use, one hour). Every session of the account
 * ends, failed sign-ins against it are forgotten, and the address counts as confirmed (the link
 * reached it). An unknown, used or expired token gives ACCOUNT_LINK_INVALID; a password that
 * contains the account's address gives PASSWORD_CONTAINS_EMAIL and leaves the token usable.
 */
export async function resetPassword(
  db: Db,
  { token, password }: ResetPasswordInput,
): Promise<ServiceResult<Record<never, never>>> {
  const result = await db
    .$transaction(async (tx) => {
      const accountId = await consumeToken(tx, token, 'RESET_PASSWORD');
      if (!accountId) return null;
      const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      if (passwordContainsEmail(password, account.email)) throw new PasswordRefused();
      await tx.account.update({
        where: { id: accountId },
        data: {
          passwordHash: await hashPassword(password),
          emailVerifiedAt: account.emailVerifiedAt ?? new Date(),
        },
      });
      await revokeSessions(tx, accountId);
      await recordAudit(tx, {
        actorId: accountId,
        action: 'account.password-reset',
        entityType: 'Account',
        entityId: accountId,
        changes: {},
      });
      return { email: account.email };
    })
    .catch((error: unknown) => {
      if (error instanceof PasswordRefused) return error;
      throw error;
    });
  if (result === null) return rejected(userError('ACCOUNT_LINK_INVALID', 'token'));
  if (result instanceof PasswordRefused) return rejected(userError('PASSWORD_CONTAINS_EMAIL', 'password'));
  await clearAccountFailures(db, result.email);
  return { ok: true };
}
