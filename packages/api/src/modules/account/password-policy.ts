import { dictionary } from '@zxcvbn-ts/language-common';

/** The rules for a new password: long enough, and not one of the passwords everybody tries first. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// About 49,000 of the most common passwords (zxcvbn-ts's list, MIT).
const COMMON = new Set(
  ((dictionary as Record<string, string[]>)['passwords-common'] ?? []).map((p) => p.toLowerCase()),
);
if (COMMON.size < 10_000) throw new Error('the common-password list did not load');

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must have at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is one of the most common passwords: choose another';
  if (new Set(lower).size < 4) return 'repeats too few characters: choose another';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'must not contain your email address';
  return null;
}
