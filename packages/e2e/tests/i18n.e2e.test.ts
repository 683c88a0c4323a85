import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  chooseLanguage,
  type Locale,
  type Site,
  seedSite,
  settled,
  setWidth,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SCREENS = '/work/notes/screens/D1';

/** The interface's plural of "company" in each language, as the messages write it. */
const COMPANIES: Record<Locale, (count: number) => string> = {
  CA: (count) => `${count} ${count === 1 ? 'empresa' : 'empreses'}`,
  ES: (count) => `${count} ${count === 1 ? 'empresa' : 'empresas'}`,
  EN: (count) => `${count} ${count === 1 ? 'company' : 'companies'}`,
};

const TAGS: Record<Locale, string> = { CA: 'ca', ES: 'es', EN: 'en' };

/** The heading of the shortlist's dated copies. */
const SNAPSHOTS: Record<Locale, string> = {
  CA: "Còpies datades per a l'expedient",
  ES: 'Copias fechadas para el expediente',
  EN: 'Dated copies for the contract file',
};

describe.runIf(browserAvailable())('the interface language', () => {
  let site: Site;
  /** Two dated copies of the officer's shortlist: of one company, then of two. */
  const snapshots: { takenAt: string; entryCount: number }[] = [];
  const platform = usePlatform({
    timeout: 15_000,
    seed: async (api) => {
      site = await seedSite(api);
      const token = await apiToken(api, site.accounts.officer);
      const snapshot = async () => {
        const taken = await apiCall<{
          snapshotShortlist: { snapshot: { takenAt: string; entryCount: number } | null };
        }>(
          api,
          token,
          'mutation ($id: ID!) { snapshotShortlist(shortlistId: $id) { snapshot { takenAt entryCount } userErrors { reason } } }',
          { id: site.shortlist.id },
        );
        if (!taken.snapshotShortlist.snapshot) throw new Error('no snapshot');
        snapshots.push(taken.snapshotShortlist.snapshot);
      };
      await snapshot();
      const other = await api.db.company.findFirstOrThrow({
        where: { slug: { not: site.company.slug }, status: 'PUBLISHED' },
        orderBy: { name: 'desc' },
        select: { id: true },
      });
      await apiCall(
        api,
        token,
        'mutation ($shortlistId: ID!, $companyId: ID!) { addToShortlist(shortlistId: $shortlistId, companyId: $companyId) { userErrors { reason } } }',
        { shortlistId: site.shortlist.id, companyId: other.id },
      );
      await snapshot();
    },
  });

  /**
   * A page whose browser speaks German and lives in Auckland: whatever the interface shows in
   * Catalan, Spanish or English, and in Barcelona's time, is the interface's, not the browser's.
   */
  async function foreignBrowserPage(): Promise<Page> {
    const context = await platform.browser.browser.newContext({
      baseURL: platform.api.url,
      locale: 'de-DE',
      timezoneId: 'Pacific/Auckland',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** How the interface should write a snapshot's moment in a language: its tag, Barcelona's time. */
  const expectedDateTime = (page: Page, locale: Locale, iso: string) =>
    page.evaluate(
      ([tag, value]) =>
        new Intl.DateTimeFormat(tag, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Madrid',
        }).format(new Date(value as string)),
      [TAGS[locale], iso] as const,
    );

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`switching language changes <html lang>, the plurals and the dates, and survives a reload (${width} px)`, async () => {
      const page = await foreignBrowserPage();
      await setWidth(page, width);
      await page.goto('/');
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ca');

      await signInAs(page, site.accounts.officer);
      await page.goto(`/llistes/${site.shortlist.id}`);
      await settled(page);
      const snapshotItems = (locale: Locale) =>
        page
          .locator('main section')
          .filter({ has: page.getByRole('heading', { name: SNAPSHOTS[locale], exact: true }) })
          .locator('li');
      await snapshotItems('CA').first().waitFor();

      for (const locale of ['CA', 'EN', 'ES'] as const) {
        if (locale !== 'CA') await chooseLanguage(page, locale);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(TAGS[locale]);
        const texts = (await snapshotItems(locale).allTextContents()).map((text) =>
          text.replace(/\s+/g, ' ').trim(),
        );
        const wanted = await Promise.all(
          snapshots.map(async ({ takenAt, entryCount }) => {
            const when = (await expectedDateTime(page, locale, takenAt)).replace(/\s+/g, ' ');
            return `${when} (${COMPANIES[locale](entryCount)})`;
          }),
        );
        expect(texts.sort()).toEqual(wanted.sort());
        // Not the browser's German, nor its Auckland time.
        const german = await page.evaluate(
          (value) =>
            new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(
              new Date(value),
            ),
          snapshots[0]?.takenAt ?? '',
        );
        expect(texts.join(' ')).not.toContain(german);
        if (locale === 'EN') {
          expect(await accessibilityViolations(page)).toEqual([]);
          await page.screenshot({ path: `${SCREENS}/shortlist-en-${width}.png`, fullPage: true });
        }
      }

      await page.reload();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      await expect
        .poll(async () => (await snapshotItems('ES').allTextContents()).join(' '))
        .toContain('(2 empresas)');
      await page.screenshot({ path: `${SCREENS}/shortlist-es-${width}.png`, fullPage: true });
      await page.context().close();
    }, 120_000);
  }

  it('the counted and singular forms read right in Catalan (1 empresa, 2 empreses)', async () => {
    const page = await foreignBrowserPage();
    await signInAs(page, site.accounts.officer);
    await page.goto(`/llistes/${site.shortlist.id}`);
    await settled(page);
    const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('(1 empresa)');
    expect(text).toContain('(2 empreses)');
    expect(text).not.toMatch(/\b1 empreses\b/);
    await page.screenshot({ path: `${SCREENS}/shortlist-ca-1280.png`, fullPage: true });
    await page.context().close();
  });
});
