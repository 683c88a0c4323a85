import { describe, expect, it } from 'vitest';
import {
  browserAvailable,
  chooseLanguage,
  LOCALES,
  type Reader,
  type Site,
  seedSite,
  settled,
  signInAs,
  siteRoutes,
  usePlatform,
} from '../src/index.ts';

describe.runIf(browserAvailable())('page titles', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
    },
    timeout: 15_000,
  });

  for (const locale of LOCALES) {
    it(`every route has a title of its own, "What – Proximitat", in ${locale}`, async () => {
      const titles = new Map<string, string>();
      const problems: string[] = [];
      const pages = new Map<Reader, Awaited<ReturnType<typeof platform.newPage>>>();
      for (const route of siteRoutes(site)) {
        let page = pages.get(route.reader);
        if (!page) {
          page = await platform.newPage({ locale, timeout: 15_000 });
          if (route.reader !== 'visitor') await signInAs(page, site.accounts[route.reader]);
          pages.set(route.reader, page);
        }
        await page.goto(route.path);
        await settled(page).catch(() => undefined);
        await page
          .waitForFunction(() => / – Proximitat$/.test(document.title), null, { timeout: 5000 })
          .catch(() => undefined);
        const title = await page.title();
        if (!/^\S.* – Proximitat$/.test(title)) problems.push(`${route.path}: «${title}»`);
        const pathname = route.path.split('?')[0] ?? route.path;
        const known = titles.get(title);
        if (known && known !== pathname) problems.push(`${route.path} and ${known} share «${title}»`);
        titles.set(title, pathname);
      }
      for (const page of pages.values()) await page.context().close();
      expect(problems).toEqual([]);
    }, 240_000);
  }

  it('names the page in the interface language, and a page about one thing by its name', async () => {
    const page = await platform.newPage();
    await page.goto('/districtes');
    await settled(page);
    expect(await page.title()).toBe('Districtes de Barcelona – Proximitat');
    await chooseLanguage(page, 'EN');
    await expect.poll(() => page.title()).toBe('Districts of Barcelona – Proximitat');
    await chooseLanguage(page, 'ES');
    await expect.poll(() => page.title()).toBe('Distritos de Barcelona – Proximitat');
    await page.goto('/');
    await expect.poll(() => page.title()).toBe('Inicio – Proximitat');
    // A search names what was searched; without a text it is the search page.
    await page.goto('/cerca?q=neteja');
    await expect.poll(() => page.title()).toBe('«neteja»: búsqueda de empresas de la ESS – Proximitat');
    await page.goto('/cerca');
    await expect.poll(() => page.title()).toBe('Buscar empresas de la ESS – Proximitat');

    await signInAs(page, site.accounts.editor);
    await page.goto(`/tauler/asg/${site.company.slug}`);
    await settled(page);
    await expect.poll(() => page.title()).toBe(`Autoevaluación ASG: ${site.company.name} – Proximitat`);
    await page.context().close();
  });
});
