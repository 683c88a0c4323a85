import { Locale } from '@proximitat/db';
import { z } from 'zod';
import { isEmailAddress } from '../common/ids.ts';
import { reasonIssue } from '../common/validation.ts';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordContainsEmail,
  passwordWeakness,
} from './password-policy.ts';

/**
 * The account mutations' input, checked at the edge (the resolvers parse it with `parseInput`)
 * before any database lookup or argon2 work: a 3,000-character email used to reach PostgreSQL's
 * index limit. The services take the parsed values and trust them.
 */

/** The longest address SMTP can carry (RFC 5321's path limit less its brackets). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;

/** An address as stored: trimmed and lowercased. */
const EmailText = z.string().trim().toLowerCase();

/** An address someone signs in with: not checked further, a wrong one simply does not sign in. */
const SignInEmail = EmailText.max(MAX_EMAIL_LENGTH, { abort: true });

/** A new address: filled in, not too long, and an address. */
export const EmailSchema = EmailText.min(1, { abort: true })
  .max(MAX_EMAIL_LENGTH, { abort: true })
  .refine(isEmailAddress, { params: { reason: 'NOT_AN_EMAIL' } });

/** A new password: long enough, not too long, not one everybody tries. */
export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { abort: true })
  .max(MAX_PASSWORD_LENGTH, { abort: true })
  .superRefine((password, ctx) => {
    const weakness = passwordWeakness(password);
    if (!weakness) return;
    ctx.addIssue(
      weakness.reason === 'PASSWORD_TOO_REPETITIVE'
        ? reasonIssue(weakness.reason, { min: weakness.min })
        : reasonIssue(weakness.reason),
    );
  });

export const RegisterInputSchema = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    name: z
      .string()
      .trim()
      .max(MAX_NAME_LENGTH)
      .nullish()
      .transform((name) => name || null),
    locale: z
      .enum(Locale)
      .nullish()
      .transform((locale) => locale ?? Locale.CA),
  })
  .superRefine((input, ctx) => {
    if (passwordWeakness(input.password) === null && passwordContainsEmail(input.password, input.email))
      ctx.addIssue(reasonIssue('PASSWORD_CONTAINS_EMAIL', {}, ['password']));
  });
export type RegisterInput = z.output<typeof RegisterInputSchema>;

export const LoginInputSchema = z.object({
  email: SignInEmail,
  password: z.string().max(MAX_PASSWORD_LENGTH, { abort: true }),
});
export type LoginInput = z.output<typeof LoginInputSchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.output<typeof PasswordResetRequestSchema>;

export const ResetPasswordInputSchema = z.object({ token: z.string(), password: NewPasswordSchema });
export type ResetPasswordInput = z.output<typeof ResetPasswordInputSchema>;
