import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  settled,
  setWidth,
  UI,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SCREENS = '/work/notes/screens/D2';

describe.runIf(browserAvailable())('the site navigation', () => {
  const platform = usePlatform({ timeout: 10_000 });

  for (const locale of LOCALES) {
    it(`collapses behind a menu button at 320 px and works with the keyboard, in ${locale}`, async () => {
      const page = await platform.newPage({ locale });
      await setWidth(page, WIDTHS.phone);
      await page.goto('/');
      await settled(page);
      const button = page.getByRole('button', { name: UI.menu[locale] });
      const nav = page.getByRole('navigation', { name: UI.navigation[locale] });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      const controls = await button.getAttribute('aria-controls');
      expect(controls).toBeTruthy();

      // Skip link, site name, menu button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await nav.waitFor();
      expect(await page.locator(`[id="${controls}"]`).isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (locale === 'CA') await page.screenshot({ path: `${SCREENS}/menu-open-320.png`, fullPage: true });
      // Every link of the menu fits the screen.
      for (const link of await nav.getByRole('link').all()) {
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= WIDTHS.phone).toBe(true);
      }

      // Into the menu, then Escape: closed, and focus back on its button.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);

      // Open it again and follow a link with the keyboard: the menu closes and focus is on the new page's heading.
      await page.keyboard.press('Space');
      await nav.getByRole('link', { name: UI.districts[locale], exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/districtes');
      await settled(page);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect((await page.evaluate(() => document.documentElement.scrollWidth)) <= WIDTHS.phone).toBe(true);
      await page.context().close();
    });
  }

  it('shows the whole navigation without a menu button at 1280 px', async () => {
    const page = await platform.newPage();
    await setWidth(page, WIDTHS.desktop);
    await page.goto('/');
    await settled(page);
    expect(await page.getByRole('button', { name: UI.menu.CA }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: UI.navigation.CA });
    const links = await nav.getByRole('link').all();
    expect(links.length).toBe(7);
    for (const link of links) {
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= WIDTHS.desktop && box.y < 200).toBe(true);
    }
    await page.screenshot({ path: `${SCREENS}/header-1280.png` });
    await page.context().close();
  });
});
