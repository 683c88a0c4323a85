import { describe, expect, it } from 'vitest';
import { compactTaxId, expectedChecks, makeCif, validateTaxId } from './tax-id.ts';

describe('validateTaxId', () => {
  it.each([
    ['B86670460', 'ENTITY'],
    ['J99216582', 'ENTITY'],
    ['Q2876031B', 'ENTITY'],
    ['N0112768G', 'ENTITY'],
    ['W8265365J', 'ENTITY'],
    ['12345678Z', 'PERSON'],
    ['X1234567L', 'PERSON'],
  ])('accepts %s (%s)', (value, kind) => {
    const result = validateTaxId(value);
    expect(result).toMatchObject({ valid: true, value, kind });
  });

  it('accepts the usual ways of writing one and stores the compact form', () => {
    expect(validateTaxId(' b-8667046-0 ')).toMatchObject({ valid: true, value: 'B86670460' });
    expect(validateTaxId('ES B86670460')).toMatchObject({ valid: true, value: 'B86670460' });
    expect(validateTaxId('b.86670460')).toMatchObject({ valid: true, value: 'B86670460' });
    expect(compactTaxId('es-12345678-z')).toBe('12345678Z');
  });

  it('names the expected check character when it is wrong', () => {
    expect(validateTaxId('B86670461')).toEqual({
      valid: false,
      reason: 'TAX_ID_CHECK_CHARACTER',
      params: { value: 'B86670461', expected: '0' },
    });
    expect(validateTaxId('12345678A')).toEqual({
      valid: false,
      reason: 'TAX_ID_CHECK_CHARACTER',
      params: { value: '12345678A', expected: 'Z' },
    });
    expect(validateTaxId('Q2876031C')).toMatchObject({
      valid: false,
      reason: 'TAX_ID_CHECK_CHARACTER',
      params: { expected: 'B' },
    });
    // A cooperative (F) may end in the digit or in its letter: both are named.
    const cooperative = makeCif('F', 8123456);
    const wrong = `${cooperative.slice(0, 8)}${cooperative.endsWith('0') ? '1' : '0'}`;
    expect(validateTaxId(wrong)).toMatchObject({
      valid: false,
      reason: 'TAX_ID_CHECK_CHARACTER_EITHER',
      params: {
        value: wrong,
        digit: expect.stringMatching(/^\d$/),
        letter: expect.stringMatching(/^[A-J]$/),
      },
    });
  });

  it('applies the letter-or-digit rule of each kind of entity', () => {
    // B (limited company) always ends in a digit; Q (public body) always in a letter.
    expect(validateTaxId('B8667046J')).toEqual({
      valid: false,
      reason: 'TAX_ID_ENDS_IN_DIGIT',
      params: { value: 'B8667046J', letter: 'B', expected: '0' },
    });
    expect(validateTaxId('Q28760312')).toEqual({
      valid: false,
      reason: 'TAX_ID_ENDS_IN_LETTER',
      params: { value: 'Q28760312', letter: 'Q', expected: 'B' },
    });
    // F (cooperative) and G (association) may use either form.
    const cooperative = makeCif('F', 8123456);
    expect(validateTaxId(cooperative)).toMatchObject({ valid: true, entityLetter: 'F' });
  });

  it.each([
    ['', 'REQUIRED', {}],
    ['B8667046', 'TAX_ID_MALFORMED', { value: 'B8667046' }],
    [' B866704600 ', 'TAX_ID_MALFORMED', { value: 'B866704600' }],
    ['I12345678', 'TAX_ID_UNKNOWN_LETTER', { value: 'I12345678', letter: 'I' }],
    ['B86670é60', 'TAX_ID_MALFORMED', { value: 'B86670é60' }],
    ['ABCDEFGHI', 'TAX_ID_INVALID', { value: 'ABCDEFGHI' }],
  ])('rejects %j', (value, reason, params) => {
    expect(validateTaxId(value)).toEqual({ valid: false, reason, params });
  });

  it('builds valid CIFs for every entity letter it generates', () => {
    for (const letter of ['A', 'B', 'F', 'G', 'J', 'V', 'Q', 'W']) {
      for (const number of [0, 1, 8123456, 9999999]) {
        const cif = makeCif(letter, number);
        expect(validateTaxId(cif), cif).toMatchObject({ valid: true });
      }
    }
    expect(expectedChecks('Z1234567R')).toEqual(['R']);
    expect(expectedChecks('F8123456X')).toHaveLength(2);
  });
});
