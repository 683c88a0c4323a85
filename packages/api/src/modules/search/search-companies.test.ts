import { createSearch, distanceMeters } from '@proximitat/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseCsv } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { loadPlaces } from '../directory/places.ts';
import { makeCif } from '../directory/tax-id.ts';
import { deliverOutbox } from './search-index.ts';

const HEADER =
  'tax_id;name;legal_form;sectors;cpv_codes;street;postal_code;city;lat;lng;description_ca;certifications;insertion_company';
/** Companies with known words, for the text features; sample companies around them fill the index. */
const KNOWN = [
  `${makeCif('F', 8400001)};Cooperativa Teixidora;COOP_TREBALL;TEXTIL;18000000-9;Carrer de Sants, 1;08014;Barcelona;41.3752;2.1360;Confecció tèxtil de proximitat.;COMERC_JUST;no`,
  `${makeCif('G', 8400002)};Xarxa d'Econòmia Solidària;ASSOCIACIO;CONSULTORIA;79400000-8;Carrer de Provença, 9;08036;Barcelona;41.3890;2.1480;Xarxa de l'economia social.;BALANC_SOCIAL;no`,
  `${makeCif('F', 8400003)};Brillants Serveis;COOP_SERVEIS;CURES;90910000-9;Carrer Gran de Gràcia, 20;08012;Barcelona;41.4000;2.1530;Fem neteja d'oficines i escoles.;;sí`,
  `${makeCif('B', 8400004)};<img src=x onerror=alert(1)> Taller;SOCIETAT_MERCANTIL;TEXTIL;98393000-4;Carrer de Pujades, 100;08005;Barcelona;41.3990;2.1950;Reparació de roba.;;no`,
];

let api: TestApi;

const SEARCH = `query ($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort, $first: Int, $after: String, $locale: Locale) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after, locale: $locale) {
    totalCount degraded
    facets { field values { value label count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters highlight { name description } node { id name } }
  }
}`;

