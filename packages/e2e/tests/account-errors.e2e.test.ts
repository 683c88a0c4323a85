import { createAccount, type TestApi } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  LOCALES,
  type Locale,
  type Texts,
  UI,
  usePlatform,
} from '../src/index.ts';

/**
 * What the forms say, in each interface language: the messages of the error reasons (the shared
 * catalogue, packages/errors) and the interface's own texts, written out here so that a changed or
 * missing translation fails this test.
 */
const TEXT = {
  REQUIRED: CHECKED.REQUIRED,
  NOT_AN_EMAIL: CHECKED.NOT_AN_EMAIL,
  TOO_SHORT_12: {
    CA: 'Ha de tenir com a mínim 12 caràcters.',
    ES: 'Debe tener como mínimo 12 caracteres.',
    EN: 'It must be at least 12 characters long.',
  },
  TOO_LONG_254: {
    CA: 'Ha de tenir com a màxim 254 caràcters.',
    ES: 'Debe tener como máximo 254 caracteres.',
    EN: 'It must be at most 254 characters long.',
  },
  TOO_LONG_256: {
    CA: 'Ha de tenir com a màxim 256 caràcters.',
    ES: 'Debe tener como máximo 256 caracteres.',
    EN: 'It must be at most 256 characters long.',
  },
  TOO_LONG_200: {
    CA: 'Ha de tenir com a màxim 200 caràcters.',
    ES: 'Debe tener como máximo 200 caracteres.',
    EN: 'It must be at most 200 characters long.',
  },
  PASSWORD_TOO_COMMON: {
    CA: "És una de les contrasenyes més habituals: tria'n una altra.",
    ES: 'Es una de las contraseñas más habituales: elige otra.',
    EN: 'This is one of the most common passwords: choose another.',
  },
  PASSWORD_TOO_REPETITIVE_4: {
    CA: 'Ha de tenir com a mínim 4 caràcters diferents.',
    ES: 'Debe tener como mínimo 4 caracteres distintos.',
    EN: 'It must have at least 4 different characters.',
  },
  PASSWORD_CONTAINS_EMAIL: {
    CA: 'No pot contenir la teva adreça electrònica.',
    ES: 'No puede contener tu dirección de correo electrónico.',
    EN: 'It must not contain your email address.',
  },
  INVALID_CREDENTIALS: {
    CA: "L'adreça o la contrasenya no són correctes.",
    ES: 'El correo o la contraseña no son correctos.',
    EN: 'The email or the password is not right.',
  },
  ACCOUNT_LINK_INVALID: {
    CA: "Aquest enllaç ja no és vàlid: pot haver caducat o ja s'ha fet servir.",
    ES: 'Este enlace ya no es válido: puede haber caducado o ya se ha usado.',
    EN: 'This link is no longer valid: it may have expired or been used already.',
  },
  // The interface's texts around the errors.
  formFix: UI.formFix,
  checkMail: {
    CA: "Mira el correu: t'hem enviat un missatge a l'adreça que has escrit. Si ja hi tenies un compte, el missatge t'explica com entrar-hi.",
    ES: 'Mira el correo: te hemos enviado un mensaje a la dirección que has escrito. Si ya tenías una cuenta, el mensaje te explica cómo entrar.',
    EN: 'Check your mail: we have sent a message to the address you gave. If you already had an account, the message tells you how to get in.',
  },
} as const satisfies Record<string, Texts>;

type Expected = keyof typeof TEXT;

const OWNER = { email: 'ja-hi-soc@cooperativa.example', password: 'la meva contrasenya de sempre' };
const RESETTER = { email: 'marta.puig@cooperativa.example', password: 'una contrasenya de la marta' };
const EXPIRED = { email: 'caducat@cooperativa.example', password: 'una contrasenya que caduca' };

