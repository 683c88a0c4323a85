import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  LOCALES,
  type Site,
  seedSite,
  settled,
  setWidth,
  signInAs,
  UI,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const SIGN_IN = {
  CA: "Inicia la sessió per respondre l'autoavaluació ASG de l'empresa.",
  ES: 'Inicia sesión para responder la autoevaluación ASG de la empresa.',
  EN: "Sign in to answer the company's ESG self-assessment.",
} as const;

describe.runIf(browserAvailable())('the ESG questionnaire', () => {
  let site: Site;
  const platform = usePlatform({
    seed: async (api) => {
      site = await seedSite(api);
    },
    timeout: 15_000,
  });

  for (const locale of LOCALES) {
    it(`asks a visitor to sign in, in ${locale}`, async () => {
      const page = await platform.newPage({ locale });
      await setWidth(page, WIDTHS.phone);
      await page.goto(`/tauler/asg/${site.company.slug}`);
      await settled(page);
      const alert = page.getByRole('alert').filter({ hasText: SIGN_IN[locale] });
      await alert.waitFor();
      expect(await page.locator('form.esg-form').count()).toBe(0);
      expect(await alert.getByRole('link', { name: UI.signIn[locale] }).getAttribute('href')).toBe(
        `/entrar?torna=${encodeURIComponent(`/tauler/asg/${site.company.slug}`)}`,
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`reopens with the answers submitted, at ${width} px`, async () => {
      const page = await platform.newPage();
      await setWidth(page, width);
      await signInAs(page, site.accounts.editor);
      await page.goto(`/tauler/asg/${site.company.slug}`);
      await settled(page);
      const criteria = page.locator('fieldset.esg-criterion');
      await criteria.first().waitFor();
      const count = await criteria.count();
      // What was submitted last (seedSite: level 3 everywhere, an evidence link each; earlier tests change one).
      const token = await apiToken(platform.api, site.accounts.editor);
      const { company } = await apiCall<{
        company: { latestEsgAssessment: { answers: { level: number; evidenceUrl: string | null }[] } };
      }>(
        platform.api,
        token,
        `{ company(slug: "${site.company.slug}") { latestEsgAssessment { answers { level evidenceUrl } } } }`,
      );
      const answers = company.latestEsgAssessment.answers;
      expect(answers.length).toBe(count);
      for (let i = 0; i < count; i += 1) {
        const answer = answers[i];
        expect(
          await criteria.nth(i).locator(`input[type="radio"][value="${answer?.level}"]`).isChecked(),
        ).toBe(true);
        expect(await criteria.nth(i).locator('input[type="url"]').inputValue()).toBe(
          answer?.evidenceUrl ?? '',
        );
      }
      // Change one answer and submit: reopened, the page shows the new answer.
      const level = answers[0]?.level === 4 ? 2 : 4;
      await criteria.first().locator(`input[type="radio"][value="${level}"]`).check();
      await criteria.first().locator('textarea').fill(`Revisat a ${width} px`);
      await page.locator('form.esg-form button[type="submit"]').click();
      await page.getByText(/^Autoavaluació enviada per verificar/).waitFor();
      await page.reload();
      await settled(page);
      await criteria.first().waitFor();
      expect(await criteria.first().locator(`input[type="radio"][value="${level}"]`).isChecked()).toBe(true);
      expect(await criteria.first().locator('textarea').inputValue()).toBe(`Revisat a ${width} px`);
      expect(
        await criteria.nth(1).locator(`input[type="radio"][value="${answers[1]?.level}"]`).isChecked(),
      ).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('says an account that does not edit the company may not answer', async () => {
    const page = await platform.newPage({ locale: 'EN' });
    await signInAs(page, site.accounts.officer);
    await page.goto(`/tauler/asg/${site.company.slug}`);
    await page
      .getByRole('alert')
      .filter({ hasText: "Only the company's editors can answer its ESG self-assessment." })
      .waitFor();
    expect(await page.locator('form.esg-form').count()).toBe(0);
    await page.context().close();
  });
});
