import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { ESG_CRITERIA_V1, seedEsgCriteria } from './esg-criteria.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('esgCriteria', () => {
  it('serves the seeded catalogue in the requested language; seeding again changes nothing', async () => {
    // Whatever other tests of this file stored before: seeding twice leaves every row as the first
    // seeding did, with exactly the catalogue's criteria in force.
    await seedEsgCriteria(api.db);
    const seeded = await api.db.esgCriterion.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] });
    await seedEsgCriteria(api.db);
    expect(await api.db.esgCriterion.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] })).toEqual(
      seeded,
    );
    expect(await api.db.esgCriterion.count({ where: { active: true } })).toBe(ESG_CRITERIA_V1.length);
    const response = await api.graphql<{
      esgCriteria: {
        code: string;
        pillar: string;
        weight: number;
        question: string;
        evidenceRequired: boolean;
      }[];
    }>(contractOperation('EsgCriteria'), { locale: 'EN' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.esgCriteria.map((c) => c.code)).toEqual(ESG_CRITERIA_V1.map((c) => c.code));
    expect(response.data?.esgCriteria[0]).toMatchObject({
      pillar: 'ENVIRONMENTAL',
      weight: 3,
      evidenceRequired: true,
      question: expect.stringContaining('environmental management system'),
    });
  });

  it('retires criteria of other versions', async () => {
    await api.db.esgCriterion.create({
      data: {
        code: 'OLD',
        version: 0,
        pillar: 'SOCIAL',
        weight: 1,
        questionCa: 'Antiga?',
        questionEs: '¿Antigua?',
        questionEn: 'Old?',
        evidenceRequired: false,
        position: 99,
      },
    });
    await seedEsgCriteria(api.db);
    const response = await api.graphql<{ esgCriteria: { code: string }[] }>(
      contractOperation('EsgCriteria'),
      {},
    );
    expect(response.data?.esgCriteria.map((c) => c.code)).not.toContain('OLD');
  });
});
