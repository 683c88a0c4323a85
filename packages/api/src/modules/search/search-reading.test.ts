import { createSearch } from '@proximitat/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseCsv } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { loadPlaces } from '../directory/places.ts';
import { makeCif } from '../directory/tax-id.ts';
import { deliverOutbox } from './search-index.ts';

/**
 * Search that reads Catalan and codes (issue 17), each case run against Meilisearch and against
 * the PostgreSQL fallback on the same data: elisions, CPV codes and tax IDs typed in the box, a
 * chosen sort that really orders the results, and whole words ranked before the start of a name.
 */
const HEADER =
  'tax_id;name;legal_form;sectors;cpv_codes;street;postal_code;city;lat;lng;description_ca;certifications;insertion_company';
const TAX_ID = makeCif('F', 8600003);
const KNOWN = [
  `${makeCif('F', 8600001)};L'Esberla Bicicletes;COOP_TREBALL;MOBILITAT;34430000-0;Carrer de Sants, 1;08014;Barcelona;41.3752;2.1360;Empresa d'inserció que repara bicicletes.;;sí`,
  `${makeCif('F', 8600002)};Menjadors del Rec;COOP_TREBALL;RESTAURACIO;55520000-1;Carrer de Provença, 9;08036;Barcelona;41.3890;2.1480;Cuina per a escoles.;;no`,
  `${TAX_ID};Brillants Serveis;COOP_SERVEIS;NETEJA;90911200-8;Carrer Gran de Gràcia, 20;08012;Barcelona;41.4000;2.1530;Fem neteja d’oficines.;;sí`,
  `${makeCif('G', 8600004)};La Formiga de Sant Pere, Santa Caterina i la Ribera;ASSOCIACIO;CULTURA;92000000-1;Carrer de la Princesa, 3;08003;Barcelona;41.3860;2.1800;Gestió cultural de barri.;;no`,
];

const SEARCH = `query ($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort, $first: Int, $page: Int, $locale: Locale) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, page: $page, locale: $locale) {
    totalCount degraded
    recognised { kind value code label }
    edges { distanceMeters node { id name cpvCodes sectors { code } } }
  }
}`;

interface Result {
  totalCount: number;
  degraded: boolean;
  recognised: { kind: string; value: string; code: string | null; label: string | null } | null;
  edges: {
    distanceMeters: number | null;
    node: { id: string; name: string; cpvCodes: string[]; sectors: { code: string }[] };
  }[];
}

let live: TestApi;
let down: TestApi;

async function load(api: TestApi) {
  await importDirectory(api.db, parseCsv(`${HEADER}\n${KNOWN.join('\n')}\n`));
  await importSampleCompanies(api.db, await loadPlaces(api.db), 250, 'reading-test');
}

beforeAll(async () => {
  live = await startTestApi();
  down = await startTestApi({}, { search: createSearch('http://127.0.0.1:9', 'key', 'reading_down_') });
  await Promise.all([load(live), load(down)]);
  await live.search.ensureCompaniesIndex();
  while ((await live.db.searchOutbox.count()) > 0) await deliverOutbox(live.db, live.search);
}, 120_000);
afterAll(async () => {
  await live?.close();
  await down?.close();
});

const engines = [
  ['Meilisearch', () => live, false],
  ['the PostgreSQL fallback', () => down, true],
] as const;

