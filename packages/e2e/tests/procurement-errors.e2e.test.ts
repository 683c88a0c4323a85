import { addSampleCompanies, createAccount, indexCompanies } from '@proximitat/api/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  describedBy,
  expectErrorAt,
  expectNoErrorAt,
  LOCALES,
  type Locale,
  pageLocale,
  reasonTexts,
  signInAs,
  type Texts,
  UI,
  usePlatform,
} from '../src/index.ts';

/** The hints of the amount and date fields: how the language writes them. */
const AMOUNT_HINT = {
  CA: 'Per exemple: 12.345,67',
  ES: 'Por ejemplo: 12.345,67',
  EN: 'For example: 12,345.67',
};
const DATE_HINT = { CA: 'Format: dd/mm/aaaa', ES: 'Formato: dd/mm/aaaa', EN: 'Format: mm/dd/yyyy' };

/**
 * What the procurement forms say, in each interface language: the messages of the procurement
 * reasons written out here, so that a changed or missing translation fails this test (the shared
 * ones in CHECKED; the directory's, about CPV codes and tax IDs, are checked in
 * profile-errors.e2e.test.ts and taken from the catalogue here).
 */
const TEXT = {
  NOT_A_NUMBER: { CA: 'Ha de ser un nombre.', ES: 'Debe ser un número.', EN: 'It must be a number.' },
  AT_LEAST_0: { CA: 'Ha de ser com a mínim 0.', ES: 'Debe ser como mínimo 0.', EN: 'It must be at least 0.' },
  AT_MOST_100_BILLION: {
    CA: 'Ha de ser com a màxim 100.000.000.000.',
    ES: 'Debe ser como máximo 100.000.000.000.',
    EN: 'It must be at most 100,000,000,000.',
  },
  TOO_MANY_VALUES_20: {
    CA: 'Com a màxim 20 valors.',
    ES: 'Como máximo 20 valores.',
    EN: 'At most 20 values.',
  },
  SHARE_WITH_OWNER: {
    CA: 'Aquesta llista ja és teva: comparteix-la amb una altra adreça.',
    ES: 'Esta lista ya es tuya: compártela con otra dirección.',
    EN: 'You own this shortlist already: share it with another address.',
  },
  SHORTLIST_NOT_SHARED_WITH: {
    CA: 'La llista no està compartida amb aquesta adreça.',
    ES: 'La lista no está compartida con esta dirección.',
    EN: 'The shortlist is not shared with this address.',
  },
  NO_SUPPLIER_CHOSEN: {
    CA: 'Tria com a mínim una empresa.',
    ES: 'Elige como mínimo una empresa.',
    EN: 'Choose at least one company.',
  },
  AMOUNT_NOT_POSITIVE: {
    CA: "L'import ha de ser més gran que zero.",
    ES: 'El importe debe ser mayor que cero.',
    EN: 'The amount must be more than zero.',
  },
  AWARD_DATE_OUT_OF_RANGE: {
    CA: "Ha de ser una data des de l'any 2000 fins avui.",
    ES: 'Debe ser una fecha desde el año 2000 hasta hoy.',
    EN: 'It must be a date from 2000 to today.',
  },
} as const satisfies Record<string, Texts>;

/** Messages with parameters, as each language writes them. */
const WITH = {
  SUPPLIER_WITHOUT_EMAIL: (company: string): Texts => ({
    CA: `${company} no té adreça electrònica: no se la pot convidar.`,
    ES: `${company} no tiene dirección de correo electrónico: no se la puede invitar.`,
    EN: `${company} has no email address: it cannot be invited.`,
  }),
  SUPPLIER_ALREADY_INVITED: (company: string): Texts => ({
    CA: `${company} ja està convidada a aquesta licitació.`,
    ES: `${company} ya está invitada a esta licitación.`,
    EN: `${company} is invited to this tender already.`,
  }),
};

const CPV_MALFORMED = (value: string) => reasonTexts('CPV_MALFORMED', { value });
const CPV_CHECK_DIGIT = (value: string, expected: string) =>
  reasonTexts('CPV_CHECK_DIGIT', { value, expected });
