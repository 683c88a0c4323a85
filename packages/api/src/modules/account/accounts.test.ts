import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';
import { passwordProblem } from './password-policy.ts';
import { THROTTLE } from './throttle.service.ts';

let api: TestApi;
let admin: TestAccount;
let staff: TestAccount;
let user: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signedIn(api, 'ADMIN');
  staff = await signedIn(api, 'STAFF');
  user = await signedIn(api, 'USER');
});
afterAll(async () => api?.close());

type Payload = {
  account: { id: string; email: string; role: string } | null;
  userErrors: { field: string | null; code: string; message: string }[];
};

describe('register', () => {
  it('creates a USER account, signs it in and hashes the password with argon2id', async () => {
    const response = await api.graphql<{ register: Payload & { token?: string } }>(
      contractOperation('Register'),
      {
        input: { email: '  Nova@Cooperativa.example ', password: 'la meva contrasenya llarga', name: 'Nova' },
      },
    );
    expect(response.data?.register).toMatchObject({
      account: { email: 'nova@cooperativa.example', role: 'USER' },
      userErrors: [],
    });
    const stored = await api.db.account.findUniqueOrThrow({ where: { email: 'nova@cooperativa.example' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const cookie = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: RegisterInput!) { register(input: $input) { account { id } } }',
        variables: {
          input: { email: 'altra@cooperativa.example', password: 'frase secreta de prova 2026' },
        },
      }),
    });
    expect(await cookie.clone().text()).toContain('"id"');
    expect(cookie.headers.get('set-cookie')).toMatch(/proximitat_session=.+HttpOnly.+SameSite=Lax/i);
  });

  it('names every field at fault and writes nothing', async () => {
    const before = await api.db.account.count();
    const response = await api.graphql<{ register: Payload }>(contractOperation('Register'), {
      input: { email: 'no-es-un-correu', password: 'curta' },
    });
    expect(response.data?.register.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['input.email', 'VALIDATION'],
      ['input.password', 'VALIDATION'],
    ]);
    const common = await api.graphql<{ register: Payload }>(contractOperation('Register'), {
      input: { email: 'comu@example.org', password: '1qaz2wsx3edc' },
    });
    expect(common.data?.register.userErrors[0]).toMatchObject({
      field: 'input.password',
      message: expect.stringContaining('most common'),
    });
    const taken = await api.graphql<{ register: Payload }>(contractOperation('Register'), {
      input: { email: 'NOVA@cooperativa.example', password: 'una contrasenya ben llarga' },
    });
    expect(taken.data?.register.userErrors[0]).toMatchObject({ field: 'input.email', code: 'CONFLICT' });
    expect(await api.db.account.count()).toBe(before);
  });

  it('refuses short, common and email-based passwords', () => {
    expect(passwordProblem('abcdefghijk', 'a@b.cat')).toContain('at least 12');
    expect(passwordProblem('qwerty123456', 'a@b.cat')).toContain('most common');
    expect(passwordProblem('aaaaaaaaaaaaaa', 'a@b.cat')).toContain('too few');
    expect(passwordProblem('marta.puig-2026!', 'marta.puig@b.cat')).toContain('email');
    expect(passwordProblem('cooperativa de barri 2026', 'a@b.cat')).toBeNull();
  });
});

describe('me', () => {
  it('lists the companies the account edits, whatever their status', async () => {
    await importSampleCompanies(api.db, await loadPlaces(api.db), 3, 'me');
    const [first, second] = await api.db.company.findMany({ orderBy: { name: 'asc' }, take: 2 });
    await api.db.company.update({ where: { id: second?.id ?? '' }, data: { status: 'PENDING_REVIEW' } });
    for (const company of [first, second]) {
      await api.db.companyMembership.create({ data: { companyId: company?.id ?? '', accountId: user.id } });
    }
    const response = await api.graphql<{ me: { companies: { slug: string; status: string }[] } }>(
      contractOperation('Me'),
      {},
      { token: user.token },
    );
    expect(response.data?.me.companies.map((c) => c.slug).sort()).toEqual([first?.slug, second?.slug].sort());
    expect((await api.graphql(contractOperation('Me'))).data).toEqual({ me: null });
  });
});

