import { createAccount } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  openMenu,
  type Site,
  seedSite,
  settled,
  setWidth,
  signInAs,
  UI,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const USER = { email: 'veina@barri.example', password: 'una contrasenya de veïna' };

describe.runIf(browserAvailable())('pages a reader may not see', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
      await createAccount(api, USER);
    },
    timeout: 15_000,
  });

  for (const locale of LOCALES) {
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      it(`asks a visitor to sign in, then returns to the page, in ${locale} at ${width} px`, async () => {
        const page = await platform.newPage({ locale });
        await setWidth(page, width);
        await page.goto('/moderacio');
        await settled(page);
        const alert = page.getByRole('alert').filter({ hasText: UI.signInRequired[locale] });
        await alert.waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await alert.getByRole('link', { name: UI.signIn[locale] }).click();
        await page.waitForURL('**/entrar?torna=%2Fmoderacio');
        await page.locator('#sign-in-email').fill(site.accounts.staff.email);
        await page.locator('#sign-in-password').fill(site.accounts.staff.password);
        await page.locator('main form button[type="submit"]').click();
        await page.waitForURL((url) => url.pathname === '/moderacio');
        await page.getByRole('article').filter({ hasText: site.proposed.name }).waitFor();
        expect(await page.getByText(UI.signInRequired[locale]).count()).toBe(0);
        await page.context().close();
      });
    }

    it(`says an account is not allowed, in ${locale}`, async () => {
      const page = await platform.newPage({ locale });
      await signInAs(page, USER);
      for (const path of ['/moderacio', '/moderacio/asg']) {
        await page.goto(path);
        await page.getByRole('alert').filter({ hasText: UI.forbidden[locale] }).waitFor();
        expect(await page.getByText(UI.signInRequired[locale]).count()).toBe(0);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      await page.context().close();
    });
  }

  it("the header's sign-in link returns to the page it was followed from", async () => {
    const page = await platform.newPage();
    await setWidth(page, WIDTHS.phone);
    await page.goto('/estadistiques?x=1');
    await settled(page);
    await openMenu(page);
    await page.getByRole('link', { name: UI.signIn.CA, exact: true }).click();
    await page.waitForURL('**/entrar?torna=%2Festadistiques%3Fx%3D1');
    await page.locator('#sign-in-email').fill(USER.email);
    await page.locator('#sign-in-password').fill(USER.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/estadistiques' && url.search === '?x=1');
    await page.context().close();
  });

  it('never returns to another site after signing in', async () => {
    for (const target of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      const page = await platform.newPage();
      await page.goto(`/entrar?torna=${encodeURIComponent(target)}`);
      await settled(page);
      await page.locator('#sign-in-email').fill(USER.email);
      await page.locator('#sign-in-password').fill(USER.password);
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/tauler');
      expect(new URL(page.url()).host).toBe(new URL(platform.api.url).host);
      await page.context().close();
    }
  });
});
