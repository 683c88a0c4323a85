import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  describedBy,
  LOCALES,
  type Site,
  seedSite,
  settled,
  setWidth,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const EDIT = 'Edita la fitxa i les persones editores';

describe.runIf(browserAvailable())('the dashboard profile form', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
    },
    timeout: 15_000,
  });

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`proposes only what was changed of an imported company, at ${width} px`, async () => {
      const { api } = platform;
      const before = await api.db.company.findFirstOrThrow({
        where: { slug: site.company.slug },
        select: { id: true, legalName: true, latitude: true, longitude: true, districtCode: true },
      });
      // What would be lost if the form dropped what it does not show.
      expect(before.legalName).not.toBeNull();
      expect(before.latitude).not.toBeNull();
      expect(before.districtCode).not.toBeNull();

      const page = await platform.newPage();
      await setWidth(page, width);
      await signInAs(page, site.accounts.editor);
      await page.goto('/tauler');
      await settled(page);
      await page.getByRole('button', { name: `${EDIT} ${site.company.name}` }).click();
      const form = page.locator('form.profile-form').first();
      const phone = form.getByLabel('Telèfon', { exact: true });
      await phone.waitFor();
      const newPhone = `+34 93 ${width} 45 67`;
      await phone.fill(newPhone);
      await form.getByRole('button', { name: 'Envia per revisar' }).click();
      await page.getByText('Canvis enviats per revisar.').waitFor();

      const revision = await api.db.companyRevision.findFirstOrThrow({
        where: { companyId: before.id, kind: 'UPDATE', status: 'PENDING' },
        orderBy: { submittedAt: 'desc' },
        select: { changes: true },
      });
      expect((revision.changes as { field: string }[]).map((change) => change.field)).toEqual(['phone']);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  for (const locale of LOCALES) {
    it(`starts a new profile with no legal form chosen and requires one, in ${locale}`, async () => {
      const page = await platform.newPage({ locale });
      await signInAs(page, site.accounts.editor);
      await page.goto('/tauler');
      await settled(page);
      await page.locator('main > section > button').last().click();
      const form = page.locator('form.profile-form');
      const legalForm = form.locator('select[name="legalForm"]');
      await legalForm.waitFor();
      expect(await legalForm.inputValue()).toBe('');
      expect(await legalForm.getAttribute('required')).not.toBeNull();
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => describedBy(legalForm)).toBe(CHECKED.REQUIRED[locale]);
      expect(await legalForm.getAttribute('aria-invalid')).toBe('true');
      // Focus went to the first field marked.
      const firstMarked = await form.locator('[aria-invalid="true"]').first().getAttribute('id');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(firstMarked);
      await page.context().close();
    });
  }
});