describe('setAccountRole', () => {
  it('is for administrators only: others get a userError and nothing changes', async () => {
    const target = await signedIn(api, 'USER');
    for (const [caller, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [user, 'FORBIDDEN'],
      [staff, 'FORBIDDEN'],
    ] as const) {
      const response = await api.graphql<{ setAccountRole: Payload }>(
        contractOperation('SetAccountRole'),
        { accountId: target.id, role: 'STAFF' },
        caller ? { token: caller.token } : {},
      );
      expect(response.data?.setAccountRole).toEqual({
        account: null,
        userErrors: [expect.objectContaining({ code })],
      });
    }
    expect((await api.db.account.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('USER');

    const granted = await api.graphql<{ setAccountRole: Payload }>(
      contractOperation('SetAccountRole'),
      { accountId: target.id, role: 'PROCUREMENT_OFFICER' },
      { token: admin.token },
    );
    expect(granted.data?.setAccountRole).toMatchObject({
      account: { id: target.id, role: 'PROCUREMENT_OFFICER' },
      userErrors: [],
    });

    const self = await api.graphql<{ setAccountRole: Payload }>(
      contractOperation('SetAccountRole'),
      { accountId: admin.id, role: 'USER' },
      { token: admin.token },
    );
    expect(self.data?.setAccountRole.userErrors[0]).toMatchObject({ code: 'VALIDATION', field: 'role' });
    const missing = await api.graphql<{ setAccountRole: Payload }>(
      contractOperation('SetAccountRole'),
      { accountId: '00000000-0000-0000-0000-000000000000', role: 'STAFF' },
      { token: admin.token },
    );
    expect(missing.data?.setAccountRole.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves an audit entry that staff can read and others cannot', async () => {
    const query =
      '{ auditLog(first: 10, entityType: "Account") { totalCount edges { node { action entityId changes actor { email } } } } }';
    const asStaff = await api.graphql<{
      auditLog: {
        totalCount: number;
        edges: { node: { action: string; changes: string; actor: { email: string } } }[];
      };
    }>(query, {}, { token: staff.token });
    expect(asStaff.data?.auditLog.edges[0]?.node).toMatchObject({
      action: 'account.role',
      actor: { email: admin.email },
    });
    expect(JSON.parse(asStaff.data?.auditLog.edges[0]?.node.changes ?? '{}')).toEqual({
      role: { before: 'USER', after: 'PROCUREMENT_OFFICER' },
    });
    expect((await api.graphql(query, {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.graphql(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in throttling', () => {
  const LOGIN =
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token retryAfterSeconds userErrors { code message } } }';
  type Login = {
    login: {
      token: string | null;
      retryAfterSeconds: number | null;
      userErrors: { code: string; message: string }[];
    };
  };

  it('locks an account after repeated failures, even for the right password, and says when to retry', async () => {
    const target = await signedIn(api, 'USER');
    for (let attempt = 0; attempt < THROTTLE.accountFailures; attempt += 1) {
      const wrong = await api.graphql<Login>(LOGIN, {
        email: target.email,
        password: 'no és la contrasenya',
      });
      expect(wrong.data?.login.userErrors[0]?.code).toBe('UNAUTHENTICATED');
    }
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { email: target.email, password: target.password } }),
    });
    const body = (await response.json()) as { data: Login };
    expect(body.data.login).toMatchObject({ token: null, userErrors: [{ code: 'RATE_LIMITED' }] });
    expect(body.data.login.retryAfterSeconds).toBeGreaterThan(THROTTLE.lockMinutes * 60 - 10);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not affected...
    const other = await api.graphql<Login>(LOGIN, { email: user.email, password: user.password });
    expect(other.data?.login.token).toBeTruthy();
  });

  it('locks an address that tries many accounts, with the same answer for unknown emails', async () => {
    await api.db.loginThrottle.deleteMany();
    const answers = new Set<string>();
    for (let attempt = 0; attempt < THROTTLE.addressFailures; attempt += 1) {
      const email = attempt % 2 === 0 ? `ningu-${attempt}@example.org` : user.email;
      const wrong = await api.graphql<Login>(LOGIN, { email, password: `incorrecta ${attempt}` });
      answers.add(JSON.stringify(wrong.data?.login.userErrors));
      if (attempt % 2 === 1)
        await api.db.loginThrottle.deleteMany({ where: { key: { startsWith: 'account:' } } });
    }
    expect(answers.size).toBe(1);
    const blocked = await api.graphql<Login>(LOGIN, { email: user.email, password: user.password });
    expect(blocked.data?.login.userErrors[0]?.code).toBe('RATE_LIMITED');
    await api.db.loginThrottle.deleteMany();
  });
});
