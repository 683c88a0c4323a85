import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePattern, formatDateForInput, formatMoment, parseLocalDate } from './format-date.ts';

const value = (text: string, tag: string) => {
  const parsed = parseLocalDate(text, tag);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseLocalDate', () => {
  it('reads a date as each locale writes it', () => {
    expect(value('4/12/2026', 'ca')).toBe('2026-12-04');
    expect(value('04/12/2026', 'es')).toBe('2026-12-04');
    expect(value('4-12-2026', 'ca')).toBe('2026-12-04');
    expect(value('4.12.2026', 'es')).toBe('2026-12-04');
    expect(value('12/4/2026', 'en')).toBe('2026-12-04');
    expect(value('2026-12-04', 'en')).toBe('2026-12-04');
    expect(value('2026-12-04', 'ca')).toBe('2026-12-04');
  });

  it('refuses dates that do not exist and dates not written as the locale writes them', () => {
    expect(value('31/02/2026', 'ca')).toBe('INVALID_DATE');
    expect(value('4/13/2026', 'ca')).toBe('INVALID_DATE');
    expect(value('13/4/2026', 'en')).toBe('INVALID_DATE');
    expect(value('4/12/26', 'ca')).toBe('DATE_FORMAT');
    expect(value('ahir', 'ca')).toBe('DATE_FORMAT');
    expect(value('4/12', 'es')).toBe('DATE_FORMAT');
    expect(value('', 'es')).toBe('EMPTY');
  });

  it('writes the pattern and the example in the locale', () => {
    expect(datePattern('ca')).toBe('dd/mm/aaaa');
    expect(datePattern('es')).toBe('dd/mm/aaaa');
    expect(datePattern('en')).toBe('mm/dd/yyyy');
    expect(parseLocalDate('x', 'en')).toEqual({ ok: false, reason: 'DATE_FORMAT', example: '12/31/2026' });
    expect(parseLocalDate('x', 'ca')).toEqual({ ok: false, reason: 'DATE_FORMAT', example: '31/12/2026' });
  });

  it('reads back every date as the field writes it, in each locale (property)', () => {
    const days = fc.date({
      min: new Date('1990-01-01T12:00:00Z'),
      max: new Date('2100-12-31T12:00:00Z'),
      noInvalidDate: true,
    });
    for (const tag of ['ca', 'es', 'en']) {
      fc.assert(
        fc.property(days, (day) => {
          const iso = day.toISOString().slice(0, 10);
          expect(value(formatDateForInput(iso, tag), tag)).toBe(iso);
        }),
      );
    }
  });
});

describe('formatMoment', () => {
  it('writes a moment in the interface language, not always Catalan', () => {
    const moment = '2026-03-05T10:00:00Z';
    expect(formatMoment(moment, 'ca')).toMatch(/març/);
    expect(formatMoment(moment, 'es')).toMatch(/mar/);
    expect(formatMoment(moment, 'es')).not.toMatch(/març/);
    expect(formatMoment(moment, 'en')).toMatch(/Mar 5, 2026/);
  });
});
