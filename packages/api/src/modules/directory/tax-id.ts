import type { ReasonParams } from '@proximitat/errors';
import { stdnum } from 'stdnum';
import type { Reason } from '../../errors.ts';

/**
 * Spanish tax IDs (NIF): CIF of legal entities, DNI and NIE of natural persons (sole traders).
 * The check character is validated by `stdnum` (MIT); on top of it we apply the rule of
 * Orden EHA/451/2008 that some entity kinds always use a letter and others always a digit.
 */
const nif = (() => {
  const validator = stdnum.ES?.nif;
  if (!validator) throw new Error('stdnum has no Spanish NIF validator');
  return validator;
})();

/** Entities whose check character is always a letter (public bodies, non-resident entities, ...). */
const LETTER_CHECK = 'KLMNPQRSW';
/** Entities whose check character is always a digit (public and limited companies, ...). */
const DIGIT_CHECK = 'ABEH';

export type TaxIdKind = 'ENTITY' | 'PERSON';

/** Why a tax ID is refused: a reason with its parameters (give it a field with `reasonError`). */
export type TaxIdProblem<R extends TaxIdReason = TaxIdReason> = R extends TaxIdReason
  ? { valid: false; reason: R; params: ReasonParams<R> }
  : never;

type TaxIdReason = Extract<
  Reason,
  | 'REQUIRED'
  | 'TAX_ID_MALFORMED'
  | 'TAX_ID_UNKNOWN_LETTER'
  | 'TAX_ID_CHECK_CHARACTER'
  | 'TAX_ID_CHECK_CHARACTER_EITHER'
  | 'TAX_ID_ENDS_IN_LETTER'
  | 'TAX_ID_ENDS_IN_DIGIT'
  | 'TAX_ID_INVALID'
>;

export type TaxIdResult =
  | { valid: true; value: string; kind: TaxIdKind; entityLetter: string | null }
  | TaxIdProblem;

const refuse = <R extends TaxIdReason>(reason: R, params: ReasonParams<R>): TaxIdProblem<R> =>
  ({ valid: false, reason, params }) as TaxIdProblem<R>;

/** Accepts spaces, dashes, dots and a leading "ES"; returns the compact upper-case form. */
export function compactTaxId(input: string): string {
  const compact = input.toUpperCase().replace(/[\s.\-/]/g, '');
  return compact.startsWith('ES') && compact.length === 11 ? compact.slice(2) : compact;
}

export function validateTaxId(input: string): TaxIdResult {
  const value = compactTaxId(input);
  if (value === '') return refuse('REQUIRED', {});
  if (!/^[0-9A-Z]{9}$/.test(value)) return refuse('TAX_ID_MALFORMED', { value: input.trim() });
  if (!/^[0-9ABCDEFGHJKLMNPQRSUVWXYZ]/.test(value)) {
    return refuse('TAX_ID_UNKNOWN_LETTER', { value, letter: value.charAt(0) });
  }
  const result = nif.validate(value);
  if (!result.isValid) {
    const error = result.error?.name ?? '';
    const expected = expectedChecks(value);
    if ((error === 'InvalidChecksum' || error === 'InvalidComponent') && expected) {
      const [digit = '', letter] = expected;
      return letter
        ? refuse('TAX_ID_CHECK_CHARACTER_EITHER', { value, digit, letter })
        : refuse('TAX_ID_CHECK_CHARACTER', { value, expected: digit });
    }
    return refuse('TAX_ID_INVALID', { value });
  }
  const first = value.charAt(0);
  const check = value.charAt(8);
  const isEntity = /[A-W]/.test(first) && !'KLMXYZ'.includes(first);
  if (isEntity) {
    const expected = (expectedChecks(value) ?? []).join('');
    if (LETTER_CHECK.includes(first) && /\d/.test(check)) {
      return refuse('TAX_ID_ENDS_IN_LETTER', { value, letter: first, expected });
    }
    if (DIGIT_CHECK.includes(first) && /[A-Z]/.test(check)) {
      return refuse('TAX_ID_ENDS_IN_DIGIT', { value, letter: first, expected });
    }
  }
  return { valid: true, value, kind: isEntity ? 'ENTITY' : 'PERSON', entityLetter: isEntity ? first : null };
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';

/**
 * The check characters the ID may have, as a hint in error messages: one, or a digit and a letter
 * for the entities that may use either (null if the body is malformed).
 */
export function expectedChecks(value: string): [string] | [digit: string, letter: string] | null {
  const first = value.charAt(0);
  if (/^\d{8}/.test(value)) return [DNI_LETTERS.charAt(Number(value.slice(0, 8)) % 23)];
  if (/^[XYZ]\d{7}/.test(value)) {
    const number = `${'XYZ'.indexOf(first)}${value.slice(1, 8)}`;
    return [DNI_LETTERS.charAt(Number(number) % 23)];
  }
  if (/^[KLM]\d{7}/.test(value)) return [DNI_LETTERS.charAt(Number(value.slice(1, 8)) % 23)];
  if (!/^[A-W]\d{7}/.test(value)) return null;
  const digits = value.slice(1, 8);
  let sum = 0;
  for (const [index, char] of [...digits].entries()) {
    const digit = Number(char);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += digit;
  }
  const control = (10 - (sum % 10)) % 10;
  if (LETTER_CHECK.includes(first)) return [CIF_LETTERS.charAt(control)];
  if (DIGIT_CHECK.includes(first)) return [String(control)];
  return [String(control), CIF_LETTERS.charAt(control)];
}

/** Builds a valid CIF for an entity letter and a 7-digit number (used by the sample generator and tests). */
export function makeCif(entityLetter: string, number: number): string {
  const body = `${entityLetter}${String(number).padStart(7, '0')}`;
  const [expected = ''] = expectedChecks(`${body}0`) ?? [];
  return `${body}${expected}`;
}
