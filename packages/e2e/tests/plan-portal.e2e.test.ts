import { createAccount, importSeedPlan } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  chooseLanguage,
  LOCALES,
  settled,
  setWidth,
  sidewaysOverflow,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SCREENSHOTS = process.env.SCREENSHOTS_DIR;
const PLAN_TITLE = { CA: 'Pla de treball 2018', ES: 'Plan de trabajo 2018', EN: 'Work plan 2018' } as const;

const STAFF = { email: 'tecnica@barcelonactiva.example', password: 'una contrasenya llarga' };

describe.runIf(browserAvailable())('the plan portal in Chromium', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await importSeedPlan(api);
      await createAccount(api, { ...STAFF, role: 'STAFF' });
    },
  });

  const progressOf = (name: string) =>
    platform.page.getByRole('progressbar', { name, exact: true }).getAttribute('aria-valuenow');

  it('shows the plan as a tree in Catalan, with progress and statuses, and no accessibility violations', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/pla`);
    await page.getByRole('heading', { level: 1, name: 'Pla de treball 2018' }).waitFor();
    expect(
      await page.getByRole('heading', { level: 2, name: 'Eix 2. Innovació socioeconòmica' }).isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByRole('heading', { level: 3, name: /^Objectiu 2\.6\. Promoure la contractació pública/ })
        .isVisible(),
    ).toBe(true);
    expect(await progressOf('Execució de Objectiu 2.6')).toBe('0');
    expect(await page.locator('.measure', { hasText: '2.6.A' }).getByText('Prevista').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens the actions of a measure with the keyboard', async () => {
    const { page } = platform;
    const summary = page.locator('.measure', { hasText: '2.6.B' }).locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByText('Aplicació de les clàusules socials.').isVisible()).toBe(true);
  });

  it('reads in English and Spanish, the plan’s own title, axes and objectives translated', async () => {
    const { page } = platform;
    await chooseLanguage(page, 'EN');
    await page.getByRole('heading', { level: 1, name: 'Work plan 2018' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Axis 2. Socio-economic innovation' }).waitFor();
    await page
      .getByRole('heading', {
        level: 3,
        name: 'Objective 2.6. Promote socially responsible public procurement from social economy companies',
      })
      .waitFor();
    expect(await page.locator('.measure', { hasText: '2.6.A' }).getByText('Planned').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await chooseLanguage(page, 'ES');
    await page.getByRole('heading', { level: 1, name: 'Plan de trabajo 2018' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Eje 2. Innovación socioeconómica' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await chooseLanguage(page, 'CA');
  });

  it('shows a district with its map, its PDE and the measures that target it', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/districtes/08`);
    await page.getByRole('heading', { level: 1, name: 'Nou Barris' }).waitFor();
    expect(await page.getByRole('group', { name: 'Mapa del districte: Nou Barris' }).isVisible()).toBe(true);
    expect(await page.getByText('1.2.B', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Punt d'Atenció a l'Activitat Econòmica de Nou Barris").isVisible()).toBe(
      true,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets a staff member change a status in place and the progress bars move', async () => {
    const { api, page } = platform;
    await signInAs(page, STAFF);
    await page.getByRole('heading', { level: 1, name: 'Pla de treball 2018' }).waitFor();
    const editor = page.getByRole('form', { name: "Canvia l'estat 2.6.A" });
    await editor.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const planBefore = Number(await progressOf('Execució de Pla de treball 2018'));

    await editor.getByLabel('Estat nou').selectOption('DONE');
    await editor.getByLabel('Comentari (opcional)').fill('Directori publicat');
    await editor.getByRole('button', { name: 'Desa' }).click();
    await editor.getByText('Estat desat').waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="progressbar"][aria-label="Execució de Objectiu 2.6"]')
          ?.getAttribute('aria-valuenow') === '25',
    );
    expect(await page.locator('.measure', { hasText: '2.6.A' }).locator('.badge').textContent()).toBe('Feta');
    expect(Number(await progressOf('Execució de Pla de treball 2018'))).toBe(Math.round((1 / 53) * 100));
    expect(planBefore).toBe(0);
    const history = await api.db.measureStatusChange.findMany({ include: { by: true } });
    expect(history).toMatchObject([
      { from: 'PLANNED', to: 'DONE', comment: 'Directori publicat', by: { role: 'STAFF' } },
    ]);
  });

  it('fits 320 and 1280 px in the three languages, as a visitor and as staff', async () => {
    for (const locale of LOCALES) {
      const page = await platform.newPage({ locale, timeout: 10_000 });
      try {
        for (const staff of [false, true]) {
          if (staff) await signInAs(page, STAFF);
          for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
            await setWidth(page, width);
            await page.goto('/pla');
            await settled(page);
            await page.getByRole('heading', { level: 1, name: PLAN_TITLE[locale] }).waitFor();
            const overflow = await sidewaysOverflow(page);
            expect(overflow.scrollWidth, overflow.widest.join('; ')).toBeLessThanOrEqual(width);
            if (SCREENSHOTS && !staff)
              await page.screenshot({ path: `${SCREENSHOTS}/plan-${locale.toLowerCase()}-${width}.png` });
          }
        }
        expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  }, 120_000);
});
