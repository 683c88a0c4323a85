import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  type Reader,
  type Site,
  seedSite,
  settled,
  setWidth,
  sidewaysOverflow,
  signInAs,
  siteRoutes,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SCREENS = '/work/notes/screens/D2';

describe.runIf(browserAvailable())('the layout at 320 and 1280 CSS px', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
    },
    timeout: 15_000,
  });

  /** A page of a fresh context in `locale`, signed in as `reader` (a visitor: not signed in). */
  const pageFor = async (reader: Reader, locale: (typeof LOCALES)[number]): Promise<Page> => {
    const page = await platform.newPage({ locale, timeout: 15_000 });
    await setWidth(page, WIDTHS.desktop);
    if (reader !== 'visitor') await signInAs(page, site.accounts[reader]);
    return page;
  };

  for (const locale of LOCALES) {
    it(`no page scrolls sideways at 320 px or at 1280 px, in ${locale}`, async () => {
      const problems: string[] = [];
      const pages = new Map<Reader, Page>();
      for (const route of siteRoutes(site)) {
        let page = pages.get(route.reader);
        if (!page) {
          page = await pageFor(route.reader, locale);
          pages.set(route.reader, page);
        }
        for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
          await setWidth(page, width);
          await page.goto(route.path);
          const heading = await settled(page).then(
            () => true,
            () => false,
          );
          if (!heading) {
            problems.push(`${route.path} (${route.reader}) at ${width} px shows no main heading`);
            continue;
          }
          const { scrollWidth, widest } = await sidewaysOverflow(page);
          if (scrollWidth > width) {
            problems.push(
              `${route.path} (${route.reader}) at ${width} px is ${scrollWidth} px wide: ${widest.join('; ')}`,
            );
          }
          if (locale === 'CA') {
            const name = `${route.reader}${route.path.replace(/[/?=]+/g, '_')}`.slice(0, 60);
            await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
          }
        }
      }
      for (const page of pages.values()) await page.context().close();
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('has no accessibility violations on any page at 320 px and at 1280 px', async () => {
    const problems: string[] = [];
    const pages = new Map<Reader, Page>();
    for (const route of siteRoutes(site)) {
      let page = pages.get(route.reader);
      if (!page) {
        page = await pageFor(route.reader, 'CA');
        pages.set(route.reader, page);
      }
      for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
        await setWidth(page, width);
        await page.goto(route.path);
        // A page without a main heading is reported by the test above; axe still checks it.
        await settled(page).catch(() => undefined);
        for (const violation of await accessibilityViolations(page)) {
          problems.push(`${route.path} (${route.reader}, ${width} px): ${violation}`);
        }
      }
    }
    for (const page of pages.values()) await page.context().close();
    expect(problems).toEqual([]);
  }, 300_000);
});
