import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addSampleCompanies, indexCompanies } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  type Locale,
  settled,
  setWidth,
  sidewaysOverflow,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SCREENS = '/work/notes/screens/B';

/** What each language calls the maps (the messages of the pages that draw them). */
const MAP_NAMES = {
  company: { CA: 'Situació', ES: 'Situación', EN: 'Location' },
  district: { CA: 'Mapa del districte', ES: 'Mapa del distrito', EN: 'Map of the district' },
  stats: {
    CA: "Mapa d'empreses per 10.000 habitants i districte",
    ES: 'Mapa de empresas por 10.000 habitantes y distrito',
    EN: 'Map of companies per 10,000 inhabitants by district',
  },
  search: {
    CA: 'Mapa de tots els resultats',
    ES: 'Mapa de todos los resultados',
    EN: 'Map of all the results',
  },
} satisfies Record<string, Record<Locale, string>>;

/** The computed fill and stroke of every shape drawn in a map. */
async function shapeColours(page: Page, mapName: string): Promise<{ fill: string; stroke: string }[]> {
  const map = page.getByRole('group', { name: mapName, exact: false });
  return map
    .locator('path.geo-map__shape')
    .evaluateAll((paths) =>
      paths.map((path) => ({ fill: getComputedStyle(path).fill, stroke: getComputedStyle(path).stroke })),
    );
}

function expectStyled(colours: { fill: string; stroke: string }[]): void {
  expect(colours.length).toBeGreaterThan(0);
  for (const { fill, stroke } of colours) {
    expect(fill).not.toMatch(/^(rgb\(0, 0, 0\)|#000|black|none)$/);
    expect(stroke).not.toMatch(/^(rgb\(0, 0, 0\)|#000|black|none)$/);
  }
}

/** Every request the page makes to another origin than the platform's (a tile server would be one). */
function foreignRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) seen.push(url);
  });
  return seen;
}

