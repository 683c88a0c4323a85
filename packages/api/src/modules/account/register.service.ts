import type { Db, Locale } from '@proximitat/db';
import { ErrorCode, type UserError } from '../../errors.ts';
import { RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { isEmailAddress } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import { enqueueMail } from '../mail/mail.ts';
import { accountInputErrors, atConstantTime } from './account-input.ts';
import { accountMail } from './account-mail.ts';
import { issueToken } from './account-token.service.ts';
import { hashPassword, normaliseEmail } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { mailPasswordLink } from './password-reset.service.ts';

/** Every accepted registration answers after at least this long (both paths take about 40 ms). */
export const REGISTER_ANSWER_MS = 300;

export type RegisterResult = { ok: true } | { ok: false; errors: UserError[]; retryAfterSeconds?: number };

/**
 * A new account with role USER and a mail to confirm its address. When the address already has an
 * account, its owner is mailed instead (someone tried to sign up with it, and a link to choose a new
 * password), and the answer is the same, in the same time: the caller cannot tell whether the
 * address had an account. Nobody is signed in here: the new owner signs in with the password chosen.
 * Every problem names its field; nothing is written unless all is valid.
 */
export async function register(
  db: Db,
  input: { email: string; password: string; name?: string | null; locale?: Locale | null },
  clientAddress: string,
  publicUrl: string,
): Promise<RegisterResult> {
  const email = normaliseEmail(input.email);
  const errors = accountInputErrors({ email: ['input.email', email] });
  if (errors.length === 0 && !isEmailAddress(email))
    errors.push(userError(ErrorCode.VALIDATION, 'is not an email address', 'input.email'));
  const problem = passwordProblem(input.password, email);
  if (problem) errors.push(userError(ErrorCode.VALIDATION, `The password ${problem}`, 'input.password'));
  const name = input.name?.trim() || null;
  if (name && name.length > 200)
    errors.push(userError(ErrorCode.VALIDATION, 'is longer than 200 characters', 'input.name'));
  if (errors.length > 0) return { ok: false, errors };

  const limited = await rateLimited(
    db,
    [[RATE_RULES.registerPerAddress, clientAddress]],
  );
  if (limited) return limited;

  return atConstantTime(REGISTER_ANSWER_MS, async () => {
    // Hashed on both paths, so that a known address costs the same argon2 work as a new one.
    const passwordHash = await hashPassword(input.password);
    const locale = input.locale ?? 'CA';
    // The account and its verification mail are written together: never one without the other.
    const created = await db
      .$transaction(async (tx) => {
        const account = await tx.account.create({ data: { email, passwordHash, name, locale } });
        const token = await issueToken(tx, account.id, 'VERIFY_EMAIL');
        await enqueueMail(tx, accountMail('verify', email, locale, `${publicUrl}/verifica?token=${token}`));
        return true;
      })
      .catch((error: { code?: string }) => {
        if (error.code === 'P2002') return false;
        throw error;
      });
    if (!created) {
      // Never a verification link here: it would confirm the account of whoever registered the
      // address first. A reset link lets the real owner take it over instead.
      const existing = await db.account.findUnique({ where: { email } });
      if (existing) await mailPasswordLink(db, existing, 'registered', publicUrl);
    }
    return { ok: true };
  });
}
