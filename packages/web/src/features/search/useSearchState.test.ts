import { describe, expect, it } from 'vitest';
import { clearFilters, filterCount, parsePage, parseSort, SORTS } from './useSearchState.ts';

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

describe('the search page and filters in the address', () => {
  it('reads the page number, 1 for anything else', () => {
    expect(parsePage('3')).toBe(3);
    for (const value of [null, '', '0', '-2', '1.5', 'x', '1001']) expect(parsePage(value)).toBe(1);
  });

  it('clears every filter, reserved contracts and the place included, and keeps text, sort and view', () => {
    const params = new URLSearchParams(
      'q=neteja&sector=NETEJA&sector=CURES&cpv=9091&reservat=1&homologada=1&prop=06&radi=500&ordre=NAME&vista=mapa&pagina=3',
    );
    expect(filterCount(params)).toBe(6);
    clearFilters(params);
    expect(params.toString()).toBe('q=neteja&ordre=NAME&vista=mapa');
    expect(filterCount(params)).toBe(0);
  });
});
