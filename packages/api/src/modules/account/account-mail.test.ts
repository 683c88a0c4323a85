import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverMail, type Mail, type MailSender } from '../mail/mail.ts';

let api: TestApi;
const sent: Mail[] = [];
const capture: MailSender = {
  name: 'test',
  async send(mail) {
    sent.push(mail);
  },
};

beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL: 'https://proximitat.example' });
});
afterAll(async () => api?.close());

async function deliver() {
  await deliverMail(api.db, capture, 'Proximitat <no-reply@proximitat.example>');
}

function tokenIn(mail: Mail | undefined): string {
  return /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
}

type Ok = {
  ok: boolean;
  userErrors: { field: string; code: string; reason: string; params: { name: string; value: string }[] }[];
};

describe('email verification', () => {
  it('mails a single-use link at sign-up, through the outbox', async () => {
    await api.graphql('mutation ($input: RegisterInput!) { register(input: $input) { token } }', {
      input: { email: 'verifica@example.org', password: 'una frase prou llarga', locale: 'ES' },
    });
    const signedInAfter = await api.graphql<{ login: { token: string } }>(
      'mutation { login(email: "verifica@example.org", password: "una frase prou llarga") { token } }',
    );
    const session = signedInAfter.data?.login.token ?? '';
    // The request only queued it.
    const mine = () => sent.filter((mail) => mail.to === 'verifica@example.org');
    expect(mine()).toHaveLength(0);
    expect(await api.db.mailOutbox.count({ where: { to: 'verifica@example.org', sentAt: null } })).toBe(1);
    await deliver();
    expect(mine()).toHaveLength(1);
    const mail = mine()[0];
    expect(mail).toMatchObject({
      to: 'verifica@example.org',
      subject: 'Confirma tu dirección en Proximitat',
    });
    expect(mail?.text).toContain('https://proximitat.example/verifica?token=');

    const verify =
      'mutation ($token: String!) { verifyEmail(token: $token) { ok userErrors { field code reason params { name value } } } }';
    const first = await api.graphql<{ verifyEmail: Ok }>(verify, { token: tokenIn(mail) });
    expect(first.data?.verifyEmail).toEqual({ ok: true, userErrors: [] });
    const me = await api.graphql<{ me: { emailVerified: boolean } }>(
      '{ me { emailVerified } }',
      {},
      { token: session },
    );
    expect(me.data?.me.emailVerified).toBe(true);
    const again = await api.graphql<{ verifyEmail: Ok }>(verify, { token: tokenIn(mail) });
    expect(again.data?.verifyEmail).toEqual({
      ok: false,
      userErrors: [{ field: 'token', code: 'VALIDATION', reason: 'ACCOUNT_LINK_INVALID', params: [] }],
    });
  });

  it('refuses an expired token', async () => {
    await api.graphql('mutation ($input: RegisterInput!) { register(input: $input) { token } }', {
      input: { email: 'caduca@example.org', password: 'una altra frase llarga' },
    });
    await deliver();
    const mail = sent.find((m) => m.to === 'caduca@example.org');
    await api.db.accountToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await api.graphql<{ verifyEmail: Ok }>(
      'mutation ($t: String!) { verifyEmail(token: $t) { ok } }',
      {
        t: tokenIn(mail),
      },
    );
    expect(response.data?.verifyEmail.ok).toBe(false);
  });
});

describe('password reset', () => {
  const request = 'mutation ($email: String!) { requestPasswordReset(email: $email) { ok } }';
  const reset =
    'mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { ok userErrors { field code reason params { name value } } } }';

  it('answers the same for unknown addresses and mails nothing', async () => {
    const before = await api.db.mailOutbox.count();
    const response = await api.graphql<{ requestPasswordReset: { ok: boolean } }>(request, {
      email: 'ningu@example.org',
    });
    expect(response.data?.requestPasswordReset.ok).toBe(true);
    expect(await api.db.mailOutbox.count()).toBe(before);
  });

  it('sets a new password once, ends every session, and refuses weak passwords without spending the token', async () => {
    const account = await signedIn(api, 'USER');
    await api.graphql(request, { email: account.email.toUpperCase() });
    await deliver();
    const token = tokenIn(sent.find((m) => m.to === account.email));
    expect(token).not.toBe('');

    const weak = await api.graphql<{ resetPassword: Ok }>(reset, { token, password: 'qwerty123456' });
    expect(weak.data?.resetPassword).toEqual({
      ok: false,
      userErrors: [{ field: 'password', code: 'VALIDATION', reason: 'PASSWORD_TOO_COMMON', params: [] }],
    });
    // Only the token's account says what the address is: the password must not contain it.
    const local = account.email.split('@')[0] ?? '';
    const withEmail = await api.graphql<{ resetPassword: Ok }>(reset, {
      token,
      password: `la meva ${local} secreta`,
    });
    expect(withEmail.data?.resetPassword).toEqual({
      ok: false,
      userErrors: [{ field: 'password', code: 'VALIDATION', reason: 'PASSWORD_CONTAINS_EMAIL', params: [] }],
    });
    const done = await api.graphql<{ resetPassword: Ok }>(reset, {
      token,
      password: 'la nova frase secreta',
    });
    expect(done.data?.resetPassword).toEqual({ ok: true, userErrors: [] });
    // The old session is over; the new password works; the token does not work twice.
    expect((await api.graphql('{ me { id } }', {}, { token: account.token })).data).toEqual({ me: null });
    const login = await api.graphql<{ login: { token: string | null } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: account.email, p: 'la nova frase secreta' },
    );
    expect(login.data?.login.token).toBeTruthy();
    const twice = await api.graphql<{ resetPassword: Ok }>(reset, {
      token,
      password: 'una tercera frase llarga',
    });
    expect(twice.data?.resetPassword).toEqual({
      ok: false,
      userErrors: [{ field: 'token', code: 'VALIDATION', reason: 'ACCOUNT_LINK_INVALID', params: [] }],
    });
  });

  it('refuses an expired or unknown reset token', async () => {
    const account = await signedIn(api, 'USER');
    await api.graphql(request, { email: account.email });
    await deliver();
    const token = tokenIn(sent.find((m) => m.to === account.email));
    await api.db.accountToken.updateMany({
      where: { accountId: account.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const attempt of [token, 'no-és-cap-testimoni']) {
      const response = await api.graphql<{ resetPassword: Ok }>(reset, {
        token: attempt,
        password: 'una frase nova i llarga',
      });
      expect(response.data?.resetPassword.userErrors).toEqual([
        { field: 'token', code: 'VALIDATION', reason: 'ACCOUNT_LINK_INVALID', params: [] },
      ]);
    }
  });

  it('keeps mail that could not be sent, to retry later', async () => {
    const failing: MailSender = {
      name: 'failing',
      async send() {
        throw new Error('SMTP server unreachable');
      },
    };
    // Mail other tests left waiting goes first, so that only this one meets the failing server.
    await deliver();
    const account = await signedIn(api, 'USER');
    await api.graphql(request, { email: account.email });
    const result = await deliverMail(api.db, failing, 'x@example.org');
    expect(result).toEqual({ sent: 0, failed: 1 });
    const row = await api.db.mailOutbox.findFirstOrThrow({ where: { to: account.email } });
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: 'SMTP server unreachable' });
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
  });
});
