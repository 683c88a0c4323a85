import { describe, expect, it } from 'vitest';
import { ErrorCode, paramList, REASONS, REASONS_BY_MODULE, type Reason, reasonMessage } from './index.ts';

const reasons = Object.keys(REASONS) as Reason[];

describe('error reasons', () => {
  it('are unique across modules (a module cannot redefine another one’s reason)', () => {
    const names = Object.values(REASONS_BY_MODULE).flatMap((module) => Object.keys(module));
    expect(names.length).toBe(new Set(names).size);
  });

  it('each belong to a generic code and are documented', () => {
    for (const name of reasons) {
      expect(Object.values(ErrorCode)).toContain(REASONS[name].code);
      expect(REASONS[name].description.length, name).toBeGreaterThan(10);
    }
  });

  it('have a message in every language that shows every parameter and differs between languages', () => {
    for (const name of reasons) {
      const params = paramList(
        // Small whole numbers: every parameter is a text or a number, and these read the same either way.
        Object.fromEntries(REASONS[name].params.map((param, index) => [param, String(41 + index)])),
      );
      const texts = (['CA', 'ES', 'EN'] as const).map((locale) => reasonMessage(locale, name, params));
      for (const text of texts) {
        expect(text.trim(), name).not.toBe('');
        for (const [index] of REASONS[name].params.entries())
          expect(text, name).toContain(String(41 + index));
      }
      expect(new Set(texts).size, `${name} is the same in two languages`).toBe(3);
    }
  });

  it('write numbers as each language does', () => {
    const params = paramList({ max: 2000 });
    expect(reasonMessage('CA', 'TOO_LONG', params)).toContain('2.000');
    expect(reasonMessage('ES', 'TOO_LONG', params)).toContain('2000');
    expect(reasonMessage('EN', 'TOO_LONG', params)).toContain('2,000');
  });
});
