import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForInput, formatNumber, parseNumber } from './format-number.ts';

const value = (text: string, tag: string, maximumFractionDigits = 2) => {
  const parsed = parseNumber(text, tag, { maximumFractionDigits });
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseNumber', () => {
  it('reads an amount as each locale writes it', () => {
    expect(value('120.000,50', 'ca')).toBe(120000.5);
    expect(value('120.000,50', 'es')).toBe(120000.5);
    expect(value('120,000.50', 'en')).toBe(120000.5);
    expect(value('50.000', 'ca')).toBe(50000);
    expect(value('50.000', 'es')).toBe(50000);
    expect(value('50,000', 'en')).toBe(50000);
    expect(value('50000', 'en')).toBe(50000);
    expect(value('5000', 'es')).toBe(5000);
    expect(value('12,5', 'ca')).toBe(12.5);
    expect(value('12.5', 'en')).toBe(12.5);
    expect(value('120 000,50', 'ca')).toBe(120000.5);
    expect(value('120.000,50 €', 'ca')).toBe(120000.5);
    expect(value('€120,000.50', 'en')).toBe(120000.5);
    // A negative amount is read as such: the API says the field's range (AT_LEAST 0).
    expect(value('-5', 'ca')).toBe(-5);
    expect(value('-1.234,5', 'es')).toBe(-1234.5);
  });

  it("refuses another locale's way of writing, and what could be read two ways", () => {
    // The bug of the hand-made parser: "120,000.50" in English was saved as 120.
    expect(value('120,000.50', 'ca')).toBe('NUMBER_FORMAT');
    expect(value('120.000,50', 'en')).toBe('NUMBER_FORMAT');
    // Three decimals in a field of cents: a thousands separator of the other convention.
    expect(value('50,000', 'ca')).toBe('NUMBER_FORMAT');
    expect(value('50,000', 'es')).toBe('NUMBER_FORMAT');
    expect(value('50.000', 'en')).toBe('NUMBER_FORMAT');
    // Groups of other than three digits.
    expect(value('1.00.000', 'ca')).toBe('NUMBER_FORMAT');
    expect(value('12.5', 'ca')).toBe('NUMBER_FORMAT');
    expect(value('1,2,3', 'en')).toBe('NUMBER_FORMAT');
    expect(value('1,5', 'en')).toBe('NUMBER_FORMAT');
    expect(parseNumber('-5', 'ca', { allowNegative: false })).toMatchObject({ reason: 'NUMBER_FORMAT' });
  });

  it('says which text is no number and which is empty', () => {
    expect(value('abc', 'ca')).toBe('NOT_A_NUMBER');
    expect(value('12 kg', 'en')).toBe('NOT_A_NUMBER');
    expect(value('1e5', 'en')).toBe('NOT_A_NUMBER');
    expect(value('   ', 'es')).toBe('EMPTY');
  });

  it('gives an example in the locale with a refusal', () => {
    expect(parseNumber('50,000', 'ca')).toEqual({ ok: false, reason: 'NUMBER_FORMAT', example: '12.345,67' });
    expect(parseNumber('50.000', 'en')).toEqual({ ok: false, reason: 'NUMBER_FORMAT', example: '12,345.67' });
  });

  it('reads back every amount as the field shows it, in each locale (property)', () => {
    const cents = fc.integer({ min: 0, max: 99_999_999_999 }).map((n) => n / 100);
    for (const tag of ['ca', 'es', 'en']) {
      fc.assert(
        fc.property(cents, (amount) => {
          expect(value(formatForInput(amount, tag), tag)).toBe(amount);
          expect(value(formatNumber(amount, tag), tag)).toBe(amount);
        }),
      );
    }
  });

  it('reads an amount written by hand with or without thousands separators (property)', () => {
    const symbols = { ca: ['.', ','], es: ['.', ','], en: [',', '.'] } as const;
    const parts = fc.tuple(
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.boolean(),
    );
    for (const [tag, [group, decimal]] of Object.entries(symbols)) {
      fc.assert(
        fc.property(parts, ([whole, cents, grouped]) => {
          const digits = String(whole);
          const integer = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, group) : digits;
          const text = cents > 0 ? `${integer}${decimal}${String(cents).padStart(2, '0')}` : integer;
          expect(value(text, tag)).toBe((whole * 100 + cents) / 100);
        }),
      );
    }
  });
});
