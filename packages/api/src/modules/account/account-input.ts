import { ErrorCode, type UserError } from '../../errors.ts';
import { userError } from '../common/user-error.schema.ts';
import { MAX_PASSWORD_LENGTH } from './password-policy.ts';

/** The longest address SMTP can carry (RFC 5321's path limit less its brackets). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * VALIDATION errors for an email or a password too long to be one, checked before any database
 * lookup or argon2 work (a 3,000-character email used to reach PostgreSQL's index limit).
 */
export function accountInputErrors(fields: {
  email?: [string, string];
  password?: [string, string];
}): UserError[] {
  const errors: UserError[] = [];
  if (fields.email && fields.email[1].trim().length > MAX_EMAIL_LENGTH)
    errors.push(
      userError(ErrorCode.VALIDATION, `is longer than ${MAX_EMAIL_LENGTH} characters`, fields.email[0]),
    );
  if (fields.password && fields.password[1].length > MAX_PASSWORD_LENGTH)
    errors.push(
      userError(ErrorCode.VALIDATION, `is longer than ${MAX_PASSWORD_LENGTH} characters`, fields.password[0]),
    );
  return errors;
}

/**
 * Runs `work` and answers no sooner than `floorMs` after it began, so that the time of an answer
 * does not tell whether an address has an account (the paths for known and unknown addresses do
 * different database work). The floor sits well above what either path takes on this machine.
 */
export async function atConstantTime<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const left = floorMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return result;
}
