import { createAccount, importSeedPlan } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  expectErrorAt,
  LOCALES,
  type Locale,
  signInAs,
  type Texts,
  usePlatform,
} from '../src/index.ts';

/**
 * What the staff's measure status editor says, in each interface language (its error's message is
 * CHECKED.TOO_LONG_2000), written out so that a changed or missing translation fails this test.
 */
const TEXT = {
  change: { CA: "Canvia l'estat", ES: 'Cambia el estado', EN: 'Change the status' },
  saved: { CA: 'Estat desat', ES: 'Estado guardado', EN: 'Status saved' },
} as const satisfies Record<string, Texts>;

const STAFF = { email: 'tecnica-errors@barcelonactiva.example', password: 'una contrasenya llarga' };

describe.runIf(browserAvailable())('the plan forms’ errors in three languages, in Chromium', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await importSeedPlan(api);
      await createAccount(api, { ...STAFF, role: 'STAFF' });
    },
  });

  async function staffPage(locale: Locale): Promise<Page> {
    const page = await platform.newPage({ locale, timeout: 20_000 });
    await signInAs(page, STAFF);
    await page.goto('/pla');
    return page;
  }

  for (const locale of LOCALES) {
    it(`a status comment too long is refused at the comment, in ${locale}`, async () => {
      const { api } = platform;
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

      await expectErrorAt(comment, CHECKED.TOO_LONG_2000[locale]);
      // Focus goes to the field refused, not to the page's body.
      await expect.poll(() => comment.evaluate((input) => input === document.activeElement)).toBe(true);
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
      expect(await editor.getByText(CHECKED.TOO_LONG_2000[locale]).count()).toBe(0);
      expect(await comment.getAttribute('aria-describedby')).toBeNull();
      await api.db.measureStatusChange.deleteMany();
      await api.db.measure.updateMany({ where: { code: '2.6.B' }, data: { status: 'PLANNED' } });
      await page.context().close();
    });
  }
});
