import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCpvCodes, validateCpv } from './cpv.ts';

const codes = allCpvCodes().map((code) => code.code);

describe('CPV codes (properties)', () => {
  it('accept every code of the vocabulary, with or without its dash, and no other check digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 0, max: 9 }), (code, digit) => {
        expect(validateCpv(code)).toMatchObject({ valid: true });
        expect(validateCpv(` ${code.replace('-', '')} `)).toMatchObject({ valid: true, code: { code } });
        const check = Number(code.slice(-1));
        if (digit !== check) expect(validateCpv(`${code.slice(0, 9)}${digit}`).valid).toBe(false);
      }),
    );
  });

  it('never throw on any input, and accept only codes of the vocabulary', () => {
    const known = new Set(codes);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^\d{8}-\d$/)), (input) => {
        const result = validateCpv(input);
        if (result.valid) expect(known.has(result.code.code)).toBe(true);
      }),
    );
  });
});
