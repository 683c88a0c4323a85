import { describe, expect, it } from 'vitest';
import { compactTaxId, expectedCheck, makeCif, validateTaxId } from './tax-id.ts';

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
      reason: 'wrong check character in B86670461 (expected 0)',
    });
    expect(validateTaxId('12345678A')).toEqual({
      valid: false,
      reason: 'wrong check character in 12345678A (expected Z)',
    });
    expect(validateTaxId('Q2876031C')).toMatchObject({
      valid: false,
      reason: expect.stringContaining('expected B'),
    });
  });

  it('applies the letter-or-digit rule of each kind of entity', () => {
    // B (limited company) always ends in a digit; Q (public body) always in a letter.
    expect(validateTaxId('B8667046J')).toMatchObject({
      valid: false,
      reason: expect.stringContaining('end in a digit'),
    });
    expect(validateTaxId('Q28760312')).toMatchObject({
      valid: false,
      reason: expect.stringContaining('end in a letter'),
    });
    // F (cooperative) and G (association) may use either form.
    const cooperative = makeCif('F', 8123456);
    expect(validateTaxId(cooperative)).toMatchObject({ valid: true, entityLetter: 'F' });
  });

  it.each([
    ['', 'is required'],
    ['B8667046', 'is not a Spanish CIF/NIF'],
    ['B866704600', 'is not a Spanish CIF/NIF'],
    ['I12345678', 'not a valid CIF/NIF'],
    ['B86670é60', 'is not a Spanish CIF/NIF'],
    ['ABCDEFGHI', 'not a valid CIF/NIF'],
  ])('rejects %j', (value, reason) => {
    const result = validateTaxId(value);
    expect(result.valid).toBe(false);
    expect(result.valid ? '' : result.reason).toContain(reason);
  });

  it('builds valid CIFs for every entity letter it generates', () => {
    for (const letter of ['A', 'B', 'F', 'G', 'J', 'V', 'Q', 'W']) {
      for (const number of [0, 1, 8123456, 9999999]) {
        const cif = makeCif(letter, number);
        expect(validateTaxId(cif), cif).toMatchObject({ valid: true });
      }
    }
    expect(expectedCheck('Z1234567R')).toBe('R');
  });
});
