import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COSTLY_FIELDS } from './limits/costly-fields.ts';
import { LIMITS } from './limits/limits.ts';
import { signedIn } from './testing/accounts.ts';
import { startTestApi, type TestApi } from './testing/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('the HTTP server', () => {
  it('answers { __typename }', async () => {
    const result = await api.graphql('{ __typename }');
    expect(result).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('tells anyone at /healthz only whether it is up, and staff which dependency is down', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    const user = await signedIn(api, 'USER');
    const asUser = await fetch(`${api.url}/healthz`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(await asUser.json()).toEqual({ status: 'ok' });
    const staff = await signedIn(api, 'STAFF');
    const asStaff = await fetch(`${api.url}/healthz`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    expect(await asStaff.json()).toEqual({ status: 'ok', database: 'ok', search: 'ok' });
  });

  it('refuses GET mutations and cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('refuses a request body above the limit with a clear error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ __typename }`,
        variables: { pad: 'x'.repeat(LIMITS.bodyBytes + 10) },
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('LIMIT_EXCEEDED');
  });

  it('allows no other origin unless configured', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers with the web pages', async () => {
    const response = await fetch(`${api.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('query limits', () => {
  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: sectors { code }`).join(' ');
    const result = await api.graphql(`{ ${aliases} }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_MANY_ALIASES' });
  });

  it('refuses more searches in one request than a page needs, before any of them runs', async () => {
    const searches = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `s${i}: searchCompanies(query: "neteja", first: 1) { totalCount }`).join(' ')} }`;
    const allowed = await api.graphql(searches(COSTLY_FIELDS.searchCompanies ?? 0));
    expect(allowed.errors).toBeUndefined();
    const refused = await api.graphql(searches((COSTLY_FIELDS.searchCompanies ?? 0) + 1));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: 'Una petició pot demanar searchCompanies com a màxim 3 vegades.',
        // Apollo Server reports every validation rule's error with this code, as for aliases.
        extensions: expect.objectContaining({
          code: 'GRAPHQL_VALIDATION_FAILED',
          reason: 'TOO_MANY_COSTLY_FIELDS',
        }),
      }),
    ]);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ');
    const result = await api.graphql(`{ ${fields} }`);
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it('answers a cursor that is not one of its own as a validation error, not an internal one', async () => {
    for (const after of ['x', '', 'R1BDOnt9']) {
      const result = await api.graphql(
        'query ($after: String) { companies(first: 1, after: $after) { totalCount } }',
        {
          after,
        },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        reason: 'INVALID_CURSOR',
        field: 'after',
      });
    }
  });

  it('refuses a query deeper than the limit', async () => {
    let selection = 'code';
    for (let level = 0; level < LIMITS.depth; level++)
      selection = `neighbourhoods { district { ${selection} } }`;
    const result = await api.graphql(`{ districts { ${selection} } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      reason: 'QUERY_TOO_DEEP',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it('accepts a query within the limits', async () => {
    const result = await api.graphql('{ districts { neighbourhoods { district { code } } } }');
    expect(result.errors).toBeUndefined();
  });
});

describe('errors', () => {
  it('names what is wrong in a malformed query without revealing internals', async () => {
    const result = await api.graphql('{ districts { nope } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toContain('Cannot query field "nope"');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('CORS_ORIGINS', () => {
  it('lets the configured origins call the API with credentials', async () => {
    const configured = await startTestApi({ CORS_ORIGINS: 'https://allowed.example' });
    try {
      const preflight = (origin: string) =>
        fetch(`${configured.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      const allowed = await preflight('https://allowed.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      expect(
        (await preflight('https://other.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();
    } finally {
      await configured.close();
    }
  });
});
