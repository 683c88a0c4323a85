import { addSampleCompanies, createAccount } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  LOCALES,
  type Locale,
  settled,
  setWidth,
  sidewaysOverflow,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const OFFICER = { email: 'compres.fitxa@ajuntament.example', password: 'una contrasenya de compres' };

const ADD = { CA: 'Afegeix a la llista', ES: 'Añadir a la lista', EN: 'Add to shortlist' } satisfies Record<
  Locale,
  string
>;
const ON_LIST = { CA: 'A la llista', ES: 'En la lista', EN: 'On the shortlist' } satisfies Record<
  Locale,
  string
>;

describe.runIf(browserAvailable())('the company page in Chromium', { timeout: 90_000 }, () => {
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 30, 'company-page-e2e');
      await createAccount(api, { ...OFFICER, role: 'PROCUREMENT_OFFICER' });
    },
  });

  /** Two published companies: one described in Catalan only, one in Catalan and English. */
  async function describedCompanies() {
    const { api } = platform;
    const [catalanOnly, bilingual] = await api.db.company.findMany({
      where: { status: 'PUBLISHED', neighbourhoodCode: { not: null } },
      orderBy: { name: 'asc' },
      take: 2,
    });
    if (!catalanOnly || !bilingual) throw new Error('the sample has too few published companies');
    await api.db.company.update({
      where: { id: catalanOnly.id },
      data: {
        descriptionCa: 'Cooperativa de neteja amb productes ecològics.',
        descriptionEs: null,
        descriptionEn: null,
        cpvCodes: ['90910000-9'],
      },
    });
    await api.db.company.update({
      where: { id: bilingual.id },
      data: {
        descriptionCa: 'Cooperativa de càtering.',
        descriptionEs: null,
        descriptionEn: 'A catering cooperative.',
      },
    });
    return { catalanOnly, bilingual };
  }

  it('marks each text with the language it is really in, in every language and width', async () => {
    const { catalanOnly, bilingual } = await describedCompanies();
    const expected: Record<Locale, { catalanOnly: string; bilingual: string; cpv: string }> = {
      CA: { catalanOnly: 'ca', bilingual: 'ca', cpv: 'es' },
      ES: { catalanOnly: 'ca', bilingual: 'ca', cpv: 'es' },
      EN: { catalanOnly: 'ca', bilingual: 'en', cpv: 'en' },
    };
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      for (const width of Object.values(WIDTHS)) {
        await setWidth(page, width);
        await page.goto(`/empreses/${catalanOnly.slug}`);
        await settled(page);
        const description = page.locator('.company__description');
        expect(await description.textContent()).toBe('Cooperativa de neteja amb productes ecològics.');
        expect(await description.getAttribute('lang')).toBe(expected[locale].catalanOnly);
        // The CPV has no Catalan labels: a Catalan page shows the Spanish one, marked Spanish.
        const cpvLabel = page.locator('li:has(code:text-is("90910000-9")) [lang]');
        expect(await cpvLabel.getAttribute('lang')).toBe(expected[locale].cpv);
        // Street and place names are Catalan whatever the interface.
        expect(await page.locator('address').getAttribute('lang')).toBe('ca');
        expect((await sidewaysOverflow(page)).widest).toEqual([]);
        expect(await accessibilityViolations(page)).toEqual([]);

        await page.goto(`/empreses/${bilingual.slug}`);
        await settled(page);
        expect(await page.locator('.company__description').getAttribute('lang')).toBe(
          expected[locale].bilingual,
        );
      }
      await page.context().close();
    }
  });

  it('fits the directory listing and the districts list in 320 px, in every language', async () => {
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      for (const width of Object.values(WIDTHS)) {
        await setWidth(page, width);
        for (const path of ['/empreses', '/districtes']) {
          await page.goto(path);
          await settled(page);
          await page.locator('main table, main .company-list').first().waitFor();
          expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(width);
          expect(await accessibilityViolations(page)).toEqual([]);
        }
      }
      await page.context().close();
    }
  });

  it('writes dates and numbers in the interface language', async () => {
    const { api } = platform;
    const company = await api.db.company.findFirstOrThrow({
      where: { status: 'PUBLISHED' },
      orderBy: { name: 'desc' },
    });
    await api.db.company.update({
      where: { id: company.id },
      data: { employees: 1250, updatedAt: new Date('2026-03-05T10:00:00Z') },
    });
    const written = {
      CA: { employees: '1.250', updated: '5 de març del 2026' },
      ES: { employees: '1250', updated: '5 de marzo de 2026' },
      EN: { employees: '1,250', updated: 'March 5, 2026' },
    } satisfies Record<Locale, { employees: string; updated: string }>;
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      await page.goto(`/empreses/${company.slug}`);
      await settled(page);
      const facts = page.locator('.company__facts');
      expect(await facts.innerText()).toContain(written[locale].employees);
      expect(await page.locator('main').innerText()).toContain(written[locale].updated);
      await page.context().close();
    }
  });

  it('lets a procurement officer add the company to the working shortlist from its page', async () => {
    const { api } = platform;
    const company = await api.db.company.findFirstOrThrow({
      where: { status: 'PUBLISHED' },
      orderBy: { name: 'asc' },
      skip: 5,
    });
    const token = await apiToken(api, OFFICER);
    const { createShortlist } = await apiCall<{ createShortlist: { shortlist: { id: string } } }>(
      api,
      token,
      'mutation ($input: ShortlistInput!) { createShortlist(input: $input) { shortlist { id } } }',
      { input: { name: 'Fitxes 2026' } },
    );
    const listId = createShortlist.shortlist.id;

    // A visitor sees no such button.
    const visitor = await platform.newPage();
    await visitor.goto(`/empreses/${company.slug}`);
    await settled(visitor);
    expect(await visitor.getByRole('button', { name: new RegExp(`^${ADD.CA}`) }).count()).toBe(0);
    await visitor.context().close();

    for (const locale of ['EN', 'CA'] as const) {
      const page = await platform.newPage({ locale });
      await signInAs(page, OFFICER);
      for (const width of Object.values(WIDTHS)) {
        await setWidth(page, width);
        await page.goto(`/empreses/${company.slug}`);
        await settled(page);
        if (locale === 'EN' && width === WIDTHS.phone) {
          const add = page.getByRole('button', { name: new RegExp(`^${ADD[locale]}`) });
          await add.focus();
          await page.keyboard.press('Enter');
          await page.getByText(ON_LIST[locale], { exact: false }).first().waitFor();
          const entries = await api.db.shortlistEntry.findMany({ where: { shortlistId: listId } });
          expect(entries.map((entry) => entry.companyId)).toEqual([company.id]);
        } else if (locale === 'CA') {
          // Already on the list: the page says so instead of offering it again.
          await page.getByText(ON_LIST[locale], { exact: false }).first().waitFor();
        }
        expect((await sidewaysOverflow(page)).widest).toEqual([]);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      await page.context().close();
    }
  });
});
