import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { allCpvCodes, browseCpv, cpvBranch } from './cpv.ts';

/** cpvVocabulary and cpvEntries: the CPV picker's public, bounded view of the whole vocabulary. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const BROWSE = `query ($query: String, $under: String, $first: Int, $offset: Int, $locale: Locale) {
  cpvVocabulary(query: $query, under: $under, first: $first, offset: $offset) {
    totalCount hasNextPage entries { code branch level parent childCount label(locale: $locale) labelLanguage(locale: $locale) }
  }
}`;
interface Page {
  totalCount: number;
  hasNextPage: boolean;
  entries: {
    code: string;
    branch: string;
    level: number;
    parent: string | null;
    childCount: number;
    label: string;
    labelLanguage: string;
  }[];
}
async function browse(variables: Record<string, unknown>): Promise<Page> {
  const response = await api.graphql<{ cpvVocabulary: Page }>(BROWSE, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.cpvVocabulary as Page;
}

describe('the CPV vocabulary for pickers', () => {
  it('names branches by their leading digits', () => {
    expect(cpvBranch('90910000-9')).toBe('9091');
    expect(cpvBranch('90000000')).toBe('90');
    expect(cpvBranch('03000000-1')).toBe('03');
    expect(cpvBranch('909')).toBe('909');
    expect(cpvBranch('909-1')).toBeNull();
    expect(cpvBranch('x')).toBeNull();
  });

  it('browses every level: divisions, then the codes directly under each, down to the whole vocabulary', () => {
    const divisions = browseCpv({ offset: 0, limit: 100 });
    expect(divisions.totalCount).toBe(45);
    expect(divisions.entries.every((entry) => entry.level === 1 && entry.parent === null)).toBe(true);
    // Walking the tree reaches every code once.
    let reached = 0;
    const walk = (under: string | null) => {
      const page = browseCpv({ under, offset: 0, limit: 10_000 });
      for (const entry of page.entries) {
        reached += 1;
        expect(entry.parent).toBe(under);
        expect(browseCpv({ under: entry.branch, offset: 0, limit: 1 }).totalCount).toBe(entry.childCount);
        if (entry.childCount > 0) walk(entry.branch);
      }
    };
    walk(null);
    expect(reached).toBe(allCpvCodes().length);
  });

  it('answers the API query in three languages, labels marked with the language they are in', async () => {
    const top = await browse({ locale: 'CA' });
    expect(top.totalCount).toBe(45);
    expect(top.entries).toHaveLength(20);
    expect(top.hasNextPage).toBe(true);
    const cleaning = await browse({ under: '909', locale: 'EN', first: 100 });
    expect(cleaning.entries.find((entry) => entry.branch === '9091')).toMatchObject({
      code: '90910000-9',
      label: 'Cleaning services',
      labelLanguage: 'en',
      parent: '909',
    });
    const catalan = await browse({ query: 'limpieza', locale: 'CA' });
    expect(catalan.entries.some((entry) => entry.code === '90910000-9')).toBe(true);
    expect(catalan.entries.every((entry) => entry.labelLanguage === 'es')).toBe(true);
    // Words in any case, accents ignored, all of them; digits as leading digits of the code.
    const words = await browse({ query: 'SERVICIOS limpieza VENTANAS', locale: 'ES' });
    expect(words.entries.map((entry) => entry.code)).toContain('90911300-9');
    const digits = await browse({ query: '9091', first: 100 });
    expect(digits.entries.every((entry) => entry.code.startsWith('9091'))).toBe(true);
    expect(digits.totalCount).toBe(allCpvCodes().filter((entry) => entry.code.startsWith('9091')).length);
    const entries = await api.graphql<{ cpvEntries: { code: string }[] }>(
      '{ cpvEntries(codes: ["9091", "90910000-9", "45", "99999999"]) { code } }',
    );
    expect(entries.data?.cpvEntries.map((entry) => entry.code)).toEqual([
      '90910000-9',
      '90910000-9',
      '45000000-7',
    ]);
  });

  it('is bounded: page size, offset, text length and code count', async () => {
    const refused = async (query: string, variables: Record<string, unknown>) =>
      (await api.graphql(query, variables)).errors?.[0]?.extensions;
    expect(await refused(BROWSE, { first: 101 })).toMatchObject({ field: 'first' });
    expect(await refused(BROWSE, { offset: 10_001 })).toMatchObject({ field: 'offset' });
    expect(await refused(BROWSE, { query: 'a'.repeat(101) })).toMatchObject({ field: 'query' });
    expect(await refused(BROWSE, { under: '" OR 1' })).toMatchObject({ field: 'under' });
    const many = JSON.stringify(Array.from({ length: 51 }, () => '45'));
    expect(await refused(`{ cpvEntries(codes: ${many}) { code } }`, {})).toMatchObject({ field: 'codes' });
  });
});
