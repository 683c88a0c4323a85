import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, chooseLanguage, usePlatform } from '../src/index.ts';

describe.runIf(browserAvailable())('the web client in Chromium', () => {
  const platform = usePlatform();

  it('renders the home page in Catalan, with no accessibility violations', async () => {
    const { api, page } = platform;
    await page.goto(api.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('ca');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Proximitat');
    expect(await page.getByRole('navigation', { name: 'Navegació principal' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const { api, page } = platform;
    await page.goto(api.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Salta al contingut principal',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('lists the districts from the API', async () => {
    const { api, page } = platform;
    await page.goto(api.url);
    await page.getByRole('link', { name: 'Districtes', exact: true }).click();
    await page.getByRole('heading', { name: 'Districtes de Barcelona' }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    expect(await page.getByRole('rowheader', { name: 'Gràcia' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('switches to English and remembers the choice', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/districtes`);
    await chooseLanguage(page, 'EN');
    await page.getByRole('heading', { name: 'Districts of Barcelona' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Districts of Barcelona' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await chooseLanguage(page, 'CA');
  });

  it('answers an unknown address with a page that says so', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/no-existeix`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pàgina no trobada');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
