import { addSampleCompanies, indexCompanies, startTestApi, type TestApi } from '@proximitat/api/testing';
import { createSearch } from '@proximitat/search';
import { afterAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, usePlatform } from '../src/index.ts';

describe.runIf(browserAvailable())('the directory search in Chromium', () => {
  let down: TestApi;

  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 120, 'search-e2e');
      await indexCompanies(api);
      down = await startTestApi({}, { search: createSearch('http://127.0.0.1:9', 'key', 'down_') });
      await addSampleCompanies(down, 30, 'search-e2e');
    },
  });
  afterAll(async () => {
    await down?.close();
  });

  const count = () => platform.page.locator('#results-title [role="status"]').textContent();

  it('searches as you type, in another language than the data, with the state in the URL', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/cerca`);
    await page.getByRole('heading', { level: 1, name: "Cerca empreses de l'ESS" }).waitFor();
    await page.getByText(/^120 empreses/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Què busques?').fill('limpieza');
    await page.waitForURL(/q=limpieza/);
    const fromApi = await api.graphql<{ searchCompanies: { totalCount: number } }>(
      '{ searchCompanies(query: "limpieza", first: 1) { totalCount } }',
    );
    const expected = fromApi.data?.searchCompanies.totalCount ?? -1;
    expect(expected).toBeGreaterThan(0);
    await page.waitForFunction(
      () =>
        !/^120 empreses/.test(document.querySelector('#results-title [role="status"]')?.textContent ?? ''),
    );
    const shown = Number((await count())?.match(/^(\d+)/)?.[1]);
    expect(shown).toBe(expected);
    expect(await page.locator('.company-card mark').count()).toBeGreaterThan(0);
  });

  it('filters with facets and chips, all with the keyboard', async () => {
    const { api, browser, page } = platform;
    await page.goto(`${api.url}/cerca`);
    await page.getByText(/^120 empreses/).waitFor();
    const eixample = await api.db.company.count({ where: { status: 'PUBLISHED', districtCode: '02' } });
    const summary = page.locator('summary', { hasText: 'Districte' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const checkbox = page.getByRole('checkbox', { name: /^Eixample \(/ });
    await checkbox.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/districte=02/);
    await page.getByText(new RegExp(`^${eixample} empreses`)).waitFor();
    const chip = page.getByRole('button', { name: /^Eixample/ });
    expect(await chip.isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A shared link opens the same search.
    const shared = await browser.browser.newContext().then((context) => context.newPage());
    await shared.goto(page.url());
    await shared.getByText(new RegExp(`^${eixample} empreses`)).waitFor();
    await shared.close();

    await chip.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^120 empreses/).waitFor();
    expect(page.url()).not.toContain('districte=');
  });

  it('shows the results on a map of the districts, and explains an empty search', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/cerca?vista=mapa`);
    await page.getByRole('group', { name: 'Mapa de tots els resultats' }).waitFor();
    expect(await page.locator('.geo-map__marker').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${api.url}/cerca?q=zzqxwv`);
    await page.getByText('Cap empresa no compleix aquests criteris.', { exact: false }).waitFor();
  });

  it('tells the user when the search engine is down and answers from the database', async () => {
    const { page } = platform;
    await page.goto(`${down.url}/cerca?q=cooperativa`);
    await page.getByText('El cercador no està disponible ara mateix', { exact: false }).waitFor();
    expect(await page.locator('.company-card').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
