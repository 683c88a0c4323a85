import { freePort } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import { waitFor } from '@proximitat/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COSTLY_FIELDS } from '../../limits/costly-fields.ts';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseCsv } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { loadPlaces } from '../directory/places.ts';
import { makeCif } from '../directory/tax-id.ts';
import {
  FALLBACK_SQL_TAG,
  FallbackGate,
  fallbackGate,
  searchPostgres,
  searchWords,
  summaryCache,
} from './search-postgres.ts';
import { normaliseSearch } from './search-request.ts';

// Meilisearch is a closed port: every search is answered by PostgreSQL.
const HEADER =
  'tax_id;name;legal_form;sectors;cpv_codes;street;postal_code;city;lat;lng;description_ca;certifications;insertion_company';
const KNOWN = [
  `${makeCif('F', 8500001)};L'Esberla Bicicletes;COOP_TREBALL;MOBILITAT;34430000-0;Carrer de Sants, 1;08014;Barcelona;41.3752;2.1360;Empresa d'inserció que repara bicicletes.;;sí`,
  `${makeCif('F', 8500002)};Cooperativa Teixidora;COOP_TREBALL;TEXTIL;18000000-9;Carrer de Provença, 9;08036;Barcelona;41.3890;2.1480;Confecció tèxtil de proximitat.;COMERC_JUST;no`,
  `${makeCif('G', 8500003)};Menjadors d'Horta;ASSOCIACIO;RESTAURACIO;55520000-1;Carrer Gran de Gràcia, 20;08012;Barcelona;41.4000;2.1530;Càtering ecològic per a escoles.;;no`,
];

let api: TestApi;
let user: TestAccount;

const SEARCH = `query ($query: String, $filter: CompanyFilter, $first: Int) {
  searchCompanies(query: $query, filter: $filter, first: $first) {
    totalCount degraded edges { highlight { name } node { id name } }
  }
}`;
interface Result {
  totalCount: number;
  degraded: boolean;
  edges: { highlight: { name: string }; node: { id: string; name: string } }[];
}

async function search(variables: Record<string, unknown>): Promise<Result> {
  const response = await api.graphql<{ searchCompanies: Result }>(SEARCH, { first: 100, ...variables });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const result = response.data?.searchCompanies as Result;
  expect(result.degraded).toBe(true);
  return result;
}
const names = (result: Result) => result.edges.map((edge) => edge.node.name);

beforeAll(async () => {
  const closed = await freePort();
  api = await startTestApi({}, { search: createSearch(`http://127.0.0.1:${closed}`, 'key', 'closed_') });
  await importDirectory(api.db, parseCsv(`${HEADER}\n${KNOWN.join('\n')}\n`));
  await importSampleCompanies(api.db, await loadPlaces(api.db), 250, 'degraded-test');
  user = await signedIn(api);
}, 60_000);
afterAll(async () => api?.close());

