import { addSampleCompanies } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  settled,
  setWidth,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

describe.runIf(browserAvailable())('the statistics charts with the keyboard', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 60, 'stats-chart');
    },
    timeout: 10_000,
  });

  for (const locale of LOCALES) {
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      it(`takes one tab stop per chart, arrows between bars, in ${locale} at ${width} px`, async () => {
        const page = await platform.newPage({ locale });
        await setWidth(page, width);
        await page.goto('/estadistiques');
        await settled(page);
        const charts = page.locator('.bar-chart__bars');
        await charts.first().locator('li').first().waitFor();
        expect(await charts.count()).toBe(2);

        // Tab through the whole page: each chart is visited once.
        const stops: string[] = [];
        // From the skip link to the main content, as a keyboard user starts.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        for (let step = 0; step < 200; step += 1) {
          await page.keyboard.press('Tab');
          const where = await page.evaluate(() => {
            const active = document.activeElement;
            if (!active || active === document.body || !active.closest('main')) return null;
            const chart = active.closest('.bar-chart__bars');
            return chart
              ? `chart ${Array.from(document.querySelectorAll('.bar-chart__bars')).indexOf(chart)}`
              : 'other';
          });
          if (where === null) break;
          if (where.startsWith('chart')) stops.push(where);
        }
        expect(stops).toEqual(['chart 0', 'chart 1']);

        // In a chart: the arrows, Home and End move between bars, each read with its value.
        const bars = charts.first().locator('li');
        const count = await bars.count();
        expect(count).toBeGreaterThan(2);
        await bars.first().focus();
        const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
        const first = await label();
        expect(first).toMatch(/^.+: [\d.,  ]+ \S.* \([\d.,]+ %\)$/);
        await page.keyboard.press('ArrowDown');
        expect(await bars.nth(1).evaluate((node) => node === document.activeElement)).toBe(true);
        expect(await label()).not.toBe(first);
        await page.keyboard.press('End');
        expect(await bars.nth(count - 1).evaluate((node) => node === document.activeElement)).toBe(true);
        await page.keyboard.press('ArrowUp');
        expect(await bars.nth(count - 2).evaluate((node) => node === document.activeElement)).toBe(true);
        // The chart's tab stop stays on the bar last visited.
        expect(await bars.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('tabindex')))).toEqual(
          Array.from({ length: count }, (_, index) => (index === count - 2 ? '0' : '-1')),
        );
        await page.keyboard.press('Home');
        expect(await bars.first().evaluate((node) => node === document.activeElement)).toBe(true);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
