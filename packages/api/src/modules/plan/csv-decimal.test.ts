import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDecimal } from './csv-decimal.ts';

describe('csvDecimal', () => {
  it('writes the decimal separator of the file’s language and no thousands separator', () => {
    expect(csvDecimal(0, 'CA', 1)).toBe('0,0');
    expect(csvDecimal(62.5, 'CA', 1)).toBe('62,5');
    expect(csvDecimal(62.5, 'ES', 1)).toBe('62,5');
    expect(csvDecimal(62.5, 'EN', 1)).toBe('62.5');
    expect(csvDecimal(176450.5, 'CA')).toBe('176450,5');
    expect(csvDecimal(176450.5, 'EN')).toBe('176450.5');
    expect(csvDecimal(140, 'CA')).toBe('140');
  });

  it('reads back as the number it wrote (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const value = units / 10 ** places;
        expect(Number(csvDecimal(value, 'CA').replace(',', '.'))).toBe(value);
        expect(Number(csvDecimal(value, 'EN'))).toBe(value);
        expect(csvDecimal(value, 'ES')).not.toContain('.');
      }),
    );
  });
});