describe.each(engines)('search with %s', (_name, api, degraded) => {
  async function search(variables: Record<string, unknown>): Promise<Result> {
    const response = await api().graphql<{ searchCompanies: Result }>(SEARCH, { first: 100, ...variables });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const result = response.data?.searchCompanies as Result;
    expect(result.degraded).toBe(degraded);
    return result;
  }
  const ids = (result: Result) => result.edges.map((edge) => edge.node.id);
  const names = (result: Result) => result.edges.map((edge) => edge.node.name);
  const countWhere = async (sql: string, ...params: unknown[]) =>
    Number(
      (
        await api().db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "Company" c WHERE c.status = 'PUBLISHED' AND ${sql}`,
          ...params,
        )
      )[0]?.n,
    );

  it('drops Catalan elisions (any apostrophe, any case): "d\'inserció" finds what "inserció" finds', async () => {
    const bare = await search({ query: 'inserció' });
    expect(bare.totalCount).toBeGreaterThan(0);
    expect(names(bare)).toContain("L'Esberla Bicicletes");
    for (const query of ["d'inserció", 'd’inserció', "D'INSERCIÓ", 'D’Inserció']) {
      const elided = await search({ query });
      expect(elided.totalCount, query).toBe(bare.totalCount);
      expect(ids(elided), query).toEqual(ids(bare));
    }
    // Most descriptions hold some "d'…" word: none of them is found for that alone.
    expect(await countWhere(`c."descriptionCa" LIKE '%d''%'`)).toBeGreaterThan(bare.totalCount * 3);
    const esberla = await search({ query: 'esberla' });
    expect(ids(await search({ query: "l'esberla" }))).toEqual(ids(esberla));
    expect(ids(await search({ query: 'L’ESBERLA' }))).toEqual(ids(esberla));
    expect(names(esberla)).toContain("L'Esberla Bicicletes");
    // A curly apostrophe in the data is an elision too.
    expect(names(await search({ query: 'oficines' }))).toContain('Brillants Serveis');
  });

  it('searches a CPV code or prefix typed in the box as a CPV filter at every level, and says so', async () => {
    const under = (prefix: string) =>
      countWhere(`EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code WHERE code LIKE $1 || '%')`, prefix);
    for (const query of ['90910000-9', '90910000', '909100009', ' 9091 ']) {
      const result = await search({ query, locale: 'EN' });
      expect(result.recognised, query).toEqual({
        kind: 'CPV',
        value: '9091',
        code: '90910000-9',
        label: 'Cleaning services',
      });
      expect(result.totalCount, query).toBe(await under('9091'));
      // 90911200-8 is under 90910000-9.
      expect(names(result), query).toContain('Brillants Serveis');
      expect(result.edges.every((edge) => edge.node.cpvCodes.some((code) => code.startsWith('9091')))).toBe(
        true,
      );
    }
    const division = await search({ query: '55', locale: 'ES' });
    expect(division.recognised).toMatchObject({ kind: 'CPV', value: '55', code: '55000000-0' });
    expect(division.recognised?.label).toMatch(/hostelería/i);
    expect(division.totalCount).toBe(await under('55'));
    // Together with the CPV facet ("any of"), the typed code narrows further.
    const both = await search({ query: '9091', filter: { cpv: ['55'] } });
    expect(both.totalCount).toBe(
      await countWhere(
        `EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code WHERE code LIKE '9091%')
         AND EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code WHERE code LIKE '55%')`,
      ),
    );
    // Digits no CPV code starts with (a postal code) stay text.
    expect((await search({ query: '08014' })).recognised).toBeNull();
  });

  it('searches a tax ID typed in the box (any case, dashes, dots, spaces) as that company only', async () => {
    const spelled = [
      TAX_ID,
      TAX_ID.toLowerCase(),
      `${TAX_ID.slice(0, 1)}-${TAX_ID.slice(1)}`,
      `${TAX_ID.slice(0, 1)} ${TAX_ID.slice(1, 3)}.${TAX_ID.slice(3)}`,
    ];
    for (const query of spelled) {
      const result = await search({ query });
      expect(result.recognised, query).toEqual({ kind: 'TAX_ID', value: TAX_ID, code: null, label: null });
      expect(names(result), query).toEqual(['Brillants Serveis']);
    }
    // No published company has it: nothing to ask an engine (degraded stays false).
    const unknown = await api().graphql<{ searchCompanies: Result }>(SEARCH, {
      query: makeCif('F', 8699999),
    });
    expect(unknown.data?.searchCompanies.recognised?.kind).toBe('TAX_ID');
    expect(unknown.data?.searchCompanies.totalCount).toBe(0);
  });

  it('sorts by distance with a text query: nearest first, and the same matches as by relevance', async () => {
    const near = { lat: 41.3879, lng: 2.16992 };
    for (const query of ['cooperativa', 'associació', 'neteja']) {
      const sorted = await search({ query, near, sort: 'DISTANCE' });
      const relevance = await search({ query, near });
      expect(sorted.totalCount, query).toBeGreaterThan(3);
      expect(sorted.totalCount, query).toBe(relevance.totalCount);
      const distances = sorted.edges.flatMap((edge) =>
        edge.distanceMeters === null ? [] : [edge.distanceMeters],
      );
      expect(distances.length, query).toBeGreaterThan(3);
      expect(distances, query).toEqual([...distances].sort((a, b) => a - b));
    }
    // Without a chosen sort, relevance: a company named by the query comes first.
    const esberla = await search({ query: 'esberla', near });
    expect(esberla.edges[0]?.node.name).toMatch(/Esberla/);
  });

  it('ranks caterers above the Santa Caterina neighbourhood for "caterin"', async () => {
    const result = await search({ query: 'caterin' });
    const caterer = (edge: Result['edges'][number]) =>
      edge.node.sectors.some((sector) => sector.code === 'RESTAURACIO');
    const firstCaterina = result.edges.findIndex(
      (edge) => /caterina/i.test(edge.node.name) && !caterer(edge),
    );
    const caterers = result.edges.filter(caterer).length;
    expect(caterers).toBeGreaterThan(2);
    expect(firstCaterina).toBeGreaterThanOrEqual(0);
    // Every caterer found comes before the first company found only for "Santa Caterina".
    expect(result.edges.slice(0, firstCaterina).every(caterer)).toBe(true);
    expect(result.edges.slice(firstCaterina).some(caterer)).toBe(false);
  });

  it('answers a page by number, the same page as the cursor reaches', async () => {
    const query = { filter: { legalForms: ['COOP_TREBALL', 'ASSOCIACIO'] }, first: 7 };
    const all = await search({ ...query, first: 100 });
    const third = await search({ ...query, page: 3 });
    expect(ids(third)).toEqual(ids(all).slice(14, 21));
    const refused = await api().graphql(SEARCH, { page: 0 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'OUT_OF_RANGE', field: 'page' });
    const both = await api().graphql(
      'query ($after: String) { searchCompanies(page: 2, after: $after) { totalCount } }',
      { after: 'bzoxNA' },
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_VALUE', field: 'page' });
  });
});
