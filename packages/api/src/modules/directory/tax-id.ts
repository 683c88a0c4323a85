import { stdnum } from 'stdnum';

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

export type TaxIdResult =
  | { valid: true; value: string; kind: TaxIdKind; entityLetter: string | null }
  | { valid: false; reason: string };

/** Accepts spaces, dashes, dots and a leading "ES"; returns the compact upper-case form. */
export function compactTaxId(input: string): string {
  const compact = input.toUpperCase().replace(/[\s.\-/]/g, '');
  return compact.startsWith('ES') && compact.length === 11 ? compact.slice(2) : compact;
}

export function validateTaxId(input: string): TaxIdResult {
  const value = compactTaxId(input);
  if (value === '') return { valid: false, reason: 'is required' };
  if (!/^[0-9A-Z]{9}$/.test(value)) {
    return { valid: false, reason: `"${input.trim()}" is not a Spanish CIF/NIF (9 letters and digits)` };
  }
  if (!/^[0-9ABCDEFGHJKLMNPQRSUVWXYZ]/.test(value)) {
    return {
      valid: false,
      reason: `${value} is not a valid CIF/NIF (no kind of entity starts with ${value.charAt(0)})`,
    };
  }
  const result = nif.validate(value);
  if (!result.isValid) {
    const error = result.error?.name ?? '';
    if (error === 'InvalidChecksum' || error === 'InvalidComponent') {
      const expected = expectedCheck(value);
      return {
        valid: false,
        reason: expected
          ? `wrong check character in ${value} (expected ${expected})`
          : `${value} is not a valid CIF/NIF`,
      };
    }
    return { valid: false, reason: `${value} is not a valid CIF/NIF` };
  }
  const first = value.charAt(0);
  const check = value.charAt(8);
  const isEntity = /[A-W]/.test(first) && !'KLMXYZ'.includes(first);
  if (isEntity) {
    if (LETTER_CHECK.includes(first) && /\d/.test(check)) {
      return {
        valid: false,
        reason: `${value}: entities of kind ${first} end in a letter (expected ${expectedCheck(value)})`,
      };
    }
    if (DIGIT_CHECK.includes(first) && /[A-Z]/.test(check)) {
      return {
        valid: false,
        reason: `${value}: entities of kind ${first} end in a digit (expected ${expectedCheck(value)})`,
      };
    }
  }
  return { valid: true, value, kind: isEntity ? 'ENTITY' : 'PERSON', entityLetter: isEntity ? first : null };
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';

/** The check character the ID should have, as a hint in error messages (null if the body is malformed). */
export function expectedCheck(value: string): string | null {
  const first = value.charAt(0);
  if (/^\d{8}/.test(value)) return DNI_LETTERS.charAt(Number(value.slice(0, 8)) % 23);
  if (/^[XYZ]\d{7}/.test(value)) {
    const number = `${'XYZ'.indexOf(first)}${value.slice(1, 8)}`;
    return DNI_LETTERS.charAt(Number(number) % 23);
  }
  if (/^[KLM]\d{7}/.test(value)) return DNI_LETTERS.charAt(Number(value.slice(1, 8)) % 23);
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
  if (LETTER_CHECK.includes(first)) return CIF_LETTERS.charAt(control);
  if (DIGIT_CHECK.includes(first)) return String(control);
  return `${control} or ${CIF_LETTERS.charAt(control)}`;
}

/** Builds a valid CIF for an entity letter and a 7-digit number (used by the sample generator and tests). */
export function makeCif(entityLetter: string, number: number): string {
  const body = `${entityLetter}${String(number).padStart(7, '0')}`;
  const expected = expectedCheck(`${body}0`) ?? '';
  return `${body}${expected.charAt(0)}`;
}