const CPV_UNKNOWN = (value: string) => reasonTexts('CPV_UNKNOWN', { value });
const TAX_ID_MALFORMED = (value: string) => reasonTexts('TAX_ID_MALFORMED', { value });
const TAX_ID_CHECK_CHARACTER = (value: string, expected: string) =>
  reasonTexts('TAX_ID_CHECK_CHARACTER', { value, expected });
const TOO_LONG_100 = reasonTexts('TOO_LONG', { max: 100 });
const TOO_LONG_200 = reasonTexts('TOO_LONG', { max: 200 });
const TOO_LONG_300 = reasonTexts('TOO_LONG', { max: 300 });
const TOO_LONG_2000 = CHECKED.TOO_LONG_2000;
const TOO_LONG_5000 = reasonTexts('TOO_LONG', { max: 5000 });

const OFFICER = { email: 'errors-compres@ajuntament.example', password: 'una contrasenya de compres' };

describe.runIf(browserAvailable())('the procurement forms’ errors in three languages, in Chromium', () => {
  let officerId: string;
  /** Published companies with an email address and CPV codes, in name order. */
  let suppliers: { id: string; name: string; email: string; cpvCodes: string[] }[];

  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 40, 'procurement-errors-e2e');
      await indexCompanies(api);
      officerId = (await createAccount(api, { ...OFFICER, role: 'PROCUREMENT_OFFICER' })).id;
      suppliers = (
        await api.db.company.findMany({
          where: { status: 'PUBLISHED', email: { not: null }, cpvCodes: { isEmpty: false } },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, email: true, cpvCodes: true },
        })
      ).map((company) => ({ ...company, email: company.email as string }));
      expect(suppliers.length).toBeGreaterThanOrEqual(6);
    },
  });

  const supplier = (index: number) => {
    const found = suppliers[index];
    if (!found) throw new Error(`no supplier ${index}`);
    return found;
  };

  /** The officer, signed in, in a browser whose interface language is `locale`. */
  async function signedInPage(locale: Locale): Promise<[BrowserContext, Page]> {
    const page = await platform.newPage({ locale, timeout: 20_000 });
    await signInAs(page, OFFICER);
    expect(await pageLocale(page)).toBe(locale);
    return [page.context(), page];
  }

  /**
   * Submits with `button` and waits for the answer when the form sends (`sends`; a refusal found
   * before sending sends nothing), then for the page to show it.
   */
  async function submit(page: Page, button: Locator, sends = true) {
    const answered = sends
      ? page.waitForResponse(
          (response) =>
            response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('mutation'),
        )
      : null;
    await button.click();
    await answered;
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  /** The hint a control has before any error (what its aria-describedby names then). */
  async function hintOf(control: Locator): Promise<string> {
    const hint = await describedBy(control);
    if (!hint) throw new Error('the control has no hint');
    return hint;
  }

  const expectFormFix = (page: Page, locale: Locale) =>
    page.getByRole('alert').getByText(UI.formFix[locale], { exact: true }).first().waitFor();

  for (const locale of LOCALES) {
    it(`a new shortlist, on its page and in the search, refused at its fields in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale);
      const before = await api.db.shortlist.count();
      await page.goto(`${api.url}/llistes`);
      const form = page.locator('form.form');
      const name = form.locator('input[name="name"]');
      const reference = form.locator('input[name="tenderReference"]');
      const description = form.locator('input[name="description"]');
      const referenceHint = await hintOf(reference);

      const create = form.locator('button[type="submit"]');
      await name.fill('   ');
      await submit(page, create);
      await expectErrorAt(name, [CHECKED.REQUIRED[locale]]);
      await expectFormFix(page, locale);
      await expectNoErrorAt(reference, referenceHint);
      await expectNoErrorAt(description);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      await name.fill('n'.repeat(201));
      await reference.fill('r'.repeat(101));
      await description.fill('d'.repeat(2001));
      await submit(page, create);
      await expectErrorAt(name, [TOO_LONG_200[locale]]);
      await expectErrorAt(reference, [TOO_LONG_100[locale]], { hint: referenceHint });
      await expectErrorAt(description, [TOO_LONG_2000[locale]]);

      // The search's working-list bar creates a list by its name alone.
      await page.goto(`${api.url}/cerca`);
      const bar = page.locator('form.shortlist-bar__new');
      const barName = bar.locator('input');
      await barName.fill('');
      await submit(page, bar.locator('button[type="submit"]'));
      await expectErrorAt(barName, [CHECKED.REQUIRED[locale]]);
      await barName.fill('b'.repeat(201));
      await submit(page, bar.locator('button[type="submit"]'));
      await expectErrorAt(barName, [TOO_LONG_200[locale]]);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      expect(await api.db.shortlist.count()).toBe(before);
      await context.close();
    });

    it(`a shortlist's note, sharing and invitations refused at their fields in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale);
      // A company that lost its email address, and one already invited to the officer's tender.
      const offset = 2 * LOCALES.indexOf(locale);
      const [withoutEmail, invited] = [supplier(offset), supplier(offset + 1)];
      await api.db.company.update({ where: { id: withoutEmail.id }, data: { email: null } });
      const shortlist = await api.db.shortlist.create({
        data: { ownerId: officerId, name: `Llista ${locale}` },
      });
      await api.db.shortlistEntry.createMany({
        data: [
          { shortlistId: shortlist.id, companyId: withoutEmail.id, addedAt: new Date(Date.now() - 60_000) },
          { shortlistId: shortlist.id, companyId: invited.id, addedAt: new Date() },
        ],
      });
      const colleague = `company-${locale.toLowerCase()}@ajuntament.example`;
      await api.db.shortlistShare.create({ data: { shortlistId: shortlist.id, email: colleague } });
      const tender = await api.db.tender.create({
        data: { ownerId: officerId, title: `Licitació ${locale}`, cpvCodes: invited.cpvCodes },
      });
      await api.db.tenderInvitation.create({
        data: { tenderId: tender.id, companyId: invited.id, sentById: officerId, email: invited.email },
      });
      try {
        await page.goto(`${api.url}/llistes/${shortlist.id}`);
        await page.getByRole('heading', { level: 1, name: `Llista ${locale}` }).waitFor();

        // A note too long, at the note of its company.
        const row = page.locator('tbody tr').filter({ hasText: withoutEmail.name });
        const note = row.locator('textarea[name="note"]');
        await note.fill('n'.repeat(2001));
        await submit(page, row.locator('button[type="submit"]'));
        await expectErrorAt(note, [TOO_LONG_2000[locale]]);
        const otherNote = page.locator('tbody tr').filter({ hasText: invited.name }).locator('textarea');
        await expectNoErrorAt(otherNote);

        // Sharing: not an address, the owner's own address.
        const shareForm = page.locator('form').filter({ has: page.locator('input[name="email"]') });
        const email = shareForm.locator('input[name="email"]');
        await email.fill('no-es-una-adreca');
        await submit(page, shareForm.locator('button[type="submit"]'));
        await expectErrorAt(email, [CHECKED.NOT_AN_EMAIL[locale]]);
        await email.fill(OFFICER.email.toUpperCase());
        await submit(page, shareForm.locator('button[type="submit"]'));
        await expectErrorAt(email, [TEXT.SHARE_WITH_OWNER[locale]]);
        if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

        // Stopping a share that another tab ended already: said at its button.
        await api.db.shortlistShare.deleteMany({ where: { shortlistId: shortlist.id } });
        const unshare = page.locator('li').filter({ hasText: colleague }).locator('button');
        await submit(page, unshare);
        await expectErrorAt(unshare, [TEXT.SHORTLIST_NOT_SHARED_WITH[locale]], { invalid: false });

        // Inviting the list to the tender: each company that cannot be invited, by name.
        const inviteForm = page.locator('form').filter({ has: page.locator('select[name="tender"]') });
        const tenderChoice = inviteForm.locator('select[name="tender"]');
        await tenderChoice.selectOption(tender.id);
        await submit(page, inviteForm.locator('button[type="submit"]'));
        await expectErrorAt(tenderChoice, [
          WITH.SUPPLIER_WITHOUT_EMAIL(withoutEmail.name)[locale],
          WITH.SUPPLIER_ALREADY_INVITED(invited.name)[locale],
        ]);
        if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
        expect(await api.db.tenderInvitation.count({ where: { tenderId: tender.id } })).toBe(1);
        expect(
          await api.db.shortlistEntry.findMany({ where: { shortlistId: shortlist.id, note: { not: null } } }),
        ).toEqual([]);
      } finally {
        await api.db.company.update({ where: { id: withoutEmail.id }, data: { email: withoutEmail.email } });
        await context.close();
      }
    });

    it(`a new tender refused at its fields in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale);
      const before = await api.db.tender.count();
      await page.goto(`${api.url}/licitacions`);
      const form = page.locator('form.profile-form');
      const title = form.locator('input[name="title"]');
      const description = form.locator('textarea[name="description"]');
      const reference = form.locator('input[name="reference"]');
      const cpv = form.locator('input[name="cpvCodes"]');
      const budget = form.locator('input[name="budget"]');
      const cpvHint = '90910000-9, 77310000-6';
      const find = form.locator('button[type="submit"]');
      await budget.waitFor();
      // The budget's hint shows how the language writes an amount.
      const budgetHint = await hintOf(budget);
      expect(budgetHint).toBe(AMOUNT_HINT[locale]);

      await title.fill('');
      await cpv.fill('neteja, 90910000-8');
      await budget.fill('-5');
      await submit(page, find);
      await expectErrorAt(title, [CHECKED.REQUIRED[locale]]);
      await expectErrorAt(
        cpv,
        [CPV_MALFORMED('neteja')[locale], CPV_CHECK_DIGIT('90910000-8', '90910000-9')[locale]],
        { hint: cpvHint },
      );
      await expectErrorAt(budget, [TEXT.AT_LEAST_0[locale]], { hint: budgetHint });
      await expectFormFix(page, locale);
      await expectNoErrorAt(description);
      await expectNoErrorAt(reference);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      await title.fill('t'.repeat(201));
      await description.fill('d'.repeat(5001));
      await reference.fill('r'.repeat(101));
      await cpv.fill(Array.from({ length: 21 }, () => '90910000-9').join(', '));
      await budget.fill('200000000000');
      await submit(page, find);
      await expectErrorAt(title, [TOO_LONG_200[locale]]);
      await expectErrorAt(description, [TOO_LONG_5000[locale]]);
      await expectErrorAt(reference, [TOO_LONG_100[locale]]);
      await expectErrorAt(cpv, [TEXT.TOO_MANY_VALUES_20[locale]], { hint: cpvHint });
      await expectErrorAt(budget, [TEXT.AT_MOST_100_BILLION[locale]], { hint: budgetHint });

      // A budget that is no number is said before anything is sent.
      await title.fill('Neteja');
      await description.fill('');
      await reference.fill('');
      await cpv.fill('99999999-8');
      await budget.fill('molts diners');
      await submit(page, find, false);
      await expectErrorAt(budget, [TEXT.NOT_A_NUMBER[locale]], { hint: budgetHint });
      await expectNoErrorAt(cpv, cpvHint);
      await budget.fill('');
      await submit(page, find);
      await expectErrorAt(cpv, [CPV_UNKNOWN('99999999-8')[locale]], { hint: cpvHint });
      await expectNoErrorAt(budget, budgetHint);
      expect(await api.db.tender.count()).toBe(before);
      await context.close();
    });

    it(`invitations to a tender refused at their fields in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale);
      const tender = await api.db.tender.create({
        data: { ownerId: officerId, title: `Necessitat ${locale}`, cpvCodes: supplier(0).cpvCodes },
      });
      await page.goto(`${api.url}/licitacions/${tender.id}`);
      await page.getByRole('heading', { level: 1, name: `Necessitat ${locale}` }).waitFor();
      const form = page.locator('form').filter({ has: page.locator('textarea[name="message"]') });
      const send = form.locator('button[type="submit"]');
      const message = form.locator('textarea[name="message"]');

      // Nothing chosen: said at the button that sends.
      await submit(page, send);
      await page.getByText(TEXT.NO_SUPPLIER_CHOSEN[locale], { exact: true }).waitFor();
      expect(await describedBy(send)).toBe(`${UI.formFix[locale]} ${TEXT.NO_SUPPLIER_CHOSEN[locale]}`);

      // Two companies that can be invited when the page is loaded.
      const cards = page.locator('.company-card').filter({ has: page.locator('input[type="checkbox"]') });
      await cards.first().waitFor();
      const names = await Promise.all(
        [0, 1].map(async (index) =>
          ((await cards.nth(index).getByRole('heading').locator('a').textContent()) ?? '').trim(),
        ),
      );
      const [first, second] = await Promise.all(
        names.map((name) =>
          api.db.company.findFirstOrThrow({ where: { name }, select: { id: true, email: true } }),
        ),
      );
      const [firstBox, secondBox] = [0, 1].map((index) => cards.nth(index).locator('input[type="checkbox"]'));

      // A message too long.
      await firstBox?.check();
      await message.fill('m'.repeat(2001));
      await submit(page, send);
      await expectErrorAt(message, [TOO_LONG_2000[locale]]);
      await expectFormFix(page, locale);
      await expectNoErrorAt(firstBox as Locator);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      // Meanwhile the first lost its email address and the second was invited from another tab.
      await api.db.company.update({ where: { id: first?.id }, data: { email: null } });
      await api.db.tenderInvitation.create({
        data: {
          tenderId: tender.id,
          companyId: second?.id as string,
          sentById: officerId,
          email: second?.email as string,
        },
      });
      try {
        await secondBox?.check();
        await message.fill('Podeu enviar l’oferta fins al 15 de desembre.');
        await submit(page, send);
        await expectErrorAt(firstBox as Locator, [WITH.SUPPLIER_WITHOUT_EMAIL(names[0] as string)[locale]]);
        await expectErrorAt(secondBox as Locator, [
          WITH.SUPPLIER_ALREADY_INVITED(names[1] as string)[locale],
        ]);
        await expectNoErrorAt(message);
        if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
        expect(await api.db.tenderInvitation.count({ where: { tenderId: tender.id } })).toBe(1);
      } finally {
        await api.db.company.update({ where: { id: first?.id }, data: { email: first?.email } });
        await context.close();
      }
    });

    it(`the award form refused at every field it checks in ${locale}`, async () => {
      const { api } = platform;
      const [context, page] = await signedInPage(locale);
      await page.goto(`${api.url}/contractacio`);
      const form = page.locator('form.profile-form');
      const input = (name: string) => form.locator(`input[name="${name}"]`);
      const [title, reference, supplierName, taxId, amount, cpv, awardedOn] = [
        'title',
        'reference',
        'supplierName',
        'supplierTaxId',
        'amount',
        'cpvCode',
        'awardedOn',
      ].map(input) as [Locator, Locator, Locator, Locator, Locator, Locator, Locator];
      await title.waitFor();
      const taxIdHint = await hintOf(taxId);
      const cpvHint = await hintOf(cpv);
      const amountHint = await hintOf(amount);
      const dateHint = await hintOf(awardedOn);
      expect(amountHint).toBe(AMOUNT_HINT[locale]);
      expect(dateHint).toBe(DATE_HINT[locale]);
      const fill = async (values: Record<string, string>, sends = true) => {
        for (const [name, value] of Object.entries(values)) await input(name).fill(value);
        await submit(page, form.locator('button[type="submit"]'), sends);
      };
      const before = await api.db.contractAward.count();

      // No amount and no date cannot be sent: said before sending.
      await fill(
        {
          title: '',
          reference: '',
          supplierName: '',
          supplierTaxId: '',
          amount: '',
          cpvCode: '',
          awardedOn: '',
        },
        false,
      );
      await expectErrorAt(amount, [CHECKED.REQUIRED[locale]], { hint: amountHint });
      await expectErrorAt(awardedOn, [CHECKED.REQUIRED[locale]], { hint: dateHint });
      await expectFormFix(page, locale);
      await expectNoErrorAt(title);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      await fill({ amount: '0', awardedOn: '2999-01-01' });
      await expectErrorAt(title, [CHECKED.REQUIRED[locale]]);
      await expectErrorAt(reference, [CHECKED.REQUIRED[locale]]);
      await expectErrorAt(supplierName, [CHECKED.REQUIRED[locale]]);
      await expectErrorAt(taxId, [CHECKED.REQUIRED[locale]], { hint: taxIdHint });
      await expectErrorAt(amount, [TEXT.AMOUNT_NOT_POSITIVE[locale]], { hint: amountHint });
      await expectErrorAt(cpv, [CHECKED.REQUIRED[locale]], { hint: cpvHint });
      await expectErrorAt(awardedOn, [TEXT.AWARD_DATE_OUT_OF_RANGE[locale]], { hint: dateHint });
      await expectFormFix(page, locale);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      await fill({
        title: 't'.repeat(301),
        reference: 'r'.repeat(101),
        supplierName: 's'.repeat(301),
        supplierTaxId: 'ABC',
        // Two hundred billion, as the language writes it.
        amount: { CA: '200.000.000.000', ES: '200.000.000.000', EN: '200,000,000,000' }[locale],
        cpvCode: 'neteja',
        awardedOn: '1999-12-31',
      });
      await expectErrorAt(title, [TOO_LONG_300[locale]]);
      await expectErrorAt(reference, [TOO_LONG_100[locale]]);
      await expectErrorAt(supplierName, [TOO_LONG_300[locale]]);
      await expectErrorAt(taxId, [TAX_ID_MALFORMED('ABC')[locale]], { hint: taxIdHint });
      await expectErrorAt(amount, [TEXT.AT_MOST_100_BILLION[locale]], { hint: amountHint });
      await expectErrorAt(cpv, [CPV_MALFORMED('neteja')[locale]], { hint: cpvHint });
      await expectErrorAt(awardedOn, [TEXT.AWARD_DATE_OUT_OF_RANGE[locale]], { hint: dateHint });

      await fill({
        title: 'Neteja de casals',
        reference: '2025/0002',
        supplierName: 'Neteges SA',
        supplierTaxId: 'B12345678',
        amount: '-10',
        cpvCode: '90910000-8',
        awardedOn: '2025-03-01',
      });
      await expectErrorAt(taxId, [TAX_ID_CHECK_CHARACTER('B12345678', '4')[locale]], {
        hint: taxIdHint,
      });
      await expectErrorAt(amount, [TEXT.AMOUNT_NOT_POSITIVE[locale]], { hint: amountHint });
      await expectErrorAt(cpv, [CPV_CHECK_DIGIT('90910000-8', '90910000-9')[locale]], {
        hint: cpvHint,
      });
      for (const clean of [title, reference, supplierName]) await expectNoErrorAt(clean);
      await expectNoErrorAt(awardedOn, dateHint);

      await fill({ supplierTaxId: 'B12345674', amount: '1000', cpvCode: '99999999-8' });
      await expectErrorAt(cpv, [CPV_UNKNOWN('99999999-8')[locale]], { hint: cpvHint });
      await expectNoErrorAt(taxId, taxIdHint);
      await expectNoErrorAt(amount, amountHint);

      await fill({ amount: 'mil euros', cpvCode: '90910000-9' }, false);
      await expectErrorAt(amount, [TEXT.NOT_A_NUMBER[locale]], { hint: amountHint });
      await expectNoErrorAt(cpv, cpvHint);
      expect(await api.db.contractAward.count()).toBe(before);
      await context.close();
    });
  }
});
