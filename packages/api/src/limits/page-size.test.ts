import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { pageSizeErrors } from './page-size.ts';

const schema = buildSchema(`
  type Query { items(first: Int, last: Int, after: String): ItemConnection! other(first: String): Int }
  type ItemConnection { nodes(first: Int): [Int!]! }
`);

const check = (query: string, variables?: Record<string, unknown>) =>
  pageSizeErrors(schema, parse(query), variables).map((error) => error.message);

describe('page size limit', () => {
  it(`accepts up to ${LIMITS.pageSize} items a page`, () => {
    expect(check('{ items(first: 100) { nodes(first: 5) } }')).toEqual([]);
    expect(check('query ($n: Int) { items(first: $n) { nodes } }', { n: 100 })).toEqual([]);
    expect(check('{ items { nodes } }')).toEqual([]);
  });

  it('refuses a larger page, literal or variable, at any depth, naming the argument', () => {
    expect(check('{ items(first: 101) { nodes } }')).toEqual([
      '"first" of items is 101: it must be from 0 to 100; use "after" to read further pages',
    ]);
    expect(check('query ($n: Int) { items(last: $n) { nodes } }', { n: 1000 })).toHaveLength(1);
    expect(check('{ items { nodes(first: 500) } }')[0]).toContain('"first" of nodes is 500');
    expect(check('{ items(first: -1) { nodes } }')).toHaveLength(1);
  });

  it('leaves arguments named first that are not page sizes alone', () => {
    expect(check('{ other(first: "x") }')).toEqual([]);
  });
});
