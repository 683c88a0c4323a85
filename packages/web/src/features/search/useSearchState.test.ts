import { describe, expect, it } from 'vitest';
import { parseSort, SORTS } from './useSearchState.ts';

// That SORTS holds every CompanySort of the schema, and nothing else, is checked when the client is
// type-checked (SORT_LABELS satisfies a record over the schema's enum); here, reading the address.
describe('the search sort in the address', () => {
  it('reads every sort of the schema, ESG_SCORE included', () => {
    for (const sort of SORTS) expect(parseSort(sort)).toBe(sort);
    expect(parseSort('ESG_SCORE')).toBe('ESG_SCORE');
  });

  it('falls back to the default for a missing or unknown value', () => {
    for (const value of [null, '', 'esg_score', 'POPULARITY', 'toString', '__proto__', 'NAME ']) {
      expect(parseSort(value)).toBe('');
    }
  });
});
