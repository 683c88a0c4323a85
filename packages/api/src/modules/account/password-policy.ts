import { dictionary } from '@zxcvbn-ts/language-common';

/** The rules for a new password: long enough, and not one of the passwords everybody tries first. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** A password of fewer different characters ("aaaaaaaaaaaaaa") is refused. */
export const MIN_DISTINCT_CHARACTERS = 4;

// About 49,000 of the most common passwords (zxcvbn-ts's list, MIT).
const COMMON = new Set(
  ((dictionary as Record<string, string[]>)['passwords-common'] ?? []).map((p) => p.toLowerCase()),
);
if (COMMON.size < 10_000) throw new Error('the common-password list did not load');

/** Why a password is too weak to be chosen (the reasons of the error catalogue). */
export type PasswordWeakness =
  | { reason: 'PASSWORD_TOO_COMMON' }
  | { reason: 'PASSWORD_TOO_REPETITIVE'; min: number };

/** Why a password of an acceptable length is too weak, or null (NewPasswordSchema checks the length). */
export function passwordWeakness(password: string): PasswordWeakness | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return { reason: 'PASSWORD_TOO_COMMON' };
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS)
    return { reason: 'PASSWORD_TOO_REPETITIVE', min: MIN_DISTINCT_CHARACTERS };
  return null;
}

/** Whether the password contains the address's local part (when it is long enough to matter). */
export function passwordContainsEmail(password: string, email: string): boolean {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return local.length >= 4 && password.toLowerCase().includes(local);
}
