import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { pageSizeErrors } from './page-size.ts';

const schema = buildSchema(`
  type Query { items(first: Int, last: Int, after: String): ItemConnection! other(first: String): Int }
  type ItemConnection { nodes(first: Int): [Int!]! }
`);

const check = (query: string, variables?: Record<string, unknown>) =>
  pageSizeErrors(schema, parse(query), variables).map((error) => ({
    reason: error.extensions.reason,
    field: error.extensions.field,
    at: error.locations?.[0]?.column,
  }));

describe('page size limit', () => {
  it(`accepts up to ${LIMITS.pageSize} items a page`, () => {
    expect(check('{ items(first: 100) { nodes(first: 5) } }')).toEqual([]);
    expect(check('query ($n: Int) { items(first: $n) { nodes } }', { n: 100 })).toEqual([]);
    expect(check('{ items { nodes } }')).toEqual([]);
  });

  it('refuses a larger page, literal or variable, at any depth, naming the argument', () => {
    expect(check('{ items(first: 101) { nodes } }')).toEqual([
      { reason: 'PAGE_TOO_LARGE', field: 'first', at: 9 },
    ]);
    expect(check('query ($n: Int) { items(last: $n) { nodes } }', { n: 1000 })).toHaveLength(1);
    expect(check('{ items { nodes(first: 500) } }')).toEqual([
      { reason: 'PAGE_TOO_LARGE', field: 'first', at: 17 },
    ]);
    expect(check('{ items(first: -1) { nodes } }')).toHaveLength(1);
  });

  it('leaves arguments named first that are not page sizes alone', () => {
    expect(check('{ other(first: "x") }')).toEqual([]);
  });
});
