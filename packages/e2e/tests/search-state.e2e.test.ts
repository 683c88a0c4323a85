import { mkdirSync } from 'node:fs';
import { addSampleCompanies, indexCompanies } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  type Locale,
  setWidth,
  sidewaysOverflow,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

/**
 * The search page of issue 17 in Chromium, in the three languages at 320 and 1280 CSS px: the
 * results first on a phone with the filters in a panel that opens, no sideways scrolling, every
 * search state in the address (the page too: reload and Back keep it), "clear all" clearing every
 * filter, focus after removing filters, the CPV picker (search and browse, keyboard only), codes
 * typed in the box recognised, and the map of all the results. axe stays at 0 violations.
 */
const SCREENS = '/work/notes/screens/A';

const TEXT = {
  title: {
    CA: "Cerca empreses de l'ESS",
    ES: 'Buscar empresas de la ESS',
    EN: 'Search social economy companies',
  },
  filters: { CA: /^Filtres/, ES: /^Filtros/, EN: /^Filters/ },
  neighbourhood: { CA: 'Barri', ES: 'Barrio', EN: 'Neighbourhood' },
  clear: { CA: 'Esborra tots els filtres', ES: 'Borrar todos los filtros', EN: 'Clear all filters' },
  next: { CA: 'Següent', ES: 'Siguiente', EN: 'Next' },
  page2: { CA: 'pàgina 2 de', ES: 'página 2 de', EN: 'page 2 of' },
  cpvSearch: { CA: 'Cerca un codi CPV', ES: 'Busca un código CPV', EN: 'Search a CPV code' },
  cpvSummary: { CA: 'Codis CPV', ES: 'Códigos CPV', EN: 'CPV codes' },
  cpvWords: { CA: 'limpieza', ES: 'limpieza', EN: 'cleaning' },
  recognised: {
    CA: 'Cerca pel codi CPV 90910000-9',
    ES: 'Búsqueda por el código CPV 90910000-9',
    EN: 'Searching CPV code 90910000-9',
  },
  cleaning: { CA: 'Servicios de limpieza', ES: 'Servicios de limpieza', EN: 'Cleaning services' },
  map: { CA: 'Mapa de tots els resultats', ES: 'Mapa de todos los resultados', EN: 'Map of all the results' },
  list: { CA: 'Llista', ES: 'Lista', EN: 'List' },
} as const satisfies Record<string, Record<Locale, unknown>>;

const COMPANIES = 120;

