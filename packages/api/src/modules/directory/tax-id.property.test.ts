import { isReason } from '@proximitat/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedChecks, makeCif, validateTaxId } from './tax-id.ts';

const ENTITY_LETTERS = 'ABCDEFGHJNPQRSUVW'.split('');
const cif = fc
  .tuple(fc.constantFrom(...ENTITY_LETTERS), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([letter, number]) => makeCif(letter, number));

describe('tax IDs (properties)', () => {
  it('accept every well-built CIF, however it is spaced or cased', () => {
    fc.assert(
      fc.property(cif, fc.constantFrom('', ' ', '-', '.'), fc.boolean(), (value, separator, lower) => {
        const written = `${value.slice(0, 1)}${separator}${value.slice(1, 8)}${separator}${value.slice(8)}`;
        const result = validateTaxId(lower ? written.toLowerCase() : written);
        expect(result).toMatchObject({ valid: true, value });
      }),
    );
  });

  it('refuse a CIF whose check character was changed (to neither the digit nor its letter)', () => {
    fc.assert(
      fc.property(cif, fc.constantFrom(...'0123456789ABCDEFGHIJ'.split('')), (value, check) => {
        // Some kinds of entity may end in the digit or in its letter ("8 or H"): both are right.
        const expected: readonly string[] = expectedChecks(value) ?? [];
        fc.pre(!expected.includes(check));
        expect(validateTaxId(`${value.slice(0, 8)}${check}`).valid).toBe(false);
      }),
    );
  });

  it('never throw, and only ever accept nine upper-case letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const result = validateTaxId(input);
        if (result.valid) expect(result.value).toMatch(/^[0-9A-Z]{9}$/);
        else expect(isReason(result.reason)).toBe(true);
      }),
    );
  });
});
