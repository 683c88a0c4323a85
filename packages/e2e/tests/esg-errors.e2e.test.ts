import { addEsgCriteria, addSampleCompanies, createAccount } from '@proximitat/api/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  describedBy,
  expectErrorAt,
  LOCALES,
  type Locale,
  pageLocale,
  signInAs,
  type Texts,
  usePlatform,
} from '../src/index.ts';

/**
 * What the ESG questionnaire says, in each interface language: the messages of the ESG reasons
 * (packages/errors/src/reasons/esg.ts; the common ones in CHECKED) and the interface's own texts,
 * written out here so that a changed or missing translation fails this test. A message about a
 * criterion names it by its question, in the interface language.
 */
const TEXT = {
  ESG_EDITORS_ONLY: {
    CA: "Només les persones editores de l'empresa en poden enviar l'autoavaluació ASG.",
    ES: 'Solo las personas editoras de la empresa pueden enviar su autoevaluación ASG.',
    EN: "Only the company's editors can submit its ESG self-assessment.",
  },
  editorsOnlyPage: {
    CA: "Només les persones editores de l'empresa poden respondre'n l'autoavaluació ASG.",
    ES: 'Solo las personas editoras de la empresa pueden responder su autoevaluación ASG.',
    EN: "Only the company's editors can answer its ESG self-assessment.",
  },
  fix: {
    CA: 'Revisa les respostes marcades.',
    ES: 'Revisa las respuestas marcadas.',
    EN: 'Please check the marked answers.',
  },
} as const satisfies Record<string, Texts>;

const ABOUT_CRITERION = {
  ESG_CRITERION_UNANSWERED: {
    CA: (q: string) => `Respon el criteri «${q}».`,
    ES: (q: string) => `Responde al criterio «${q}».`,
    EN: (q: string) => `Answer the criterion “${q}”.`,
  },
  ESG_EVIDENCE_REQUIRED: {
    CA: (q: string) => `El criteri «${q}» necessita un enllaç a l'evidència.`,
    ES: (q: string) => `El criterio «${q}» necesita un enlace a la evidencia.`,
    EN: (q: string) => `The criterion “${q}” needs a link to its evidence.`,
  },
  ESG_CRITERION_UNKNOWN: {
    CA: (q: string) =>
      `«${q}» ja no és cap criteri de l'homologació ASG vigent: torna a carregar el qüestionari.`,
    ES: (q: string) =>
      `«${q}» ya no es ningún criterio de la homologación ASG vigente: vuelve a cargar el cuestionario.`,
    EN: (q: string) =>
      `“${q}” is not a criterion of the ESG homologation in force: reload the questionnaire.`,
  },
} as const satisfies Record<string, Record<Locale, (question: string) => string>>;

const EDITOR = { email: 'editora-asg@coop.example', password: 'una contrasenya d’editora' };
const OUTSIDER = { email: 'algu-altre@coop.example', password: 'una contrasenya de fora' };

