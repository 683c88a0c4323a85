import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';

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

  it('serves the official boundary of a district as GeoJSON', async () => {
    const result = await api.graphql<{ district: { boundary: string } }>(
      '{ district(code: "01") { boundary } }',
    );
    const geometry = JSON.parse(result.data?.district.boundary ?? '{}') as {
      type: string;
      coordinates: number[][][];
    };
    expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
    const [lng, lat] = geometry.coordinates.flat(2) as number[];
    expect(lng).toBeGreaterThan(2.0);
    expect(lat).toBeGreaterThan(41.3);
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