describe('the degraded search (PostgreSQL full text)', () => {
  it('drops Catalan elided articles instead of matching every word after an apostrophe', async () => {
    expect(searchWords("Empresa d'inserció, L’Esberla")).toEqual(['empresa', 'insercio', 'esberla']);
    const elided = await search({ query: "d'inserció" });
    const bare = await search({ query: 'inserció' });
    expect(elided.totalCount).toBeGreaterThan(0);
    expect(names(elided)).toEqual(names(bare));
    expect(names(elided)).toContain("L'Esberla Bicicletes");
    // Many descriptions hold some "d'..." or "l'..." word: none of them matches for that alone.
    const withElisions = await api.db.company.count({
      where: { status: 'PUBLISHED', descriptionCa: { contains: "d'" } },
    });
    expect(elided.totalCount).toBeLessThan(withElisions);
    expect((await search({ query: "d'" })).totalCount).toBe(0);
    expect(names(await search({ query: "l'esberla" }))).toContain("L'Esberla Bicicletes");
    expect(names(await search({ query: 'horta' }))).toContain("Menjadors d'Horta");
  });

  it('finds a name with a typo, ranks the exact match first and marks it', async () => {
    const typo = await search({ query: 'teixidra' });
    expect(names(typo)[0]).toBe('Cooperativa Teixidora');
    const accents = await search({ query: 'ESBÈRLA bicicletes' });
    expect(names(accents)[0]).toBe("L'Esberla Bicicletes");
    expect(accents.edges[0]?.highlight.name).toBe('L&#39;<mark>Esberla</mark> <mark>Bicicletes</mark>');
    // A stem: "bicicleta" finds "bicicletes" (Spanish stemming), a sector name finds its companies.
    expect(names(await search({ query: 'bicicleta' }))).toContain("L'Esberla Bicicletes");
    const textil = await search({ query: 'moda', first: 100 });
    const inTextil = await api.db.company.count({
      where: { status: 'PUBLISHED', sectors: { some: { sectorCode: 'TEXTIL' } } },
    });
    expect(textil.totalCount).toBeGreaterThanOrEqual(inTextil);
  });

  it('applies filters to text matches as PostgreSQL counts them', async () => {
    const reserved = await search({ query: 'bicicletes', filter: { reservedContractEligible: true } });
    expect(names(reserved)).toEqual(["L'Esberla Bicicletes"]);
    const others = await search({ query: 'bicicletes', filter: { reservedContractEligible: false } });
    expect(names(others)).not.toContain("L'Esberla Bicicletes");
    const unreserved = await api.db.company.count({
      where: {
        id: { in: others.edges.map((edge) => edge.node.id) },
        insertionCompany: false,
        specialEmploymentCentre: false,
      },
    });
    expect(unreserved).toBe(others.totalCount);
    const filter = { sectors: ['TEXTIL'], districts: ['02', '03'] };
    const expected = await api.db.company.count({
      where: {
        status: 'PUBLISHED',
        districtCode: { in: filter.districts },
        sectors: { some: { sectorCode: { in: filter.sectors } } },
      },
    });
    expect((await search({ filter })).totalCount).toBe(expected);
    const cooperatives = await search({ query: 'cooperativa', filter: { legalForms: ['COOP_TREBALL'] } });
    expect(cooperatives.totalCount).toBeGreaterThan(0);
    const rows = await api.db.company.findMany({
      where: { id: { in: cooperatives.edges.map((edge) => edge.node.id) } },
      select: { legalFormCode: true },
    });
    expect(rows.every((row) => row.legalFormCode === 'COOP_TREBALL')).toBe(true);
  });

  it('counts the total and facets of a search once for all its pages and sorts', async () => {
    const PAGES = `query ($after: String, $sort: CompanySort) {
      searchCompanies(query: "cooperativa", first: 10, after: $after, sort: $sort) {
        totalCount pageInfo { endCursor } facets { field values { value count } } edges { node { id } }
      }
    }`;
    type Page = {
      totalCount: number;
      pageInfo: { endCursor: string };
      facets: unknown[];
      edges: { node: { id: string } }[];
    };
    const page = async (variables: Record<string, unknown>) =>
      (await api.graphql<{ searchCompanies: Page }>(PAGES, variables)).data?.searchCompanies as Page;
    const cache = summaryCache(api.db);
    const first = await page({});
    const before = cache.hits;
    const second = await page({ after: first.pageInfo.endCursor });
    const byName = await page({ sort: 'NAME' });
    expect(cache.hits).toBe(before + 2);
    expect(second.totalCount).toBe(first.totalCount);
    expect(byName.facets).toEqual(first.facets);
    const ids = new Set(first.edges.map((edge) => edge.node.id));
    expect(second.edges.some((edge) => ids.has(edge.node.id))).toBe(false);
    expect(second.edges).toHaveLength(Math.min(10, first.totalCount - 10));

    // Near without a radius only reports distances, in any order.
    const near = await api.graphql<{ searchCompanies: { edges: { distanceMeters: number | null }[] } }>(
      `{ searchCompanies(query: "cooperativa", near: { lat: 41.3879, lng: 2.16992 }, sort: NAME, first: 5) {
        edges { distanceMeters } } }`,
    );
    expect(near.errors).toBeUndefined();
    expect(near.data?.searchCompanies.edges.some((edge) => edge.distanceMeters !== null)).toBe(true);
  });

  it('gives up on a statement past its own timeout with a clear error, and leaves the pool as it was', async () => {
    const request = await normaliseSearch(api.db, { query: 'cooperativa de', first: 100 });
    await expect(searchPostgres(api.db, request, { statementTimeoutMs: 1 })).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_TIMEOUT' },
    });
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.db.$queryRawUnsafe<{ t: string }[]>("SELECT current_setting('statement_timeout') AS t"),
      ),
    );
    expect(new Set(settings.map(([row]) => row?.t))).toEqual(new Set(['0']));
  });
});