/** The screen as a reader sees it with the map scrolled into view. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.locator('.geo-map').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

describe.runIf(browserAvailable())('maps in Chromium (no basemap configured)', { timeout: 90_000 }, () => {
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 80, 'maps-e2e');
      await indexCompanies(api);
    },
  });

  it('draws the company page map styled, with its point named by the company and no tile request', async () => {
    const { api } = platform;
    const company = await api.db.company.findFirstOrThrow({
      where: {
        status: 'PUBLISHED',
        latitude: { not: null },
        neighbourhoodCode: { not: null },
        name: { contains: "'" },
      },
      orderBy: { name: 'asc' },
    });
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      const foreign = foreignRequests(page, api.url);
      for (const [label, width] of Object.entries(WIDTHS)) {
        await setWidth(page, width);
        await page.goto(`/empreses/${company.slug}`);
        await settled(page);
        const map = page.getByRole('group', { name: `${MAP_NAMES.company[locale]}: ${company.name}` });
        await map.waitFor();
        expectStyled(await shapeColours(page, MAP_NAMES.company[locale]));
        // The point: focusable, named by the company, the apostrophe as it is written.
        const point = map.getByRole('img', { name: company.name, exact: true });
        expect(await point.count()).toBe(1);
        await point.focus();
        expect(await point.evaluate((node) => node === document.activeElement)).toBe(true);
        expect(await map.innerText()).not.toContain('&#39;');
        expect((await sidewaysOverflow(page)).widest).toEqual([]);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `company-map-${locale.toLowerCase()}-${label}`);
      }
      expect(foreign).toEqual([]);
      // The basemap's absence leaves no tile layer behind.
      expect(await page.locator('.leaflet-tile').count()).toBe(0);
      await page.context().close();
    }
  });

  it('draws a district with its neighbourhoods as styled shapes', async () => {
    const { api } = platform;
    const neighbourhoods = await api.db.neighbourhood.count({ where: { districtCode: '07' } });
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      const foreign = foreignRequests(page, api.url);
      for (const [label, width] of Object.entries(WIDTHS)) {
        await setWidth(page, width);
        await page.goto('/districtes/07');
        await settled(page);
        const map = page.getByRole('group', { name: new RegExp(`^${MAP_NAMES.district[locale]}: `) });
        await map.waitFor();
        const colours = await shapeColours(page, MAP_NAMES.district[locale]);
        expectStyled(colours);
        // The district's boundary and one shape per neighbourhood.
        expect(colours).toHaveLength(neighbourhoods + 1);
        expect((await sidewaysOverflow(page)).widest).toEqual([]);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `district-map-${locale.toLowerCase()}-${label}`);
      }
      expect(foreign).toEqual([]);
      await page.context().close();
    }
  });

  it('makes each district of the statistics map a named link, followed with Enter', async () => {
    const { api } = platform;
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale });
      const foreign = foreignRequests(page, api.url);
      for (const [label, width] of Object.entries(WIDTHS)) {
        await setWidth(page, width);
        await page.goto('/estadistiques');
        await settled(page);
        const map = page.getByRole('group', { name: MAP_NAMES.stats[locale] });
        await map.waitFor();
        const colours = await shapeColours(page, MAP_NAMES.stats[locale]);
        expectStyled(colours);
        expect(colours).toHaveLength(10);
        // A choropleth: the districts do not all share one fill.
        expect(new Set(colours.map((colour) => colour.fill)).size).toBeGreaterThan(1);
        // Ten districts as links (besides the attribution's links).
        expect(await map.locator('path[role="link"]').count()).toBe(10);
        // The page's wide tables scroll in regions of their own (the statistics page's): the map
        // fits the screen and the page does not scroll sideways.
        expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(width);
        expect((await map.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(width);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `stats-map-${locale.toLowerCase()}-${label}`);
      }
      const district = await api.db.district.findUniqueOrThrow({ where: { code: '03' } });
      // Tab from the map itself reaches the districts, one stop each.
      await page.locator('.geo-map__canvas').first().focus();
      let reached = '';
      for (let step = 0; step < 12 && reached !== district.name; step++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
        reached = reached.split(':')[0] ?? '';
      }
      expect(reached).toBe(district.name);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/districtes\/03$/);
      await page.getByRole('heading', { level: 1, name: district.name }).waitFor();
      expect(foreign).toEqual([]);
      await page.context().close();
    }
  });

  it('shows every result of a search on its map, clustered, each point a named link that Enter follows', async () => {
    const { api } = platform;
    const page = await platform.newPage({ locale: 'EN' });
    const foreign = foreignRequests(page, api.url);
    await setWidth(page, WIDTHS.desktop);
    await page.goto('/cerca?vista=mapa');
    const map = page.getByRole('group', { name: MAP_NAMES.search.EN });
    await map.waitFor();
    expectStyled(await shapeColours(page, MAP_NAMES.search.EN));
    const located = await api.db.company.count({ where: { status: 'PUBLISHED', latitude: { not: null } } });
    // Clusters say how many companies they hold: with the lone points, every located company.
    const clusters = map.locator('.geo-map__cluster');
    await clusters.first().waitFor();
    const counts = await clusters.evaluateAll((buttons) =>
      buttons.map((button) => Number(button.textContent)),
    );
    const lone = await map.locator('a.geo-map__pin').count();
    expect(counts.reduce((sum, count) => sum + count, 0) + lone).toBe(located);
    expect(await clusters.first().getAttribute('aria-label')).toMatch(/^\d+ companies here: zoom in$/);

    // Enter on a cluster zooms in and leaves the keyboard on one of its points.
    await clusters.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('geo-map__pin') ?? false,
      null,
      {
        timeout: 5000,
      },
    );
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(name).not.toBe('');
    expect(name).not.toMatch(/&#39;|&amp;|<mark>/);
    const company = await api.db.company.findFirstOrThrow({ where: { name } });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/empreses/${company.slug}$`));
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();

    // A name with an apostrophe reads as written, not as "&#39;".
    await page.goto('/cerca?vista=mapa');
    await map.waitFor();
    const names = await map.locator('.geo-map__pin-label').allTextContents();
    expect(names.join(' ')).not.toMatch(/&#39;|&amp;/);
    expect(foreign).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
