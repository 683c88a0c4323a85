import type { Db } from '@proximitat/db';
import type { ServiceResult } from '../../errors.ts';
import { RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { enqueueMail } from '../mail/mail.ts';
import type { RegisterInput } from './account-input.ts';
import { accountMail } from './account-mail.ts';
import { issueToken } from './account-token.service.ts';
import { atConstantTime } from './constant-time.ts';
import { hashPassword } from './password.ts';
import { mailPasswordLink } from './password-reset.service.ts';

/** Every accepted registration answers after at least this long (both paths take about 40 ms). */
export const REGISTER_ANSWER_MS = 300;

/**
 * A new account with role USER and a mail to confirm its address. When the address already has an
 * account, its owner is mailed instead (someone tried to sign up with it, and a link to choose a new
 * password), and the answer is the same, in the same time: the caller cannot tell whether the
 * address had an account. Nobody is signed in here: the new owner signs in with the password chosen.
 * The input has been validated (RegisterInputSchema); only the rate limit may refuse it here.
 */
export async function register(
  db: Db,
  input: RegisterInput,
  clientAddress: string,
  publicUrl: string,
): Promise<ServiceResult<Record<never, never>>> {
  const { email, name, locale } = input;
  const limited = await rateLimited(db, [[RATE_RULES.registerPerAddress, clientAddress]]);
  if (limited) return limited;

  return atConstantTime(REGISTER_ANSWER_MS, async () => {
    // Hashed on both paths, so that a known address costs the same argon2 work as a new one.
    const passwordHash = await hashPassword(input.password);
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