describe.runIf(browserAvailable())('the ESG questionnaire’s errors in three languages, in Chromium', () => {
  let slug: string;
  /** The criteria in the order the questionnaire shows them, with their questions. */
  let criteria: { code: string; evidenceRequired: boolean; question: Record<Locale, string> }[];

  const platform = usePlatform({
    seed: async (api) => {
      await addEsgCriteria(api);
      await addSampleCompanies(api, 1, 'esg-errors-e2e');
      const company = await api.db.company.findFirstOrThrow();
      slug = company.slug;
      const editor = await createAccount(api, EDITOR);
      await api.db.companyMembership.create({ data: { companyId: company.id, accountId: editor.id } });
      await createAccount(api, OUTSIDER);
      criteria = (
        await api.db.esgCriterion.findMany({ where: { active: true }, orderBy: { position: 'asc' } })
      ).map((criterion) => ({
        code: criterion.code,
        evidenceRequired: criterion.evidenceRequired,
        question: { CA: criterion.questionCa, ES: criterion.questionEs, EN: criterion.questionEn },
      }));
    },
  });

  /** A browser whose interface language is `locale` (as chosen in the language menu, which keeps it). */
  async function signedInPage(locale: Locale, account: typeof EDITOR): Promise<[BrowserContext, Page]> {
    const page = await platform.newPage({ locale, timeout: 20_000 });
    await signInAs(page, account);
    await page.goto(`/tauler/asg/${slug}`);
    await page
      .locator('fieldset.esg-criterion')
      .nth(criteria.length - 1)
      .waitFor();
    expect(await pageLocale(page)).toBe(locale);
    return [page.context(), page];
  }

  const fieldsetOf = (page: Page, code: string) =>
    page.locator('fieldset.esg-criterion').nth(criteria.findIndex((criterion) => criterion.code === code));
  const questionOf = (code: string, locale: Locale) =>
    criteria.find((criterion) => criterion.code === code)?.question[locale] ?? code;

  /** Answers a criterion: a level and, when given, the evidence link and the comment. */
  async function answer(page: Page, code: string, level: number, evidence?: string, comment?: string) {
    const fieldset = fieldsetOf(page, code);
    await fieldset.locator(`input[type="radio"][value="${level}"]`).check();
    if (evidence !== undefined) await fieldset.locator('input[type="url"]').fill(evidence);
    if (comment !== undefined) await fieldset.locator('textarea').fill(comment);
  }

  const send = (page: Page) => page.locator('form.esg-form button[type="submit"]').click();

  for (const locale of LOCALES) {
    it(`an editor's answers refused, each at its criterion, in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale, EDITOR);
      const before = await api.db.esgAssessment.count();

      // 1. What the input says by itself: a link that is not a web address, a comment too long.
      // (SOC_INCLUSION stays unanswered: that is checked against the catalogue, after these.)
      for (const criterion of criteria) {
        if (criterion.code === 'SOC_INCLUSION') continue;
        await answer(page, criterion.code, 4, `https://coop.example/${criterion.code.toLowerCase()}.pdf`);
      }
      await answer(page, 'ENV_ENERGY_WASTE', 3, 'evidència sense enllaç');
      await answer(page, 'ENV_SUPPLIERS', 2, undefined, 'x'.repeat(2001));
      await send(page);
      await expectErrorAt(
        fieldsetOf(page, 'ENV_ENERGY_WASTE').locator('input[type="url"]'),
        CHECKED.NOT_A_URL[locale],
      );
      await expectErrorAt(
        fieldsetOf(page, 'ENV_SUPPLIERS').locator('textarea'),
        CHECKED.TOO_LONG_2000[locale],
      );
      await page.getByRole('alert').getByText(TEXT.fix[locale], { exact: true }).waitFor();
      // Nothing else is marked.
      expect(await describedBy(fieldsetOf(page, 'SOC_INCLUSION'))).toBeNull();
      expect(
        await fieldsetOf(page, 'ENV_SUPPLIERS').locator('input[type="url"]').getAttribute('aria-invalid'),
      ).toBeNull();
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      // 2. What the catalogue says: a criterion unanswered, one without the evidence it asks for,
      // and one retired since the questionnaire was loaded.
      await answer(page, 'ENV_ENERGY_WASTE', 3, 'https://coop.example/energia.pdf');
      await answer(page, 'ENV_SUPPLIERS', 2, undefined, 'Proveïdors de proximitat.');
      await answer(page, 'SOC_EQUALITY', 2, '');
      await api.db.esgCriterion.update({ where: { code: 'GOV_PAY_RATIO' }, data: { active: false } });
      try {
        await send(page);
        await expectErrorAt(
          fieldsetOf(page, 'SOC_INCLUSION'),
          ABOUT_CRITERION.ESG_CRITERION_UNANSWERED[locale](questionOf('SOC_INCLUSION', locale)),
          { invalid: false },
        );
        await expectErrorAt(
          fieldsetOf(page, 'SOC_EQUALITY').locator('input[type="url"]'),
          ABOUT_CRITERION.ESG_EVIDENCE_REQUIRED[locale](questionOf('SOC_EQUALITY', locale)),
        );
        await expectErrorAt(
          fieldsetOf(page, 'GOV_PAY_RATIO'),
          ABOUT_CRITERION.ESG_CRITERION_UNKNOWN[locale](questionOf('GOV_PAY_RATIO', locale)),
          { invalid: false },
        );
        // The errors of the first submission are gone.
        expect(await describedBy(fieldsetOf(page, 'ENV_SUPPLIERS').locator('textarea'))).toBeNull();
        expect(
          await describedBy(fieldsetOf(page, 'ENV_ENERGY_WASTE').locator('input[type="url"]')),
        ).toBeNull();
        await page.getByRole('alert').getByText(TEXT.fix[locale], { exact: true }).waitFor();
        if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await api.db.esgCriterion.update({ where: { code: 'GOV_PAY_RATIO' }, data: { active: true } });
      }
      expect(await api.db.esgAssessment.count()).toBe(before);
      await context.close();
    });

    it(`someone who does not edit the company is told so instead of the form, in ${locale}`, async () => {
      const { api } = platform;
      const page = await platform.newPage({ locale, timeout: 20_000 });
      await signInAs(page, OUTSIDER);
      await page.goto(`/tauler/asg/${slug}`);
      // Only editors may answer (the API refuses others with ESG_EDITORS_ONLY): the page says so first.
      await page.getByRole('alert').getByText(TEXT.editorsOnlyPage[locale], { exact: true }).waitFor();
      expect(await page.locator('form.esg-form').count()).toBe(0);
      expect(await api.db.esgAssessment.count()).toBe(0);
      await page.context().close();
    });
  }
});