interface Result {
  totalCount: number;
  degraded: boolean;
  facets: { field: string; values: { value: string; label: string; count: number }[] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: {
    cursor: string;
    distanceMeters: number | null;
    highlight: { name: string; description: string | null };
    node: { id: string; name: string };
  }[];
}

async function search(variables: Record<string, unknown>, target: TestApi = api): Promise<Result> {
  const response = await target.graphql<{ searchCompanies: Result }>(SEARCH, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.searchCompanies as Result;
}

async function loadData(target: TestApi) {
  await importDirectory(target.db, parseCsv(`${HEADER}\n${KNOWN.join('\n')}\n`));
  await importSampleCompanies(target.db, await loadPlaces(target.db), 200, 'search-test');
}

beforeAll(async () => {
  api = await startTestApi();
  await loadData(api);
  await api.search.ensureCompaniesIndex();
  while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
});
afterAll(async () => api?.close());

const names = (result: Result) => result.edges.map((edge) => edge.node.name);

describe('searchCompanies', () => {
  it('answers the contract operation', async () => {
    const response = await api.graphql<{ searchCompanies: Result }>(contractOperation('SearchCompanies'), {
      query: 'teixidora',
      locale: 'ES',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.searchCompanies).toMatchObject({ degraded: false, totalCount: 1 });
  });

  it('tolerates typos, missing accents and other languages', async () => {
    expect(names(await search({ query: 'cooperatva teixidora' }))).toContain('Cooperativa Teixidora');
    expect(names(await search({ query: 'economia solidaria' }))).toContain("Xarxa d'Econòmia Solidària");
    // The company only says "neteja": Spanish and English find it through the synonyms.
    expect(names(await search({ query: 'limpieza' }))).toContain('Brillants Serveis');
    expect(names(await search({ query: 'cleaning' }))).toContain('Brillants Serveis');
  });

  it('counts facets over the whole result set, and each filter narrows to what PostgreSQL says', async () => {
    const all = await search({ first: 1 });
    const published = await api.db.company.count({ where: { status: 'PUBLISHED' } });
    expect(all.totalCount).toBe(published);
    const districts = all.facets.find((facet) => facet.field === 'districts');
    const perDistrict = await api.db.company.groupBy({
      by: ['districtCode'],
      where: { status: 'PUBLISHED', districtCode: { not: null } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(districts?.values.map((v) => [v.value, v.count]) ?? [])).toEqual(
      Object.fromEntries(perDistrict.map((row) => [row.districtCode, row._count._all])),
    );
    expect(districts?.values.find((v) => v.value === '02')?.label).toBe('Eixample');

    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ sectors: ['CURES', 'SALUT'] }, { sectors: { some: { sectorCode: { in: ['CURES', 'SALUT'] } } } }],
      [{ legalForms: ['ASSOCIACIO'] }, { legalFormCode: 'ASSOCIACIO' }],
      [{ districts: ['01'] }, { districtCode: '01' }],
      [{ neighbourhoods: ['06', '07'] }, { neighbourhoodCode: { in: ['06', '07'] } }],
      [
        { reservedContractEligible: true },
        { OR: [{ insertionCompany: true }, { specialEmploymentCentre: true }] },
      ],
      [{ employees: { min: 10, max: 50 } }, { employees: { gte: 10, lte: 50 } }],
      [
        { certifications: ['BALANC_SOCIAL', 'PAM_A_PAM'] },
        {
          AND: [
            { certifications: { some: { certificationCode: 'BALANC_SOCIAL' } } },
            { certifications: { some: { certificationCode: 'PAM_A_PAM' } } },
          ],
        },
      ],
      [
        { socialClauses: ['IGUALTAT_GENERE', 'CRITERIS_AMBIENTALS'] },
        { socialClauses: { hasEvery: ['IGUALTAT_GENERE', 'CRITERIS_AMBIENTALS'] } },
      ],
    ];
    for (const [filter, where] of cases) {
      const expected = await api.db.company.count({ where: { status: 'PUBLISHED', ...where } });
      expect((await search({ filter, first: 1 })).totalCount, JSON.stringify(filter)).toBe(expected);
    }
    expect((await search({ filter: { homologated: true } })).totalCount).toBe(0);
    // "All of": an unknown clause leaves nothing, rather than being dropped.
    expect((await search({ filter: { socialClauses: ['IGUALTAT_GENERE', 'NO_SUCH'] } })).totalCount).toBe(0);
  });

  it('counts social clauses as a facet, labelled in the language of the search', async () => {
    const result = await search({ first: 1, locale: 'ES' });
    const clauses = result.facets.find((facet) => facet.field === 'socialClauses');
    const equality = await api.db.company.count({
      where: { status: 'PUBLISHED', socialClauses: { has: 'IGUALTAT_GENERE' } },
    });
    expect(equality).toBeGreaterThan(0);
    expect(clauses?.values.find((v) => v.value === 'IGUALTAT_GENERE')).toEqual({
      value: 'IGUALTAT_GENERE',
      label: 'Igualdad de género',
      count: equality,
    });
  });

  it('matches CPV codes at every level of the hierarchy', async () => {
    const count = async (prefix: string) =>
      (
        await api.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Company" WHERE status = 'PUBLISHED'
          AND EXISTS (SELECT 1 FROM unnest("cpvCodes") code WHERE code LIKE ${`${prefix}%`})`
      )[0]?.n;
    // Leading digits as given; a full code stands for its branch (the codes under it too).
    const cases: [string, string][] = [
      ['90', '90'],
      ['909', '909'],
      ['9091', '9091'],
      ['90910000', '9091'],
      ['90910000-9', '9091'],
    ];
    for (const [cpv, branch] of cases) {
      const expected = Number(await count(branch));
      expect((await search({ filter: { cpv: [cpv] }, first: 1 })).totalCount, cpv).toBe(expected);
    }
    expect(names(await search({ filter: { cpv: ['18'] }, first: 100 }))).toContain('Cooperativa Teixidora');
  });

  it('finds companies within a radius, nearest first', async () => {
    const near = { lat: 41.3879, lng: 2.16992, radiusMeters: 1500 };
    const result = await search({ near, sort: 'DISTANCE', first: 100 });
    const companies = await api.db.company.findMany({
      where: { status: 'PUBLISHED', latitude: { not: null } },
    });
    const inside = companies.filter(
      (c) => distanceMeters(near, { lat: c.latitude ?? 0, lng: c.longitude ?? 0 }) <= 1500,
    );
    expect(result.totalCount).toBe(inside.length);
    const distances = result.edges.map((edge) => edge.distanceMeters ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 1501)).toBe(true);
    // A coordinate Meilisearch's filter syntax could not read if written as JavaScript prints it.
    const tiny = await api.graphql(SEARCH, {
      near: { lat: -5e-324, lng: 2.17, radiusMeters: 1000 },
      sort: 'DISTANCE',
    });
    expect(tiny.errors).toBeUndefined();
    const error = await api.graphql(SEARCH, { sort: 'DISTANCE' });
    expect(error.errors?.[0]).toMatchObject({
      message: 'Per ordenar per distància cal indicar un punt de referència.',
      extensions: { code: 'VALIDATION', reason: 'DISTANCE_NEEDS_NEAR', field: 'sort' },
    });
  });

  it('pages through every result once, without duplicates or gaps', async () => {
    const filter = { legalForms: ['COOP_TREBALL', 'ASSOCIACIO'] };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const result: Result = await search({ filter, first: 7, after });
      total = result.totalCount;
      seen.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('treats hostile filter values as data', async () => {
    const hostile = [
      '" OR 1=1',
      '\\',
      'NETEJA"] OR sectors EXISTS',
      '\'; DROP TABLE "Company"; --',
      'x'.repeat(10_000),
      '_geoRadius(0,0,1)',
    ];
    for (const field of ['sectors', 'legalForms', 'districts', 'neighbourhoods', 'cpv', 'certifications']) {
      const result = await search({ filter: { [field]: hostile } });
      expect(result.totalCount, field).toBe(0);
    }
    // A valid value next to hostile ones still counts.
    const teixidora = await search({ filter: { sectors: ['TEXTIL', ...hostile] }, query: 'teixidora' });
    expect(teixidora.totalCount).toBe(1);
    expect(await api.db.company.count()).toBeGreaterThan(0);
  });

  it('refuses requests over the limits with a clear error', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ query: 'a'.repeat(201) }, { reason: 'QUERY_TOO_LONG', field: 'query', params: { max: '200' } }],
      [
        { filter: { sectors: Array.from({ length: 51 }, (_, i) => `S${i}`) } },
        { reason: 'TOO_MANY_VALUES', field: 'filter.sectors', params: { max: '50' } },
      ],
      [{ first: 101 }, { reason: 'PAGE_TOO_LARGE', field: 'first', params: { max: '100' } }],
    ];
    for (const [variables, expected] of cases) {
      const response = await api.graphql(SEARCH, variables, { headers: { 'accept-language': 'en' } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', ...expected });
    }
    const tooLong = await api.graphql(
      SEARCH,
      { query: 'a'.repeat(201) },
      { headers: { 'accept-language': 'es' } },
    );
    expect(tooLong.errors?.[0]?.message).toBe(
      'El texto de la búsqueda puede tener como máximo 200 caracteres.',
    );
  });

  it('returns highlights that are safe to render', async () => {
    const result = await search({ query: 'taller' });
    const highlight = result.edges.find((edge) => edge.node.name.includes('onerror'))?.highlight.name;
    expect(highlight).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>Taller</mark>');
  });
});

describe('searchCompanies without Meilisearch', () => {
  let down: TestApi;
  beforeAll(async () => {
    down = await startTestApi({}, { search: createSearch('http://127.0.0.1:9', 'key', 'unreachable_') });
    await loadData(down);
  });
  afterAll(async () => down?.close());

  it('answers from PostgreSQL with the same shape and degraded: true', async () => {
    const result = await search({ query: 'economia solidaria', locale: 'ES' }, down);
    expect(result.degraded).toBe(true);
    expect(names(result)).toContain("Xarxa d'Econòmia Solidària");
    expect(result.edges[0]?.highlight.name).toContain('<mark>');

    const all = await search({ first: 5 }, down);
    expect(all.totalCount).toBe(await down.db.company.count({ where: { status: 'PUBLISHED' } }));
    const sectors = all.facets.find((facet) => facet.field === 'sectors');
    const cures = await down.db.company.count({
      where: { status: 'PUBLISHED', sectors: { some: { sectorCode: 'CURES' } } },
    });
    expect(sectors?.values.find((v) => v.value === 'CURES')).toMatchObject({
      count: cures,
      label: 'Cures i serveis a les persones',
    });
  });

  it('applies the same filters, geo and paging', async () => {
    for (const filter of [{ sectors: ['TEXTIL'], cpv: ['18'] }, { socialClauses: ['CONDICIONS_LABORALS'] }]) {
      const degraded = await search({ filter, first: 1 }, down);
      const live = await search({ filter, first: 1 });
      expect(degraded.totalCount).toBe(live.totalCount);
      expect(degraded.facets.find((facet) => facet.field === 'socialClauses')?.values).toEqual(
        live.facets.find((facet) => facet.field === 'socialClauses')?.values,
      );
    }
    const near = { lat: 41.3879, lng: 2.16992, radiusMeters: 1500 };
    const degraded = await search({ near, sort: 'DISTANCE', first: 100 }, down);
    const live = await search({ near, sort: 'DISTANCE', first: 100 });
    expect(degraded.totalCount).toBe(live.totalCount);
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: Result = await search({ first: 30, after }, down);
      for (const edge of page.edges) seen.add(edge.node.id);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.size).toBe(await down.db.company.count({ where: { status: 'PUBLISHED' } }));
    expect((await search({ filter: { sectors: ['" OR 1=1'] } }, down)).totalCount).toBe(0);
  });
});
