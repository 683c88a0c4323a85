import { createAccount } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, usePlatform } from '../src/index.ts';

describe.runIf(browserAvailable())(
  'signing up with an address that already has an account, in Chromium',
  () => {
    const platform = usePlatform({
      seed: async (api) => {
        await createAccount(api, {
          email: 'ja-hi-soc@cooperativa.example',
          password: 'la meva contrasenya de sempre',
        });
      },
    });

    it('says to check the mail, signs nobody in, and mails the owner instead', async () => {
      const { api, page } = platform;
      await page.goto(`${api.url}/registre`);
      await page.getByLabel('Adreça electrònica').fill('ja-hi-soc@cooperativa.example');
      await page.getByLabel('Contrasenya').fill('una contrasenya diferent');
      await page.getByRole('button', { name: 'Crea el compte' }).click();
      await page
        .getByRole('status')
        .getByText("Mira el correu: t'hem enviat un missatge", { exact: false })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await page.getByRole('link', { name: 'Inicia la sessió' }).count()).toBeGreaterThan(0);
      expect(await api.db.account.count()).toBe(1);
      const mail = await api.db.mailOutbox.findFirstOrThrow({
        where: { to: 'ja-hi-soc@cooperativa.example' },
      });
      expect(mail.subject).toBe('Algú ha intentat crear un compte amb la teva adreça a Proximitat');
      expect(
        (await api.graphql('{ me { id } }', {}, { headers: { cookie: await cookies(page) } })).data,
      ).toEqual({
        me: null,
      });
    });
  },
);

async function cookies(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