describe.runIf(browserAvailable())(
  'the search page: state, filters panel, CPV picker, map',
  { timeout: 60_000 },
  () => {
    mkdirSync(SCREENS, { recursive: true });
    const platform = usePlatform({
      seed: async (api) => {
        await addSampleCompanies(api, COMPANIES, 'search-state-e2e');
        await indexCompanies(api);
      },
      timeout: 15_000,
    });

    const countText = (page: Page) => page.locator('#results-title [role="status"]').innerText();
    const firstResult = (page: Page) => page.locator('.company-card h3').first().innerText();
    /** Waits until the first result is no longer `name` (the next answer has arrived) and returns it. */
    const firstResultOtherThan = async (page: Page, name: string) => {
      await page.waitForFunction(
        (previous) =>
          !document.querySelector('.company-list[aria-busy]') &&
          (document.querySelector('.company-card h3')?.textContent ?? previous) !== previous,
        name,
      );
      return firstResult(page);
    };
    const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
    const settle = async (page: Page) => {
      await page.waitForFunction(
        () => /\d/.test(document.querySelector('#results-title [role="status"]')?.textContent ?? ''),
        undefined,
        { timeout: 30_000 },
      );
    };

    for (const locale of LOCALES) {
      for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
        it(`${locale} at ${width} px: layout, filters panel, no sideways scroll, axe`, async () => {
          const page = await platform.newPage({ locale, timeout: 15_000 });
          await setWidth(page, width);
          await page.goto('/cerca?q=cooperativa');
          await page.getByRole('heading', { level: 1, name: TEXT.title[locale] }).waitFor();
          await settle(page);
          const filtersButton = page.getByRole('button', { name: TEXT.filters[locale] });
          const filters = page.locator('#search-filters');
          const results = page.locator('#results-title');
          expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(width);
          if (width === WIDTHS.phone) {
            // Results first: the filters wait behind a disclosure button.
            expect(await filtersButton.getAttribute('aria-expanded')).toBe('false');
            expect(await filters.isVisible()).toBe(false);
            const heading = await results.boundingBox();
            expect(heading?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(640);
            await page.screenshot({ path: `${SCREENS}/search-${locale}-${width}.png`, fullPage: true });
            await page.screenshot({ path: `${SCREENS}/search-${locale}-${width}-first-screen.png` });
            expect(await accessibilityViolations(page)).toEqual([]);
            await filtersButton.focus();
            await page.keyboard.press('Enter');
            expect(await filtersButton.getAttribute('aria-expanded')).toBe('true');
            await filters.waitFor({ state: 'visible' });
            expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(width);
            expect(await accessibilityViolations(page)).toEqual([]);
            await page.screenshot({
              path: `${SCREENS}/search-filters-open-${locale}-${width}.png`,
              fullPage: true,
            });
            await page.screenshot({
              path: `${SCREENS}/search-filters-open-${locale}-${width}-first-screen.png`,
            });
            await page.keyboard.press('Enter');
            expect(await filtersButton.getAttribute('aria-expanded')).toBe('false');
          } else {
            expect(await filtersButton.isVisible()).toBe(false);
            expect(await filters.isVisible()).toBe(true);
            // The neighbourhood select stays inside the filters column, clear of the results.
            const select = await page.locator('.search-page__near select').first().boundingBox();
            expect(await page.locator('.search-page__near label').first().innerText()).toContain(
              TEXT.neighbourhood[locale],
            );
            const column = await page.locator('.search-page__results').boundingBox();
            expect(select && column && select.x + select.width).toBeLessThanOrEqual(column?.x ?? 0);
            expect(await accessibilityViolations(page)).toEqual([]);
            await page.screenshot({ path: `${SCREENS}/search-${locale}-${width}.png`, fullPage: true });
          }
          await page.context().close();
        });

        it(`${locale} at ${width} px: the page in the address, reload and Back keep it`, async () => {
          const page = await platform.newPage({ locale, timeout: 15_000 });
          await setWidth(page, width);
          await page.goto('/cerca');
          await settle(page);
          const first = await firstResult(page);
          await page.getByRole('button', { name: TEXT.next[locale], exact: true }).click();
          await page.waitForURL(/pagina=2/);
          await page.waitForFunction(
            (text) => document.querySelector('#results-title')?.textContent?.includes(text),
            TEXT.page2[locale],
          );
          await expect.poll(() => focusedId(page)).toBe('results-title');
          const second = await firstResultOtherThan(page, first);
          await page.reload();
          await settle(page);
          expect(await countText(page)).toContain(TEXT.page2[locale]);
          expect(await firstResult(page)).toBe(second);
          await page.goBack();
          await page.waitForURL((url) => !url.search.includes('pagina='));
          expect(await firstResultOtherThan(page, second)).toBe(first);
          expect(await countText(page)).not.toContain(TEXT.page2[locale]);
          await page.goForward();
          await page.waitForURL(/pagina=2/);
          await page.context().close();
        });

        it(`${locale} at ${width} px: clear all clears every filter and focus goes to the results`, async () => {
          const page = await platform.newPage({ locale, timeout: 15_000 });
          await setWidth(page, width);
          await page.goto(
            '/cerca?q=a&sector=NETEJA&sector=CURES&reservat=1&homologada=1&prop=06&radi=2000&cpv=9091&ordre=NAME&pagina=2',
          );
          await settle(page);
          await page.getByRole('button', { name: TEXT.clear[locale] }).click();
          await page.waitForURL(
            (url) => !/sector=|reservat=|homologada=|prop=|cpv=|radi=|pagina=/.test(url.search),
          );
          const url = new URL(page.url());
          expect([...url.searchParams.keys()].sort()).toEqual(['ordre', 'q']);
          // The address changes first; the page then renders the cleared state and moves focus.
          await expect.poll(() => focusedId(page)).toBe('results-title');
          await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(0);
          // A chip's ×: focus to the results too, not the body.
          await page.goto('/cerca?reservat=1&sector=NETEJA');
          await settle(page);
          await page.locator('.chip').first().click();
          await page.waitForURL((current) => !current.search.includes('sector='));
          await expect.poll(() => focusedId(page)).toBe('results-title');
          expect(page.url()).toContain('reservat=1');
          await page.context().close();
        });
      }

      it(`${locale}: the CPV picker searches and browses the vocabulary with the keyboard`, async () => {
        const page = await platform.newPage({ locale, timeout: 15_000 });
        await setWidth(page, WIDTHS.desktop);
        await page.goto('/cerca');
        await settle(page);
        await page.locator('summary', { hasText: TEXT.cpvSummary[locale] }).click();
        const combobox = page.getByRole('combobox', { name: TEXT.cpvSearch[locale] });
        await combobox.focus();
        await page.keyboard.type(TEXT.cpvWords[locale]);
        await page.getByRole('listbox').waitFor();
        expect(await combobox.getAttribute('aria-expanded')).toBe('true');
        const option = page.getByRole('option', {
          name: new RegExp(`^\\S*\\s*90910000-9 ${TEXT.cleaning[locale]}$`),
        });
        await option.waitFor();
        // Arrow down to the cleaning services and choose them with Enter.
        for (let step = 0; step < 20; step += 1) {
          await page.keyboard.press('ArrowDown');
          const active = await combobox.getAttribute('aria-activedescendant');
          if (active && active === (await option.getAttribute('id'))) break;
        }
        expect(await combobox.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
        await page.keyboard.press('Enter');
        await page.waitForURL(/cpv=9091/);
        await page.locator('[role="option"][aria-selected="true"]', { hasText: '90910000-9' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}/search-cpv-combobox-${locale}-1280.png` });
        await page.keyboard.press('Escape');
        expect(await combobox.getAttribute('aria-expanded')).toBe('false');

        // Browse: division 90, then its groups, with buttons and checkboxes.
        const open90 = page.getByRole('button', { name: /90000000-7/ });
        await open90.focus();
        await page.keyboard.press('Enter');
        const group = page.getByRole('checkbox', { name: /^90900000-6/ });
        await group.waitFor();
        await group.focus();
        await page.keyboard.press('Space');
        await page.waitForURL(/cpv=909(&|$)/);
        expect(new URL(page.url()).searchParams.getAll('cpv').sort()).toEqual(['909', '9091']);
        // The chips name the codes.
        await page.locator('.chip', { hasText: '90910000-9' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}/search-cpv-browse-${locale}-1280.png`, fullPage: true });
        await page.context().close();
      });

      it(`${locale}: a CPV code typed in the box is searched as one and said; the map shows every result`, async () => {
        const { api } = platform;
        const page = await platform.newPage({ locale, timeout: 15_000 });
        await setWidth(page, WIDTHS.phone);
        await page.goto('/cerca?q=90910000-9');
        await settle(page);
        const notice = page.locator('.search-page__recognised');
        await notice.waitFor();
        expect(await notice.innerText()).toContain(TEXT.recognised[locale]);
        expect(await notice.innerText()).toContain(TEXT.cleaning[locale]);
        expect(await notice.locator('[lang]').getAttribute('lang')).toBe(locale === 'EN' ? 'en' : 'es');
        const expected = await api.graphql<{ searchCompanies: { totalCount: number } }>(
          '{ searchCompanies(filter: { cpv: ["9091"] }, first: 1) { totalCount } }',
        );
        expect(await countText(page)).toMatch(new RegExp(`^${expected.data?.searchCompanies.totalCount}\\b`));

        // The map: all the search's located companies, not one page of 20.
        await setWidth(page, WIDTHS.desktop);
        await page.goto('/cerca?vista=mapa');
        await settle(page);
        await page.getByRole('group', { name: TEXT.map[locale] }).waitFor();
        const points = await api.graphql<{ searchCompanyPoints: { points: unknown[]; capped: boolean } }>(
          '{ searchCompanyPoints { capped points { id } } }',
        );
        const located = points.data?.searchCompanyPoints.points.length ?? 0;
        expect(located).toBeGreaterThan(20);
        expect(points.data?.searchCompanyPoints.capped).toBe(false);
        const note = await page.locator('.search-page__map-note').innerText();
        expect(note).toMatch(new RegExp(`^${located}\\b`));
        expect(await page.locator('.geo-map__marker').count()).toBeGreaterThan(0);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}/search-map-${locale}-1280.png`, fullPage: true });
        await setWidth(page, WIDTHS.phone);
        expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTHS.phone);
        await page.screenshot({ path: `${SCREENS}/search-map-${locale}-320.png`, fullPage: true });
        await page.context().close();
      });
    }
  },
);
