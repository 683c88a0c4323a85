import { addSampleCompanies } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, chooseLanguage, usePlatform } from '../src/index.ts';

describe.runIf(browserAvailable())('the directory in Chromium', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 60, 'e2e');
    },
  });

  it('lists published companies by name, filters by district and pages with the keyboard', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/empreses`);
    await page.getByRole('heading', { level: 1, name: "Directori d'empreses de l'ESS" }).waitFor();
    await page.getByText('60 empreses · pàgina 1').waitFor();
    const first = await page.locator('.company-card h2').allTextContents();
    expect(first).toHaveLength(25);
    expect(first).toEqual([...first].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Següent' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('60 empreses · pàgina 2').waitFor();

    const inEixample = await api.db.company.count({ where: { status: 'PUBLISHED', districtCode: '02' } });
    await page.getByLabel('Districte').selectOption('02');
    await page.getByText(new RegExp(`^${inEixample} empreses`)).waitFor();
    expect(page.url()).toContain('districte=02');
  });

  it('links a district page to its companies in the directory', async () => {
    const { api, page } = platform;
    const inEixample = await api.db.company.count({ where: { status: 'PUBLISHED', districtCode: '02' } });
    await page.goto(`${api.url}/districtes/02`);
    const link = page.getByRole('link', { name: `${inEixample} empreses al directori` });
    await link.click();
    await page.getByText(new RegExp(`^${inEixample} empreses`)).waitFor();
    // The select shows the filter once its options have loaded.
    await expect.poll(() => page.getByLabel('Districte').inputValue()).toBe('02');
  });

  it("shows a company's page with its facts, badges and position on the neighbourhood map", async () => {
    const { api, page } = platform;
    const company = await api.db.company.findFirstOrThrow({
      where: {
        status: 'PUBLISHED',
        latitude: { not: null },
        neighbourhoodCode: { not: null },
        cpvCodes: { isEmpty: false },
      },
      include: { district: true },
      orderBy: { name: 'asc' },
    });
    await page.goto(`${api.url}/empreses/${company.slug}`);
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
    expect(await page.getByText(company.taxId, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(company.cpvCodes[0] ?? '', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Sense homologació ASG').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: `Situació: ${company.name}` }).isVisible()).toBe(true);
    const district = page
      .locator('#main')
      .getByRole('link', { name: company.district?.name ?? '', exact: true });
    expect(await district.getAttribute('href')).toBe(`/districtes/${company.districtCode}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await chooseLanguage(page, 'EN');
    await page.getByRole('heading', { level: 2, name: 'Company details' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await chooseLanguage(page, 'CA');
  });

  it('shows the ecosystem statistics as a map, charts and tables that agree with the data', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/estadistiques`);
    await page.getByRole('heading', { level: 1, name: "L'ecosistema de l'ESS en xifres" }).waitFor();
    const published = await api.db.company.count({ where: { status: 'PUBLISHED' } });
    expect(await page.locator('.stats-summary dd').first().textContent()).toBe(String(published));
    const table = page.getByRole('table', { name: /Empreses publicades per districte/ });
    const eixample = await api.db.company.count({ where: { status: 'PUBLISHED', districtCode: '02' } });
    expect(
      await table
        .getByRole('row', { name: /^Eixample/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe(String(eixample));
    expect(
      await page.getByRole('group', { name: "Mapa d'empreses per 10.000 habitants i districte" }).isVisible(),
    ).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The bars of a chart are reached with Tab and walked with the arrow keys.
    const bars = page.getByRole('figure', { name: 'Empreses per forma jurídica' }).getByRole('listitem');
    await bars.first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe(await bars.nth(1).getAttribute('aria-label'));
    expect(focused).toMatch(/^.+: \d+ empreses \([\d,]+ %\)$/);
  });
});
