import { describe, expect, it } from 'vitest';
import { failure, graphqlRequest } from './load-spec.ts';

const busy = JSON.stringify({
  errors: [{ message: 'Search is busy', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_BUSY' } }],
});
const ok = JSON.stringify({ data: { searchCompanies: { totalCount: 3 } } });

describe('what counts as a failed request in a load', () => {
  it('a GraphQL request fails on an HTTP error, errors, user errors or a degraded answer', () => {
    const request = graphqlRequest('search', '{ __typename }');
    expect(failure(request, 200, ok)).toBeNull();
    expect(failure(request, 503, busy)).toMatch(/HTTP 503/);
    expect(failure(request, 200, '{"data":{"a":{"userErrors":[{"code":"X"}]}}}')).toMatch(/user error/);
    expect(failure(request, 200, '{"data":{"s":{"degraded":true}}}')).toMatch(/degraded/);
  });

  it('a flood of degraded searches may be refused as busy, and nothing else', () => {
    const request = { ...graphqlRequest('search', '{ __typename }'), expect: 'graphql-or-busy' as const };
    expect(failure(request, 200, '{"data":{"s":{"degraded":true}}}')).toBeNull();
    expect(failure(request, 503, busy)).toBeNull();
    expect(failure(request, 503, '{"errors":[{"message":"The database is unavailable"}]}')).toMatch(
      /HTTP 503/,
    );
    expect(failure(request, 500, busy)).toMatch(/HTTP 500/);
  });

  it('a refused query must be refused, under 500, without data', () => {
    const request = graphqlRequest('too deep', '{ __typename }', {}, { expect: 'refused' });
    expect(failure(request, 400, '{"errors":[{"message":"too deep"}]}')).toBeNull();
    expect(failure(request, 200, '{"data":{"a":1}}')).toMatch(/not refused/);
    expect(failure(request, 503, '{"errors":[{"message":"x"}]}')).toMatch(/not refused/);
  });
});
