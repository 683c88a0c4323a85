import { createAccount } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import { browserAvailable, LOCALES, settled, setWidth, usePlatform, WIDTHS } from '../src/index.ts';

const ACCOUNT = { email: 'focus@coop.example', password: 'una contrasenya per al focus' };

const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return { tag: active?.tagName ?? '', id: active?.id ?? '', text: active?.textContent?.trim() ?? '' };
  });

describe.runIf(browserAvailable())('where focus goes', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await createAccount(api, ACCOUNT);
    },
    timeout: 10_000,
  });

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`goes to the new page's main heading after following a link, at ${width} px`, async () => {
      const page = await platform.newPage();
      await setWidth(page, width);
      await page.goto('/');
      await settled(page);
      await page.getByRole('link', { name: 'Consulta els districtes de la ciutat' }).click();
      await page.waitForURL('**/districtes');
      await settled(page);
      expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'Districtes de Barcelona' });
      // Tab goes on from the top of the page's content, not from the link followed.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
      await page.context().close();
    });
  }

  for (const locale of LOCALES) {
    it(`goes to the first field marked after a form is refused, in ${locale}`, async () => {
      const page = await platform.newPage({ locale });
      await page.goto('/entrar');
      await settled(page);
      await page.locator('#sign-in-email').fill(ACCOUNT.email);
      await page.locator('#sign-in-password').fill('no és la contrasenya');
      await page.locator('main form button[type="submit"]').click();
      await expect.poll(async () => (await focused(page)).id).toBe('sign-in-password');
      expect(await page.locator('#sign-in-password').getAttribute('aria-invalid')).toBe('true');

      // Sign-up with nothing filled in: the first field marked.
      await page.goto('/registre');
      await settled(page);
      await page.locator('main form button[type="submit"]').click();
      const firstMarked = page.locator('main form [aria-invalid="true"]').first();
      await firstMarked.waitFor();
      const id = await firstMarked.getAttribute('id');
      expect(id).toBeTruthy();
      await expect.poll(async () => (await focused(page)).id).toBe(id);
      await page.context().close();
    });
  }

  it('goes to the alert above the form when the request itself fails', async () => {
    const page = await platform.newPage();
    await page.goto('/entrar');
    await settled(page);
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('SignInPage_Login') ? route.abort() : route.fallback(),
    );
    await page.locator('#sign-in-email').fill(ACCOUNT.email);
    await page.locator('#sign-in-password').fill(ACCOUNT.password);
    await page.locator('main form button[type="submit"]').click();
    await expect
      .poll(async () => (await focused(page)).text)
      .toBe("No s'han pogut carregar les dades. Torna-ho a provar d'aquí a una estona.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await page.context().close();
  });
});
