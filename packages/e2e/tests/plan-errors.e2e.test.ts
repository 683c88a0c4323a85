import { createAccount, importSeedPlan, startTestApi, type TestApi } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, type TestBrowser } from '../src/index.ts';

type Locale = 'CA' | 'ES' | 'EN';

/**
 * What the staff's measure status editor says, in each interface language: the messages of the
 * error reasons (packages/errors) and the interface's texts, written out so that a changed or
 * missing translation fails this test.
 */
const TEXT = {
  TOO_LONG_2000: {
    CA: 'Ha de tenir com a màxim 2.000 caràcters.',
    ES: 'Debe tener como máximo 2000 caracteres.',
    EN: 'It must be at most 2,000 characters long.',
  },
  change: { CA: "Canvia l'estat", ES: 'Cambia el estado', EN: 'Change the status' },
  saved: { CA: 'Estat desat', ES: 'Estado guardado', EN: 'Status saved' },
  signOut: { CA: 'Tanca la sessió', ES: 'Cierra la sesión', EN: 'Sign out' },
} as const satisfies Record<string, Record<Locale, string>>;

const STAFF = { email: 'tecnica-errors@barcelonactiva.example', password: 'una contrasenya llarga' };

describe.runIf(browserAvailable())('the plan forms’ errors in three languages, in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;

  beforeAll(async () => {
    api = await startTestApi();
    await importSeedPlan(api);
    await createAccount(api, { ...STAFF, role: 'STAFF' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function staffPage(locale: Locale): Promise<Page> {
    const context = await browser.browser.newContext();
    await context.addInitScript((chosen) => localStorage.setItem('proximitat.locale', chosen), locale);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${api.url}/entrar`);
    await page.locator('#sign-in-email').fill(STAFF.email);
    await page.locator('#sign-in-password').fill(STAFF.password);
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('button', { name: TEXT.signOut[locale] }).waitFor();
    await page.goto(`${api.url}/pla`);
    return page;
  }

  for (const locale of ['CA', 'ES', 'EN'] as const) {
    it(`a status comment too long is refused at the comment, in ${locale}`, async () => {
      const page = await staffPage(locale);
      const editor = page.getByRole('form', { name: `${TEXT.change[locale]} 2.6.B` });
      await editor.waitFor();
      const comment = editor.locator('input[name="comment"]');
      // The browser keeps typed text within the limit…
      await comment.fill('x'.repeat(2001));
      expect((await comment.inputValue()).length).toBe(2000);
      // …so the API's own check is reached with a value set as a script (or another client) would.
      await comment.evaluate((input, value) => {
        (input as HTMLInputElement).value = value;
      }, 'y'.repeat(2001));
      await editor.locator('select[name="status"]').selectOption('IN_PROGRESS');
      await editor.getByRole('button').click();

      const message = editor.getByText(TEXT.TOO_LONG_2000[locale], { exact: true });
      await message.waitFor();
      const id = await message.getAttribute('id');
      expect(id).toBeTruthy();
      expect((await comment.getAttribute('aria-describedby'))?.split(' ')).toContain(id);
      expect(await comment.getAttribute('aria-invalid')).toBe('true');
      // The status is not at fault, and nothing was saved.
      expect(await editor.locator('select[name="status"]').getAttribute('aria-invalid')).toBeNull();
      expect(await editor.getByRole('status').textContent()).toBe('');
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
      const measure = await api.db.measure.findFirstOrThrow({
        where: { code: '2.6.B' },
        include: { history: true },
      });
      expect(measure).toMatchObject({ status: 'PLANNED', history: [] });

      // Within the limit, it saves and the message goes.
      await comment.fill('Contractes reservats en curs');
      await editor.getByRole('button').click();
      await editor.getByRole('status').getByText(TEXT.saved[locale], { exact: true }).waitFor();
      expect(await editor.getByText(TEXT.TOO_LONG_2000[locale]).count()).toBe(0);
      expect(await comment.getAttribute('aria-describedby')).toBeNull();
      await api.db.measureStatusChange.deleteMany();
      await api.db.measure.updateMany({ where: { code: '2.6.B' }, data: { status: 'PLANNED' } });
      await page.context().close();
    });
  }
});
