import type { Db, Locale } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { ErrorCode, type UserError } from '../../errors.ts';
import { isEmailAddress } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import { enqueueMail } from '../mail/mail.ts';
import { accountMail } from './account-mail.ts';
import { issueToken } from './account-token.service.ts';
import { hashPassword, normaliseEmail } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { createSession } from './session.service.ts';

export type RegisterResult =
  | { ok: true; token: string; account: Viewer }
  | { ok: false; errors: UserError[] };

/** A new account with role USER, signed in at once. Every problem names its field; nothing is written unless all is valid. */
export async function register(
  db: Db,
  input: { email: string; password: string; name?: string | null; locale?: Locale | null },
  publicUrl: string,
): Promise<RegisterResult> {
  const email = normaliseEmail(input.email);
  const errors: UserError[] = [];
  if (!isEmailAddress(email))
    errors.push(userError(ErrorCode.VALIDATION, 'is not an email address', 'input.email'));
  const problem = passwordProblem(input.password, email);
  if (problem) errors.push(userError(ErrorCode.VALIDATION, `The password ${problem}`, 'input.password'));
  const name = input.name?.trim() || null;
  if (name && name.length > 200)
    errors.push(userError(ErrorCode.VALIDATION, 'is longer than 200 characters', 'input.name'));
  if (errors.length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(input.password);
  const locale = input.locale ?? 'CA';
  // The account and its verification mail are written together: never one without the other.
  const account = await db
    .$transaction(async (tx) => {
      const created = await tx.account.create({ data: { email, passwordHash, name, locale } });
      const token = await issueToken(tx, created.id, 'VERIFY_EMAIL');
      await enqueueMail(tx, accountMail('verify', email, locale, `${publicUrl}/verifica?token=${token}`));
      return created;
    })
    .catch((error: { code?: string }) => {
      if (error.code === 'P2002') return null;
      throw error;
    });
  if (!account) {
    return {
      ok: false,
      errors: [
        userError(
          ErrorCode.CONFLICT,
          'An account with this email already exists: sign in instead',
          'input.email',
        ),
      ],
    };
  }
  const session = await createSession(db, account.id);
  return {
    ok: true,
    token: session.token,
    account: { id: account.id, email: account.email, role: account.role },
  };
}
