import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@proximitat/runtime';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_COST_UNIT, LIMITS } from '../limits/limits.ts';
import { type Started, startProductionApi, waitForOutput } from '../testing/processes.ts';

// The attacks of issue 15 that took the platform down or starved it, sent anonymously to the API
// as `pnpm start` runs it (the production build, its heap cap, NODE_ENV=production).
let dir: string;
let database: TestDatabase;
let api: Started;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proximitat-hostile-'));
  database = await createTestDatabase();
  const { meiliUrl, meiliKey } = testServices();
  const port = await freePort();
  api = startProductionApi({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey,
    MEILI_INDEX_PREFIX: `hostile_${Date.now()}_`,
    SAMPLE_COMPANIES: '100',
    PORT: String(port),
    DATA_DIR: dir,
  });
  await waitForOutput(api, /running at http:\/\/localhost:\d+/, 120_000);
  base = `http://127.0.0.1:${port}`;
}, 180_000);

afterAll(async () => {
  api?.child.kill('SIGTERM');
  await api?.exited;
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as GraphQLBody };
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const aliased = (prefix: string, count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `${prefix}${i}: ${selection}`).join(' ')} }`;

async function rssMegabytes(): Promise<number> {
  const status = await readFile(`/proc/${api.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const codes = (body: GraphQLBody) => body.errors?.map((error) => error.extensions?.code);

describe('hostile requests', () => {
  it('refuses, cheaply, the aliased geometry queries that exhausted the heap, and stays up with its memory bounded', async () => {
    const heavy = 'districts { outline(detail: DISTRICT) neighbourhoods { outline(detail: DISTRICT) } }';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, attempt) => post(aliased(`p${attempt}_`, 30, heavy))),
    );
    for (const answer of answers) {
      expect(codes(answer.body)).toEqual(['LIMIT_EXCEEDED']);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({
        reason: 'QUERY_TOO_COSTLY',
        params: { max: String(LIMITS.complexity) },
      });
      expect(answer.bytes).toBeLessThan(1000);
    }
    // Ten aliased outlines of the whole city at its finest: within the cost, so answered, and the
    // answer is no larger than the cost allowed for.
    const allowed = await post(aliased('ok', 10, 'districts { outline(detail: DISTRICT) }'));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.bytes).toBeLessThan(LIMITS.complexity * BYTES_PER_COST_UNIT);

    // Hundreds of distinct answers as large as the cost allows, every one cacheable.
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(aliased(`r${round}_${i}_`, 3, 'districts { outline(detail: DISTRICT) }')),
        ),
      );
    }
    expect(api.child.exitCode).toBeNull();
    expect(await rssMegabytes()).toBeLessThan(300);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('weighs long text by what it can hold: many pages of descriptions are refused before they run', async () => {
    const pages = 'companies(first: 100) { edges { node { name descriptions { locale text } } } }';
    // Two pages: within the three listings a request may hold, over the cost.
    const refused = await post(aliased('d', 2, pages));
    expect(codes(refused.body)).toEqual(['LIMIT_EXCEEDED']);
    expect(refused.bytes).toBeLessThan(1000);
    // A directory page as the web client asks for it is well within the cost.
    const page = await post('{ companies(first: 20) { edges { node { name description(locale: ES) } } } }');
    expect(page.body.errors).toBeUndefined();
  });

  it('keeps answering other callers while attacks are refused or run', async () => {
    const attacks = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? post(aliased(`q${i}_`, 30, 'districts { outline(detail: DISTRICT) neighbourhoods { outline } }'))
        : // Allowed, and costly: distinct searches and large outlines.
          post(
            `{ ${aliased(`s${i}_`, 3, `searchCompanies(query: "neteja ${i}", first: 20) { totalCount }`).slice(2, -2)} o${i}: districts { outline(detail: DISTRICT) } }`,
          ),
    );
    const others = Array.from({ length: 10 }, () => post('{ sectors { code } }'));
    const answers = await Promise.all(others);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    await Promise.all(attacks);
  }, 60_000);

  it('does not describe the schema in errors: no field suggestions in production', async () => {
    const answer = await post('{ compan(slug: "x") { id } }');
    expect(codes(answer.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean/i);
    const boundary = await post('{ districts { boundry } }');
    expect(JSON.stringify(boundary.body)).not.toMatch(/Did you mean|boundaryUrl/i);
  });

  it('sends security headers on every route, not only the pages', async () => {
    const routes: [string, RequestInit?][] = [
      [
        '/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        },
      ],
      ['/healthz'],
      ['/exports/awards.ocds.json'],
      ['/reports/accountability.csv?district=01&period=2018-S1'],
      ['/exports/shortlists/1.csv'],
      ['/geo/districts.geojson'],
      ['/'],
    ];
    for (const [path, init] of routes) {
      const response = await fetch(`${base}${path}`, init);
      expect({ path, nosniff: response.headers.get('x-content-type-options') }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      await response.arrayBuffer();
    }
  });

  it('tells anonymous callers only whether it is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