describe.runIf(browserAvailable())('the account forms’ errors in three languages, in Chromium', () => {
  let resetToken: string;
  let expiredToken: string;

  /** A reset link's token, as the mail to the account carries it. */
  async function mailedToken(api: TestApi, email: string): Promise<string> {
    const response = await api.graphql<{ requestPasswordReset: { ok: boolean } }>(
      'mutation ($email: String!) { requestPasswordReset(email: $email) { ok } }',
      { email },
    );
    expect(response.data?.requestPasswordReset.ok).toBe(true);
    const mail = await api.db.mailOutbox.findFirstOrThrow({ where: { to: email } });
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no token in the mail to ${email}`);
    return token;
  }

  const platform = usePlatform({
    seed: async (api) => {
      for (const account of [OWNER, RESETTER, EXPIRED]) await createAccount(api, account);
      resetToken = await mailedToken(api, RESETTER.email);
      expiredToken = await mailedToken(api, EXPIRED.email);
      const expired = await api.db.account.findUniqueOrThrow({ where: { email: EXPIRED.email } });
      await api.db.accountToken.updateMany({
        where: { accountId: expired.id },
        data: { expiresAt: new Date(Date.now() - 60_000) },
      });
    },
  });

  /**
   * Each field given shows the expected message, and only it, tied to its input (aria-invalid and
   * aria-describedby naming the message); a field given null shows none.
   */
  async function expectFieldErrors(page: Page, locale: Locale, fields: Record<string, Expected | null>) {
    for (const [inputId, expected] of Object.entries(fields)) {
      const input = page.locator(`#${inputId}`);
      if (expected === null) {
        expect(await input.getAttribute('aria-invalid'), inputId).not.toBe('true');
        continue;
      }
      const message = page.getByText(TEXT[expected][locale], { exact: true });
      await message.waitFor({ timeout: 10_000 });
      const id = await message.getAttribute('id');
      expect(id, `${inputId}: the message has an id`).toBeTruthy();
      expect((await input.getAttribute('aria-describedby'))?.split(' '), inputId).toContain(id);
      expect(await input.getAttribute('aria-invalid'), inputId).toBe('true');
      expect((await page.locator(`#${id}`).textContent())?.trim(), inputId).toBe(TEXT[expected][locale]);
    }
  }

  /** The form's problem announced above it (role alert); its id, for aria-describedby. */
  async function expectAlert(page: Page, text: string): Promise<string | null> {
    const alert = page.getByRole('alert').filter({ hasText: text });
    await alert.waitFor({ timeout: 10_000 });
    expect((await alert.textContent())?.trim()).toBe(text);
    return alert.getAttribute('id');
  }

  async function submit(page: Page) {
    await page.locator('form button[type="submit"]').click();
  }

  for (const locale of LOCALES) {
    it(`signing up: every refusal at its field, in ${locale}`, async () => {
      const { api } = platform;
      // A browser whose interface language is `locale` (as chosen in the language menu, which keeps it).
      const page = await platform.newPage({ locale });
      const context = page.context();
      const signUp = async (values: { name?: string; email: string; password: string }) => {
        await page.goto(`${api.url}/registre`);
        await page.locator('#sign-up-email').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.toLowerCase());
        await page.locator('#sign-up-name').fill(values.name ?? '');
        await page.locator('#sign-up-email').fill(values.email);
        await page.locator('#sign-up-password').fill(values.password);
        await submit(page);
      };
      const before = await api.db.account.count();

      await signUp({ email: '   ', password: '' });
      await expectFieldErrors(page, locale, {
        'sign-up-email': 'REQUIRED',
        'sign-up-password': 'TOO_SHORT_12',
        'sign-up-name': null,
      });
      await expectAlert(page, TEXT.formFix[locale]);
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      await signUp({ email: 'no-es-una-adreca', password: 'qwerty123456' });
      await expectFieldErrors(page, locale, {
        'sign-up-email': 'NOT_AN_EMAIL',
        'sign-up-password': 'PASSWORD_TOO_COMMON',
        'sign-up-name': null,
      });

      await signUp({ name: 'N'.repeat(201), email: 'nova@cooperativa.example', password: 'aaaaaaaaaaaaaa' });
      await expectFieldErrors(page, locale, {
        'sign-up-name': 'TOO_LONG_200',
        'sign-up-password': 'PASSWORD_TOO_REPETITIVE_4',
        'sign-up-email': null,
      });

      await signUp({ email: 'marta.roca@cooperativa.example', password: 'marta.roca-2026!' });
      await expectFieldErrors(page, locale, {
        'sign-up-password': 'PASSWORD_CONTAINS_EMAIL',
        'sign-up-email': null,
        'sign-up-name': null,
      });

      await signUp({ email: `${'a'.repeat(250)}@cooperativa.example`, password: 'x'.repeat(257) });
      await expectFieldErrors(page, locale, {
        'sign-up-email': 'TOO_LONG_254',
        'sign-up-password': 'TOO_LONG_256',
        'sign-up-name': null,
      });
      expect(await api.db.account.count()).toBe(before);

      // An address that already has an account: the same answer as a new one (its owner is mailed).
      await signUp({ email: OWNER.email, password: 'una contrasenya diferent' });
      await page.getByRole('status').getByText(TEXT.checkMail[locale], { exact: true }).waitFor();
      expect(await api.db.account.count()).toBe(before);
      await context.close();
    });

    it(`signing in with a wrong password: the refusal at the password, in ${locale}`, async () => {
      const { api } = platform;
      // A browser whose interface language is `locale` (as chosen in the language menu, which keeps it).
      const page = await platform.newPage({ locale });
      const context = page.context();
      // A known address and an unknown one get the same answer. (Not OWNER's: the sign-ups above
      // already tried it, and a sixth failure in a row would be throttled.)
      for (const email of [EXPIRED.email, `ningu-${locale.toLowerCase()}@cooperativa.example`]) {
        await page.goto(`${api.url}/entrar`);
        await page.locator('#sign-in-email').fill(email);
        await page.locator('#sign-in-password').fill('no és la contrasenya');
        await submit(page);
        await expectFieldErrors(page, locale, {
          'sign-in-password': 'INVALID_CREDENTIALS',
          'sign-in-email': null,
        });
        await expectAlert(page, TEXT.formFix[locale]);
      }
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });

    it(`resetting a password: the address, the new password and the link refused, in ${locale}`, async () => {
      const { api } = platform;
      // A browser whose interface language is `locale` (as chosen in the language menu, which keeps it).
      const page = await platform.newPage({ locale });
      const context = page.context();
      const request = async (email: string) => {
        await page.goto(`${api.url}/contrasenya`);
        await page.locator('#reset-email').fill(email);
        await submit(page);
      };
      await request('');
      await expectFieldErrors(page, locale, { 'reset-email': 'REQUIRED' });
      await request('no-es-una-adreca');
      await expectFieldErrors(page, locale, { 'reset-email': 'NOT_AN_EMAIL' });
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

      const choose = async (token: string, password: string) => {
        await page.goto(`${api.url}/contrasenya?token=${encodeURIComponent(token)}`);
        await page.locator('#reset-password').fill(password);
        await submit(page);
      };
      await choose(resetToken, 'curta');
      await expectFieldErrors(page, locale, { 'reset-password': 'TOO_SHORT_12' });
      await choose(resetToken, 'qwerty123456');
      await expectFieldErrors(page, locale, { 'reset-password': 'PASSWORD_TOO_COMMON' });
      // Only the link's account says what the address is: refused, and the link still works.
      await choose(resetToken, 'la marta.puig de sempre');
      await expectFieldErrors(page, locale, { 'reset-password': 'PASSWORD_CONTAINS_EMAIL' });

      for (const token of [expiredToken, 'no-és-cap-enllaç']) {
        await choose(token, 'una contrasenya nova i llarga');
        const alert = await expectAlert(page, TEXT.ACCOUNT_LINK_INVALID[locale]);
        // The page offers to mail a new link, and the problem describes that form.
        expect(alert).toBeTruthy();
        expect(await page.locator('form').getAttribute('aria-describedby')).toBe(alert);
        await page.locator('#reset-email').waitFor();
        expect(await page.locator('#reset-password').count()).toBe(0);
      }
      if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('left the reset link usable after every refusal, and nobody signed up', async () => {
    const { api } = platform;
    const done = await api.graphql<{ resetPassword: { ok: boolean } }>(
      'mutation ($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { ok } }',
      { t: resetToken, p: 'una frase nova per a la marta' },
    );
    expect(done.data?.resetPassword.ok).toBe(true);
    expect(await api.db.account.count()).toBe(3);
  });
});
