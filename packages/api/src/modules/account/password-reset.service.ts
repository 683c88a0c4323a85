import type { Account, Db } from '@proximitat/db';
import type { UserError } from '../../errors.ts';
import { consumeAll, RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { enqueueMail } from '../mail/mail.ts';
import { atConstantTime } from './account-input.ts';
import { accountMail } from './account-mail.ts';
import { issueToken } from './account-token.service.ts';
import { normaliseEmail } from './password.ts';

/** Every answer of requestPasswordReset takes at least this long (both paths take under 30 ms). */
export const RESET_ANSWER_MS = 150;

export type ResetRequestResult = { ok: true } | { ok: false; errors: UserError[]; retryAfterSeconds: number };

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
  email: string,
  clientAddress: string,
  publicUrl: string,
): Promise<ResetRequestResult> {
  const normalised = normaliseEmail(email);
  return atConstantTime(RESET_ANSWER_MS, async () => {
    const limited = await rateLimited(
      db,
      [
        [RATE_RULES.passwordResetPerAddress, clientAddress],
        [RATE_RULES.passwordResetPerAccount, `email:${normalised}`],
      ],
      'email',
    );
    if (limited) return limited;
    const account = await db.account.findUnique({ where: { email: normalised } });
    if (account) await mailPasswordLink(db, account, 'reset', publicUrl);
    return { ok: true };
  });
}
