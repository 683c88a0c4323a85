import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { signedIn } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverMail, type Mail } from '../mail/mail.ts';
import { ensureAdmin } from './ensure-admin.ts';
import { passwordVerifications } from './password.ts';
import { RESET_ANSWER_MS } from './password-reset.service.ts';
import { REGISTER_ANSWER_MS } from './register.service.ts';

let api: TestApi;
const sent: Mail[] = [];

beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL: 'https://proximitat.example', TRUST_PROXY: 'loopback' });
});
afterAll(async () => api?.close());

/** Every mail waiting in the outbox, delivered (batch after batch: other tests may have left many). */
async function delivered(): Promise<Mail[]> {
  const before = sent.length;
  const sender = { name: 'test', send: async (mail: Mail) => void sent.push(mail) };
  while ((await deliverMail(api.db, sender, 'x@example.org')).sent > 0);
  return sent.slice(before);
}

let addressCounter = 0;
/** A documentation address (TEST-NET-3), only ever a header value. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

const REGISTER =
  'mutation ($input: RegisterInput!) { register(input: $input) { account { id email role } userErrors { field code reason } } }';
const RESET =
  'mutation ($email: String!) { requestPasswordReset(email: $email) { ok retryAfterSeconds userErrors { field code reason params { name value } } } }';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('register does not tell whether an address has an account', () => {
  it('answers a known address as a new one, and mails its owner instead of a verification link', async () => {
    const owner = await signedIn(api, 'STAFF');
    const from = freshAddress();
    const headers = { headers: { 'x-forwarded-for': from } };
    const [known, knownMs] = await timed(() =>
      api.graphql(
        REGISTER,
        { input: { email: owner.email.toUpperCase(), password: 'algú que no és ella' } },
        headers,
      ),
    );
    const [fresh, freshMs] = await timed(() =>
      api.graphql(
        REGISTER,
        { input: { email: 'nova-adreca@example.org', password: 'algú que no és ella' } },
        headers,
      ),
    );
    expect(known.data).toEqual({ register: { account: null, userErrors: [] } });
    expect(known.data).toEqual(fresh.data);
    expect(Math.min(knownMs, freshMs)).toBeGreaterThanOrEqual(REGISTER_ANSWER_MS - 5);

    const mails = await delivered();
    const toOwner = mails.filter((mail) => mail.to === owner.email);
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]?.subject).toBe('Algú ha intentat crear un compte amb la teva adreça a Proximitat');
    expect(toOwner[0]?.text).toContain('https://proximitat.example/contrasenya?token=');
    expect(mails.find((mail) => mail.to === 'nova-adreca@example.org')?.text).toContain('/verifica?token=');
    // The owner's account and password are as they were.
    const stored = await api.db.account.findUniqueOrThrow({ where: { email: owner.email } });
    expect(stored.role).toBe('STAFF');
    const login = await api.graphql<{ login: { token: string | null } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: owner.email, p: owner.password },
    );
    expect(login.data?.login.token).toBeTruthy();
  });

  it('takes the same time for known and new addresses', async () => {
    const known: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const owner = await signedIn(api, 'USER');
      const headers = { headers: { 'x-forwarded-for': freshAddress() } };
      const input = (email: string) => ({ input: { email, password: `una frase de registre ${i}` } });
      known.push((await timed(() => api.graphql(REGISTER, input(owner.email), headers)))[1]);
      fresh.push((await timed(() => api.graphql(REGISTER, input(`nou-${i}@example.org`), headers)))[1]);
    }
    expect(Math.abs(median(known) - median(fresh))).toBeLessThan(15);
  });

  it('limits new accounts per address', async () => {
    const headers = { headers: { 'x-forwarded-for': freshAddress() } };
    const codes: string[] = [];
    for (let i = 0; i <= RATE_RULES.registerPerAddress.limit; i += 1) {
      const response = await api.graphql<{ register: { userErrors: { code: string }[] } }>(
        REGISTER,
        { input: { email: `serie-${i}@example.org`, password: 'una frase de registre' } },
        headers,
      );
      codes.push(response.data?.register.userErrors[0]?.code ?? 'OK');
    }
    expect(codes.slice(0, -1).every((code) => code === 'OK')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(await api.db.account.count({ where: { email: { startsWith: 'serie-' } } })).toBe(
      RATE_RULES.registerPerAddress.limit,
    );
  });
});

describe('login does not tell whether an address has an account', () => {
  // Both paths check an argon2 hash (a dummy one for unknown addresses); their times differ by
  // the machine's noise only, too much under a loaded test run for a timing assertion here.
  it('answers a wrong password for a known address as for an unknown one, checking a hash either way', async () => {
    const LOGIN =
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { field code reason params { name value } } } }';
    const answers = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const owner = await signedIn(api, 'USER');
      const headers = { headers: { 'x-forwarded-for': freshAddress() } };
      for (const email of [owner.email, `ningu-login-${i}@example.org`]) {
        const before = passwordVerifications();
        answers.add(JSON.stringify((await api.graphql(LOGIN, { e: email, p: `no és ${i}` }, headers)).data));
        expect(passwordVerifications() - before).toBe(1);
      }
    }
    expect([...answers]).toEqual([
      JSON.stringify({
        login: {
          token: null,
          userErrors: [
            { field: 'password', code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS', params: [] },
          ],
        },
      }),
    ]);
  });
});

describe('requestPasswordReset', () => {
  it('takes the same time for known and unknown addresses', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const owner = await signedIn(api, 'USER');
      const headers = { headers: { 'x-forwarded-for': freshAddress() } };
      known.push((await timed(() => api.graphql(RESET, { email: owner.email }, headers)))[1]);
      unknown.push((await timed(() => api.graphql(RESET, { email: `ningu-${i}@example.org` }, headers)))[1]);
    }
    expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(10);
  });

  it('mails an account at most a few links an hour, and answers known and unknown addresses alike', async () => {
    const owner = await signedIn(api, 'USER');
    await delivered();
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i <= RATE_RULES.passwordResetPerAccount.limit; i += 1) {
        const response = await api.graphql<{
          requestPasswordReset: { ok: boolean; userErrors: { code: string }[] };
        }>(RESET, { email }, { headers: { 'x-forwarded-for': freshAddress() } });
        out.push(response.data?.requestPasswordReset.userErrors[0]?.code ?? 'OK');
      }
      return out;
    };
    const known = await answers(owner.email);
    expect(known).toEqual([...Array(RATE_RULES.passwordResetPerAccount.limit).fill('OK'), 'RATE_LIMITED']);
    expect(await answers('ningu-mes@example.org')).toEqual(known);
    expect((await delivered()).filter((mail) => mail.to === owner.email)).toHaveLength(
      RATE_RULES.passwordResetPerAccount.limit,
    );
  });

  it('limits the requests of one address', async () => {
    const headers = { headers: { 'x-forwarded-for': freshAddress() } };
    let last: { requestPasswordReset: { ok: boolean; retryAfterSeconds: number | null } } | null | undefined;
    for (let i = 0; i <= RATE_RULES.passwordResetPerAddress.limit; i += 1) {
      last = (await api.graphql<NonNullable<typeof last>>(RESET, { email: `a-${i}@example.org` }, headers))
        .data;
    }
    expect(last?.requestPasswordReset.ok).toBe(false);
    expect(last?.requestPasswordReset.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses an empty, malformed or over-long address naming the field, before counting it', async () => {
    const headers = { headers: { 'x-forwarded-for': freshAddress() } };
    const refusal = async (email: string) =>
      (await api.graphql<{ requestPasswordReset: { userErrors: unknown[] } }>(RESET, { email }, headers)).data
        ?.requestPasswordReset.userErrors;
    expect(await refusal(`${'x'.repeat(3000)}@example.org`)).toEqual([
      { field: 'email', code: 'VALIDATION', reason: 'TOO_LONG', params: [{ name: 'max', value: '254' }] },
    ]);
    expect(await refusal('  ')).toEqual([
      { field: 'email', code: 'VALIDATION', reason: 'REQUIRED', params: [] },
    ]);
    for (let i = 0; i <= RATE_RULES.passwordResetPerAddress.limit; i += 1) {
      expect(await refusal('no-es-una-adreca')).toEqual([
        { field: 'email', code: 'VALIDATION', reason: 'NOT_AN_EMAIL', params: [] },
      ]);
    }
    expect(await refusal('ningu-mai@example.org')).toEqual([]);
  });
});

describe('ADMIN_EMAIL on an account someone registered first', () => {
  it('sets ADMIN_PASSWORD, marks the address verified and ends every session the account had', async () => {
    const squatter = await signedIn(api, 'USER', { verified: false });
    expect((await api.graphql('{ me { id } }', {}, { token: squatter.token })).data).toEqual({
      me: { id: squatter.id },
    });
    expect(await ensureAdmin(api.db, squatter.email, 'la contrasenya de l’operadora')).toBe('updated');
    expect((await api.graphql('{ me { id } }', {}, { token: squatter.token })).data).toEqual({ me: null });
    const stored = await api.db.account.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(stored.role).toBe('ADMIN');
    expect(stored.emailVerifiedAt).not.toBeNull();
    const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    expect(
      (
        await api.graphql<{ login: { token: string | null } }>(LOGIN, {
          e: squatter.email,
          p: squatter.password,
        })
      ).data?.login.token,
    ).toBeNull();
    const operator = await api.graphql<{ login: { token: string | null } }>(LOGIN, {
      e: squatter.email,
      p: 'la contrasenya de l’operadora',
    });
    const token = operator.data?.login.token ?? '';
    expect(
      (await api.graphql('{ auditLog(first: 1) { totalCount } }', {}, { token })).errors,
    ).toBeUndefined();
    // Idempotent: a second start-up changes nothing and keeps the operator signed in.
    expect(await ensureAdmin(api.db, squatter.email, 'la contrasenya de l’operadora')).toBe('unchanged');
    expect((await api.graphql('{ me { id } }', {}, { token })).data).toEqual({ me: { id: squatter.id } });
  });
});
