import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  LOCALES,
  type Locale,
  type Site,
  seedSite,
  settled,
  setWidth,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

/** What the moderation queue's table says, per language: row headers and the yes of a check box. */
const LABELS = {
  CA: { legalForm: 'Forma jurídica', neighbourhood: 'Barri', insertion: "Empresa d'inserció", yes: 'Sí' },
  ES: { legalForm: 'Forma jurídica', neighbourhood: 'Barrio', insertion: 'Empresa de inserción', yes: 'Sí' },
  EN: {
    legalForm: 'Legal form',
    neighbourhood: 'Neighbourhood',
    insertion: 'Work-integration enterprise',
    yes: 'Yes',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const TAGS = { CA: 'ca', ES: 'es', EN: 'en' } as const;

describe.runIf(browserAvailable())('staff moderation reads labels, not codes', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
    },
    timeout: 15_000,
  });

  for (const locale of LOCALES) {
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      it(`shows field names, legal form and neighbourhood names, yes/no and dates in ${locale} at ${width} px`, async () => {
        const { api } = platform;
        const token = await apiToken(api, site.accounts.staff);
        const { legalForms } = await apiCall<{ legalForms: { code: string; name: string }[] }>(
          api,
          token,
          `{ legalForms { code name(locale: ${locale}) } }`,
        );
        const legalFormName = legalForms.find((form) => form.code === site.proposed.legalForm)?.name ?? '';

        const page = await platform.newPage({ locale });
        await setWidth(page, width);
        await signInAs(page, site.accounts.staff);
        await page.goto('/moderacio');
        await settled(page);
        const panel = page.getByRole('article').filter({ hasText: site.proposed.name });
        const row = (header: string) =>
          panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
        await row(LABELS[locale].legalForm).waitFor();
        expect(await row(LABELS[locale].legalForm).getByRole('cell').last().textContent()).toBe(
          legalFormName,
        );
        expect(await row(LABELS[locale].neighbourhood).getByRole('cell').last().textContent()).toBe(
          site.proposed.neighbourhood,
        );
        expect(await row(LABELS[locale].insertion).getByRole('cell').last().textContent()).toBe(
          LABELS[locale].yes,
        );

        const text = (await panel.textContent()) ?? '';
        for (const raw of [
          'legalFormCode',
          'neighbourhoodCode',
          'insertionCompany',
          site.proposed.legalForm,
          'true',
        ]) {
          expect(text).not.toContain(raw);
        }
        // The date as the interface language writes it (the month's name), whatever the browser's language.
        const month = new Intl.DateTimeFormat(TAGS[locale], { month: 'long' }).format(new Date());
        expect(await panel.locator('time').textContent()).toContain(month);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
