import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_COST_UNIT } from '../../limits/limits.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { OUTLINE_WEIGHTS } from './geometry-weights.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('reference data', () => {
  it('lists the ten districts with official codes, 2019 population and their neighbourhoods', async () => {
    const result = await api.graphql<{
      districts: {
        code: string;
        name: string;
        population: number;
        neighbourhoods: { code: string; name: string }[];
      }[];
    }>('{ districts { code name population neighbourhoods { code name } } }');
    expect(result.errors).toBeUndefined();
    const districts = result.data?.districts ?? [];
    expect(districts.map((d) => d.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(districts.flatMap((d) => d.neighbourhoods)).toHaveLength(73);
    const gracia = districts.find((d) => d.code === '06');
    expect(gracia?.name).toBe('Gràcia');
    expect(gracia?.neighbourhoods.map((n) => n.name)).toContain('la Vila de Gràcia');
    // Padró 2019: the city had 1,636,762 inhabitants.
    expect(districts.reduce((sum, d) => sum + d.population, 0)).toBe(1_636_762);
  });

  it('serves the official boundaries as static GeoJSON files, gzipped and revalidated by ETag', async () => {
    const result = await api.graphql<{ district: { boundaryUrl: string } }>(
      '{ district(code: "01") { boundaryUrl } }',
    );
    expect(result.data?.district.boundaryUrl).toBe('/geo/districts/01.geojson');
    const response = await fetch(`${api.url}${result.data?.district.boundaryUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    const feature = (await response.json()) as {
      properties: { code: string; name: string };
      geometry: { type: string; coordinates: number[][][] };
    };
    expect(feature.properties).toMatchObject({ code: '01', name: 'Ciutat Vella' });
    expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
    const [lng, lat] = feature.geometry.coordinates.flat(2) as number[];
    expect(lng).toBeGreaterThan(2.0);
    expect(lat).toBeGreaterThan(41.3);

    const etag = response.headers.get('etag') ?? '';
    const again = await fetch(`${api.url}/geo/districts/01.geojson`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // fetch asks for gzip and undoes it; the raw size shows the compression.
    const gzipped = await fetch(`${api.url}/geo/districts.geojson`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(300_000);
    const collection = (await gzipped.json()) as { features: unknown[] };
    expect(collection.features).toHaveLength(10);
    const neighbourhood = await fetch(`${api.url}/geo/neighbourhoods/73.geojson`);
    expect(neighbourhood.status).toBe(200);
    expect((await fetch(`${api.url}/geo/neighbourhoods/99.geojson`)).status).toBe(404);
    expect((await fetch(`${api.url}/geo/districts/1.geojson`)).status).toBe(404);
    expect((await fetch(`${api.url}/geo/districts/01.geojson%00`)).status).toBe(404);
  });

  it('never reads the boundaries from PostgreSQL unless a query asks for them', async () => {
    const district = await api.db.district.findUniqueOrThrow({ where: { code: '01' } });
    expect(Object.keys(district).sort()).toEqual(['code', 'name', 'population']);
    const withBoundary = await api.db.district.findUniqueOrThrow({
      where: { code: '01' },
      omit: { boundary: false },
    });
    expect(withBoundary.boundary).toMatchObject({ type: expect.stringMatching(/Polygon/) });
  });

  it('draws outlines at the detail asked for, each weighed in the cost by the largest it can be', async () => {
    const result = await api.graphql<{
      city: { code: string; outline: string }[];
      fine: { code: string; outline: string }[];
      neighbourhoods: { neighbourhoods: { code: string; outline: string }[] }[];
    }>(
      '{ city: districts { code outline } fine: districts { code outline(detail: DISTRICT) } neighbourhoods: districts { neighbourhoods { code outline(detail: DISTRICT) } } }',
    );
    expect(result.errors).toBeUndefined();
    const districts = await api.db.district.findMany({ omit: { boundary: false } });
    const neighbourhoods = await api.db.neighbourhood.findMany();
    const largest = (sizes: number[]) => Math.max(...sizes);
    const cityLengths = result.data?.city.map((d) => d.outline.length) ?? [];
    const fineLengths = result.data?.fine.map((d) => d.outline.length) ?? [];
    // Finer detail, more points; both far smaller than the official boundaries.
    expect(fineLengths.reduce((a, b) => a + b, 0)).toBeGreaterThan(cityLengths.reduce((a, b) => a + b, 0));
    expect(fineLengths.reduce((a, b) => a + b, 0)).toBeLessThan(
      districts.reduce((sum, d) => sum + JSON.stringify(d.boundary).length, 0) / 4,
    );
    // The weights bound the shipped data: a larger boundary in a new release fails here.
    expect(largest(cityLengths)).toBeLessThanOrEqual(OUTLINE_WEIGHTS.district.CITY * BYTES_PER_COST_UNIT);
    expect(largest(fineLengths)).toBeLessThanOrEqual(OUTLINE_WEIGHTS.district.DISTRICT * BYTES_PER_COST_UNIT);
    const neighbourhoodFine = result.data?.neighbourhoods.flatMap((d) => d.neighbourhoods) ?? [];
    expect(neighbourhoodFine).toHaveLength(neighbourhoods.length);
    expect(largest(neighbourhoodFine.map((n) => n.outline.length))).toBeLessThanOrEqual(
      OUTLINE_WEIGHTS.neighbourhood.DISTRICT * BYTES_PER_COST_UNIT,
    );
    const neighbourhoodCity = await api.graphql<{ districts: { neighbourhoods: { outline: string }[] }[] }>(
      '{ districts { neighbourhoods { outline } } }',
    );
    const cityNeighbourhoods = neighbourhoodCity.data?.districts.flatMap((d) => d.neighbourhoods) ?? [];
    expect(largest(cityNeighbourhoods.map((n) => n.outline.length))).toBeLessThanOrEqual(
      OUTLINE_WEIGHTS.neighbourhood.CITY * BYTES_PER_COST_UNIT,
    );
  });

  it('names sectors in the requested language, falling back to Catalan', async () => {
    const result = await api.graphql<{ ca: { code: string; name: string }[]; en: { name: string }[] }>(
      '{ ca: sectors { code name } en: sectors { name(locale: EN) } }',
    );
    expect(result.data?.ca[0]).toEqual({ code: 'ALIMENTACIO', name: 'Alimentació i agroecologia' });
    expect(result.data?.en[0]?.name).toBe('Food and agroecology');
  });

  it('is seeded idempotently: seeding again changes nothing', async () => {
    const { seedReferenceData } = await import('@proximitat/db');
    const before = await api.db.neighbourhood.count();
    const counts = await seedReferenceData(api.db);
    expect(counts).toEqual({
      districts: 10,
      neighbourhoods: 73,
      sectors: 20,
      legalForms: 16,
      certifications: 9,
      socialClauses: 10,
    });
    expect(await api.db.neighbourhood.count()).toBe(before);
    expect(await api.db.legalForm.count()).toBe(16);
  });
});
