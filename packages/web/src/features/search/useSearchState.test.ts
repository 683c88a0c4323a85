import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaText from '../../../../api/schema.graphql?raw';
import { parseSort, SORTS } from './useSearchState.ts';

describe('the search sort', () => {
  it('offers every CompanySort of the printed schema, and nothing else', () => {
    const type = buildSchema(schemaText).getType('CompanySort');
    if (!isEnumType(type)) throw new Error('CompanySort is not an enum of the schema');
    expect(new Set(SORTS)).toEqual(new Set(type.getValues().map((value) => value.name)));
  });

  it('reads a sort of the schema from the address', () => {
    for (const sort of SORTS) expect(parseSort(sort)).toBe(sort);
    expect(parseSort('ESG_SCORE')).toBe('ESG_SCORE');
  });

  it('falls back to the default for a missing or unknown value', () => {
    for (const value of [null, '', 'esg_score', 'POPULARITY', 'toString', '__proto__', 'NAME ']) {
      expect(parseSort(value)).toBe('');
    }
  });
});
