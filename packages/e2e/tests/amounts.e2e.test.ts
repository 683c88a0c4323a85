import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addSampleCompanies, createAccount, indexCompanies } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  expectErrorAt,
  LOCALES,
  type Locale,
  reasonTexts,
  settled,
  setWidth,
  sidewaysOverflow,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const OFFICER = { email: 'imports@ajuntament.example', password: 'una contrasenya per als imports' };

/** Where screenshots go when asked for (SCREENSHOTS_DIR), to be looked at; none otherwise. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR;

/** The labels and texts of the forms, as each language writes them. */
const UI = {
  CA: {
    title: 'Títol',
    budget: 'Pressupost estimat sense IVA (EUR)',
    find: 'Cerca proveïdors',
    contract: 'Objecte del contracte',
    reference: "Número d'expedient",
    supplier: 'Empresa adjudicatària',
    taxId: "NIF de l'adjudicatària",
    amount: 'Import adjudicat sense IVA (EUR)',
    cpv: 'Codi CPV principal',
    date: "Data d'adjudicació",
    record: "Registra l'adjudicació",
    recorded: /^Adjudicació registrada/,
    example: 'Per exemple: 12.345,67',
    datePattern: 'Format: dd/mm/aaaa',
    numberExample: '12.345,67',
    dateExample: '31/12/2026',
    year: 'Any',
    total: 'Import adjudicat',
  },
  ES: {
    title: 'Título',
    budget: 'Presupuesto estimado sin IVA (EUR)',
    find: 'Buscar proveedores',
    contract: 'Objeto del contrato',
    reference: 'Número de expediente',
    supplier: 'Empresa adjudicataria',
    taxId: 'NIF de la adjudicataria',
    amount: 'Importe adjudicado sin IVA (EUR)',
    cpv: 'Código CPV principal',
    date: 'Fecha de adjudicación',
    record: 'Registrar la adjudicación',
    recorded: /^Adjudicación registrada/,
    example: 'Por ejemplo: 12.345,67',
    datePattern: 'Formato: dd/mm/aaaa',
    numberExample: '12.345,67',
    dateExample: '31/12/2026',
    year: 'Año',
    total: 'Importe adjudicado',
  },
  EN: {
    title: 'Title',
    budget: 'Estimated budget without VAT (EUR)',
    find: 'Find suppliers',
    contract: 'Contract',
    reference: 'Tender reference',
    supplier: 'Supplier',
    taxId: "Supplier's tax ID",
    amount: 'Amount awarded without VAT (EUR)',
    cpv: 'Main CPV code',
    date: 'Award date',
    record: 'Record the award',
    recorded: /^Award recorded/,
    example: 'For example: 12,345.67',
    datePattern: 'Format: mm/dd/yyyy',
    numberExample: '12,345.67',
    dateExample: '12/31/2026',
    year: 'Year',
    total: 'Amount awarded',
  },
} as const;

/** The same amounts and date, typed as each language writes them. */
const TYPED = {
  CA: { budget: '120.000,50', award: '50.000', cents: '176.450,50', date: '4/3/2026', ambiguous: '50,000' },
  ES: { budget: '120.000,50', award: '50.000', cents: '176.450,50', date: '04/03/2026', ambiguous: '50,000' },
  EN: { budget: '120,000.50', award: '50,000', cents: '176,450.50', date: '3/4/2026', ambiguous: '50.000' },
} as const;

/** 176,450.50 € as each language shows it: with its cents, never rounded to 176,451. */
const SHOWN_CENTS = { CA: '176.450,50 €', ES: '176.450,50 €', EN: '€176,450.50' } as const;

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  // Wide tables may scroll inside their own region (TableScroll); the page itself never does.
  const overflow = await sidewaysOverflow(page);
  expect(overflow.scrollWidth, overflow.widest.join('; ')).toBeLessThanOrEqual(width);
}

