import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { localizedDescription } from './company-description.ts';
import { loadPlaces } from './places.ts';

describe('localizedDescription', () => {
  const onlyCatalan = { descriptionCa: 'Neteja d’oficines.', descriptionEs: null, descriptionEn: null };

  it('gives the text in the language asked for when it is written', () => {
    const all = { descriptionCa: 'Neteja.', descriptionEs: 'Limpieza.', descriptionEn: 'Cleaning.' };
    expect(localizedDescription(all, 'EN')).toEqual({ locale: 'EN', text: 'Cleaning.' });
    expect(localizedDescription(all, 'ES')).toEqual({ locale: 'ES', text: 'Limpieza.' });
    expect(localizedDescription(all, null)).toEqual({ locale: 'CA', text: 'Neteja.' });
  });

  it('names the language it fell back to: Catalan, then Spanish, then English', () => {
    expect(localizedDescription(onlyCatalan, 'EN')).toEqual({ locale: 'CA', text: 'Neteja d’oficines.' });
    const spanishOnly = { descriptionCa: null, descriptionEs: 'Limpieza.', descriptionEn: null };
    expect(localizedDescription(spanishOnly, 'EN')?.locale).toBe('ES');
    const englishOnly = { descriptionCa: null, descriptionEs: null, descriptionEn: 'Cleaning.' };
    expect(localizedDescription(englishOnly, 'CA')?.locale).toBe('EN');
    expect(
      localizedDescription({ descriptionCa: null, descriptionEs: null, descriptionEn: null }, 'ES'),
    ).toBe(null);
  });
});

describe('Company.descriptionLocale and CpvCode.labelLocale', () => {
  let api: TestApi;
  let slug: string;

  beforeAll(async () => {
    api = await startTestApi();
    await importSampleCompanies(api.db, await loadPlaces(api.db), 5, 'description-locale');
    const company = await api.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await api.db.company.update({
      where: { id: company.id },
      data: {
        descriptionCa: 'Cooperativa de neteja.',
        descriptionEs: null,
        descriptionEn: 'Cleaning cooperative.',
        cpvCodes: ['90910000-9'],
      },
    });
    slug = company.slug;
  });
  afterAll(async () => api?.close());

  const query = `query ($slug: String!, $locale: Locale) {
    company(slug: $slug) {
      description(locale: $locale)
      descriptionLocale(locale: $locale)
      cpv { label(locale: $locale) labelLocale(locale: $locale) }
    }
  }`;

  it('says which language each text is really in, for each language asked for', async () => {
    const answers = await Promise.all(
      (['CA', 'ES', 'EN'] as const).map((locale) =>
        api.graphql<{
          company: {
            description: string;
            descriptionLocale: string;
            cpv: { label: string; labelLocale: string }[];
          };
        }>(query, { slug, locale }),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [ca, es, en] = answers.map((answer) => answer.data?.company);
    expect(ca).toMatchObject({ description: 'Cooperativa de neteja.', descriptionLocale: 'CA' });
    // No Spanish text: the Catalan one, said to be Catalan.
    expect(es).toMatchObject({ description: 'Cooperativa de neteja.', descriptionLocale: 'CA' });
    expect(en).toMatchObject({ description: 'Cleaning cooperative.', descriptionLocale: 'EN' });
    // The CPV has no Catalan version: a Catalan page gets the Spanish label, said to be Spanish.
    expect(ca?.cpv[0]?.labelLocale).toBe('ES');
    expect(ca?.cpv[0]?.label).toBe(es?.cpv[0]?.label);
    expect(es?.cpv[0]?.labelLocale).toBe('ES');
    expect(en?.cpv[0]?.labelLocale).toBe('EN');
    expect(en?.cpv[0]?.label).not.toBe(es?.cpv[0]?.label);
  });

  it('gives no language when the company has no description', async () => {
    await api.db.company.update({
      where: { slug },
      data: { descriptionCa: null, descriptionEs: null, descriptionEn: null },
    });
    const answer = await api.graphql<{ company: { description: null; descriptionLocale: null } }>(query, {
      slug,
      locale: 'EN',
    });
    expect(answer.data?.company).toMatchObject({ description: null, descriptionLocale: null });
  });
});
