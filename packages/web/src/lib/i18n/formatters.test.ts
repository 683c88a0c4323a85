import { describe, expect, it } from 'vitest';
import { LOCALES, langTag } from './locales.ts';
import { createTranslator } from './translator.ts';

// Intl puts a no-break space (U+00A0) before "€" and a narrow one (U+202F) in some times: compare
// with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCurrency', () => {
  it.each([
    ['CA', 1234.5, '1.234,50 €'],
    ['ES', 1234.5, '1234,50 €'],
    ['EN', 1234.5, '€1,234.50'],
    ['CA', 176450.5, '176.450,50 €'],
    ['ES', 176450.5, '176.450,50 €'],
    ['EN', 176450.5, '€176,450.50'],
    ['CA', 50000, '50.000 €'],
    ['EN', 50000, '€50,000'],
    ['CA', 0.07, '0,07 €'],
    ['CA', '176450.50', '176.450,50 €'],
    ['EN', '120000.00', '€120,000'],
  ] as const)('%s %s → %s', (locale, value, expected) => {
    expect(plain(createTranslator(locale).formatCurrency(value))).toBe(expected);
  });

  it('never rounds cents away', () => {
    expect(plain(createTranslator('CA').formatCurrency(176450.5))).not.toBe('176.451 €');
    expect(plain(createTranslator('EN').formatCurrency(999999.99))).toBe('€999,999.99');
  });
});

describe('formatNumber', () => {
  it.each([
    ['CA', 1234.5, '1.234,5'],
    ['ES', 1234.5, '1234,5'],
    ['ES', 12345.5, '12.345,5'],
    ['EN', 1234.5, '1,234.5'],
  ] as const)('%s %s → %s', (locale, value, expected) => {
    expect(createTranslator(locale).formatNumber(value)).toBe(expected);
  });

  it('takes Intl options', () => {
    const percent = createTranslator('CA').formatNumber(0.256, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    expect(plain(percent)).toBe('25,6 %');
  });
});

describe('formatDate and formatDateTime', () => {
  const instant = '2026-03-05T10:30:00Z'; // 11:30 in Barcelona

  it.each([
    ['CA', '5 de març 2026'],
    ['ES', '5 mar 2026'],
    ['EN', 'Mar 5, 2026'],
  ] as const)('%s date → %s', (locale, expected) => {
    expect(createTranslator(locale).formatDate(instant)).toBe(expected);
  });

  it('a date-only value is that calendar day wherever it is shown', () => {
    expect(createTranslator('CA').formatDate('2026-01-01')).toBe('1 de gen. 2026');
    expect(createTranslator('EN').formatDate('2026-12-31', { dateStyle: 'long' })).toBe('December 31, 2026');
  });

  it('date and time in the platform time zone, in the interface language', () => {
    expect(plain(createTranslator('CA').formatDateTime(instant))).toBe('5 de març 2026, 11:30');
    expect(plain(createTranslator('ES').formatDateTime(instant))).toBe('5 mar 2026, 11:30');
    expect(plain(createTranslator('EN').formatDateTime(instant))).toBe('Mar 5, 2026, 11:30 AM');
  });

  it("each language writes the same instant its own way, whatever the machine's locale", () => {
    const texts = LOCALES.map(({ code }) => createTranslator(code).formatDate(new Date(instant)));
    expect(new Set(texts).size).toBe(3);
  });
});

describe('langTag', () => {
  it('gives the BCP 47 tag of each language', () => {
    expect(LOCALES.map(({ code }) => langTag(code))).toEqual(['ca', 'es', 'en']);
  });
});
