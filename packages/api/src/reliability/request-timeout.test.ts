import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api.ts';

// An API whose requests may run for 1 ms only: any request that reaches the database is too slow.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ REQUEST_TIMEOUT_MS: '1' });
});
afterAll(async () => api?.close());

describe('the execution time limit', () => {
  it('answers a request that runs too long with a clear error, and keeps serving', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await api.graphql(
        '{ districts { code companyCount neighbourhoods { code companyCount } } }',
      );
      expect(response.status).toBe(503);
      expect(response.errors).toEqual([
        {
          message: "La petició ha superat el límit de 1 ms i s'ha aturat.",
          extensions: { code: 'LIMIT_EXCEEDED', reason: 'REQUEST_TIMEOUT', params: { ms: '1' } },
        },
      ]);
    }
    // The late answers went nowhere: the server is still up and answering health checks.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});