describe.runIf(browserAvailable())(
  'amounts and dates typed as each language writes them, in Chromium',
  () => {
    const platform = usePlatform({
      seed: async (api) => {
        await addSampleCompanies(api, 20, 'amounts-e2e');
        await indexCompanies(api);
        await createAccount(api, { ...OFFICER, role: 'PROCUREMENT_OFFICER' });
      },
      timeout: 10_000,
    });

    const tenderBudget = async (id: string) => {
      const token = await apiToken(platform.api, OFFICER);
      return (
        await apiCall<{ tender: { budget: number | null } | null }>(
          platform.api,
          token,
          'query ($id: ID!) { tender(id: $id) { budget } }',
          { id },
        )
      ).tender?.budget;
    };
    const awardsOf = async (reference: string) => {
      const token = await apiToken(platform.api, OFFICER);
      const data = await apiCall<{
        contractAwards: { edges: { node: { reference: string; amount: number; awardedOn: string } }[] };
      }>(
        platform.api,
        token,
        '{ contractAwards(first: 100) { edges { node { reference amount awardedOn } } } }',
      );
      return data.contractAwards.edges
        .map((edge) => edge.node)
        .filter((node) => node.reference === reference);
    };

    for (const locale of LOCALES) {
      it(`stores a tender budget typed in ${locale} as that number, and refuses an ambiguous one (320 and 1280 px)`, async () => {
        const { api } = platform;
        const text = UI[locale];
        const page = await platform.newPage({ locale, timeout: 10_000 });
        try {
          await signInAs(page, OFFICER);
          for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
            await setWidth(page, width);
            await page.goto('/licitacions');
            await settled(page);
            const before = await api.db.tender.count();

            // Ambiguous: three decimals in a field of cents is the other convention's thousands.
            await page.getByLabel(text.title, { exact: true }).fill(`Pressupost ambigu ${locale} ${width}`);
            const budget = page.getByLabel(text.budget, { exact: true });
            await budget.fill(TYPED[locale].ambiguous);
            await page.getByRole('button', { name: text.find }).click();
            await expectErrorAt(
              budget,
              reasonTexts('NUMBER_FORMAT', { example: text.numberExample })[locale],
              {
                hint: text.example,
              },
            );
            // Focus goes to the field refused, not to the page's body.
            expect(await budget.evaluate((element) => element === document.activeElement)).toBe(true);
            expect(await api.db.tender.count()).toBe(before);
            expect(await accessibilityViolations(page)).toEqual([]);
            await expectNoSidewaysScroll(page, width);
            await screenshot(page, `tender-form-error-${locale.toLowerCase()}-${width}`);

            // As the language writes it: stored as 120000.5, in the database and through the API.
            await budget.fill(TYPED[locale].budget);
            await page.getByRole('button', { name: text.find }).click();
            await page.waitForURL(/\/licitacions\/[0-9a-f-]{36}$/);
            const id = page.url().split('/').pop() as string;
            expect(await tenderBudget(id)).toBe(120000.5);
            expect((await api.db.tender.findUniqueOrThrow({ where: { id } })).budget?.toString()).toBe(
              '120000.5',
            );
            await settled(page);
            await page.getByText(text.budget).first().waitFor();
            expect((await page.locator('main').textContent())?.replace(/\u00a0/g, ' ')).toContain(
              { CA: '120.000,50 €', ES: '120.000,50 €', EN: '€120,000.50' }[locale],
            );
            expect(await accessibilityViolations(page)).toEqual([]);
            await expectNoSidewaysScroll(page, width);
            await screenshot(page, `tender-${locale.toLowerCase()}-${width}`);
          }
        } finally {
          await page.context().close();
        }
      });

      it(`stores an award amount and date typed in ${locale}, and shows amounts with their cents (320 and 1280 px)`, async () => {
        const { api } = platform;
        const text = UI[locale];
        const typed = TYPED[locale];
        const supplier = await api.db.company.findFirstOrThrow({
          where: { status: 'PUBLISHED' },
          orderBy: { name: 'asc' },
        });
        const page = await platform.newPage({ locale, timeout: 10_000 });
        try {
          await signInAs(page, OFFICER);
          for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
            await setWidth(page, width);
            await page.goto('/contractacio');
            await settled(page);
            const reference = `2026/${locale}-${width}`;
            await page.getByLabel(text.contract, { exact: true }).fill(`Neteja ${locale} ${width}`);
            await page.getByLabel(text.reference, { exact: true }).fill(reference);
            await page.getByLabel(text.supplier, { exact: true }).fill(supplier.name);
            await page.getByLabel(text.taxId, { exact: true }).fill(supplier.taxId);
            await page.getByLabel(text.cpv, { exact: true }).fill('90910000-9');
            const amount = page.getByLabel(text.amount, { exact: true });
            const date = page.getByLabel(text.date, { exact: true });

            // The ambiguous amount and a date written the other way round are refused, each at its field.
            await amount.fill(typed.ambiguous);
            await date.fill(locale === 'EN' ? '31/12/2026' : '12/31/2026');
            await page.getByRole('button', { name: text.record }).click();
            await expectErrorAt(
              amount,
              reasonTexts('NUMBER_FORMAT', { example: text.numberExample })[locale],
              {
                hint: text.example,
              },
            );
            await expectErrorAt(date, reasonTexts('INVALID_DATE')[locale], { hint: text.datePattern });
            expect(await amount.evaluate((element) => element === document.activeElement)).toBe(true);
            await date.fill('4/3/26');
            await page.getByRole('button', { name: text.record }).click();
            await expectErrorAt(date, reasonTexts('DATE_FORMAT', { example: text.dateExample })[locale], {
              hint: text.datePattern,
            });
            expect(await awardsOf(reference)).toEqual([]);
            expect(await accessibilityViolations(page)).toEqual([]);
            await expectNoSidewaysScroll(page, width);
            await screenshot(page, `award-form-error-${locale.toLowerCase()}-${width}`);

            // As the language writes them: 50000 euros on 4 March 2026.
            await amount.fill(typed.award);
            await date.fill(typed.date);
            await page.getByRole('button', { name: text.record }).click();
            await page.getByText(text.recorded).waitFor();
            expect(await awardsOf(reference)).toEqual([
              { reference, amount: 50000, awardedOn: '2026-03-04' },
            ]);
          }

          // An amount with cents, in a year of its own: the indicators show it exactly.
          const reference = `2025/${locale}-cents`;
          await page.getByLabel(text.contract, { exact: true }).fill(`Manteniment ${locale}`);
          await page.getByLabel(text.reference, { exact: true }).fill(reference);
          await page.getByLabel(text.supplier, { exact: true }).fill(supplier.name);
          await page.getByLabel(text.taxId, { exact: true }).fill(supplier.taxId);
          await page.getByLabel(text.cpv, { exact: true }).fill('90910000-9');
          await page.getByLabel(text.amount, { exact: true }).fill(typed.cents);
          await page.getByLabel(text.date, { exact: true }).fill(locale === 'EN' ? '6/15/2025' : '15/6/2025');
          await page.getByRole('button', { name: text.record }).click();
          await page.getByText(text.recorded).waitFor();
          expect(await awardsOf(reference)).toEqual([
            { reference, amount: 176450.5, awardedOn: '2025-06-15' },
          ]);
          const yearOf = await api.db.contractAward.aggregate({
            where: { awardedOn: { gte: new Date('2025-01-01'), lt: new Date('2026-01-01') } },
            _sum: { amount: true },
          });
          // Each language's test adds one such award to 2025: the page shows that year's total exactly.
          const total = Number(yearOf._sum.amount);
          await page.getByLabel(text.year, { exact: true }).selectOption('2025');
          const shown = new Intl.NumberFormat(locale.toLowerCase(), {
            style: 'currency',
            currency: 'EUR',
            minimumFractionDigits: Number.isInteger(total) ? 0 : 2,
          }).format(total);
          await expect.poll(() => page.locator('.stats-summary').textContent()).toContain(shown);
          if (total === 176450.5) expect(shown.replace(/\u00a0/g, ' ')).toBe(SHOWN_CENTS[locale]);
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, `procurement-${locale.toLowerCase()}-${WIDTHS.desktop}`);
          await setWidth(page, WIDTHS.phone);
          await expectNoSidewaysScroll(page, WIDTHS.phone);
          await screenshot(page, `procurement-${locale.toLowerCase()}-${WIDTHS.phone}`);
        } finally {
          await page.context().close();
        }
      });
    }
  },
);