describe('a flood of degraded searches', () => {
  it('answers a flood of searches without starving other callers', async () => {
    const gate = fallbackGate(api.db);
    // As many searches as a request may hold (COSTLY_FIELDS), in ten requests at once, three times.
    const perRequest = COSTLY_FIELDS.searchCompanies ?? 1;
    const flood = (round: number) =>
      Array.from({ length: 10 }, (_, request) => {
        const aliases = Array.from({ length: perRequest }, (_, index) => {
          const n = round * 100 + request * perRequest + index;
          return `s${index}: searchCompanies(query: "cooperativa ${n}", first: 5) { totalCount degraded }`;
        });
        return api.graphql(`{ ${aliases.join('\n')} }`);
      });
    // A connection of the test's own watches how many fallback statements run at once.
    const watcher = new pg.Client({ connectionString: api.databaseUrl });
    await watcher.connect();
    let watching = true;
    let mostAtOnce = 0;
    const watch = (async () => {
      while (watching) {
        const { rows } = await watcher.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1`,
          [`${FALLBACK_SQL_TAG}%`],
        );
        mostAtOnce = Math.max(mostAtOnce, Number(rows[0]?.n));
      }
    })();
    try {
      const others = async () => {
        const answers = [];
        for (let round = 0; round < 10; round++) {
          answers.push(
            ...(await Promise.all([
              api.graphql('{ sectors { code } }'),
              api.graphql('{ sectors { code } }', {}, { token: user.token }),
              api.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: user.token }),
            ])),
          );
        }
        return answers;
      };
      const [floods, ...otherAnswers] = await Promise.all([
        Promise.all([0, 1, 2].flatMap(flood)),
        others(),
        others(),
      ]);
      for (const answer of otherAnswers.flat()) {
        expect(answer.status).toBe(200);
        expect(answer.errors).toBeUndefined();
      }
      expect(otherAnswers.flat().filter((answer) => 'me' in (answer.data ?? {}))).toHaveLength(20);
      // Beyond the cap a search is refused clearly, as a 503 to retry, never a 500; the rest answer.
      for (const answer of floods) {
        expect([200, 503]).toContain(answer.status);
        for (const error of answer.errors ?? []) {
          expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_BUSY' });
          expect(error.message).toBe("El cercador està saturat: torna-ho a provar d'aquí a un moment.");
        }
      }
      expect(floods.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
      expect(floods.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    } finally {
      watching = false;
      await watch;
      await watcher.end();
    }
    expect(mostAtOnce).toBeGreaterThan(0);
    expect(mostAtOnce).toBeLessThanOrEqual(gate.concurrency);
    // The test API's pool has 5 connections: fallback searches may hold at most 2 of them.
    expect(gate.concurrency).toBe(2);

    // Afterwards, searches are answered again.
    expect((await search({ query: 'cooperativa' })).totalCount).toBeGreaterThan(0);
  }, 60_000);

  it('the cap: a few run, a short queue waits, the rest are refused at once or after the wait', async () => {
    const gate = new FallbackGate(2, 2, 200);
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const hold = () =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return 'done';
      });
    const first = [hold(), hold()];
    const queued = [hold(), hold()];
    const refusal = await hold().catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      message: expect.stringMatching(/^Search is busy/),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_BUSY' },
    });
    // The two running ones end: the queued ones take their places, never more than two at once.
    expect(releases).toHaveLength(2);
    for (const release of releases.splice(0)) release();
    expect(await Promise.all(first)).toEqual(['done', 'done']);
    await waitFor(() => releases.length === 2, { timeout: 1_000, message: 'the queued searches to start' });
    for (const release of releases.splice(0)) release();
    expect(await Promise.all(queued)).toEqual(['done', 'done']);
    expect(most).toBe(2);

    // A queued search that waits past the queue's limit is refused too.
    const blockers = [hold(), hold()];
    const late = await hold().catch((error: unknown) => error);
    expect(late).toMatchObject({ extensions: { reason: 'SEARCH_BUSY' } });
    for (const release of releases.splice(0)) release();
    await Promise.all(blockers);
  });
});
