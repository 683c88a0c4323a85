import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseInput } from '../common/validation.ts';
import { loadPlaces } from '../directory/places.ts';
import { RegisterInputSchema, ResetPasswordInputSchema } from './account-input.ts';

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

type Problem = {
  field: string | null;
  code: string;
  reason: string;
  params: { name: string; value: string }[];
};
type Payload = {
  account: { id: string; email: string; role: string } | null;
  userErrors: Problem[];
};

const PROBLEMS = 'userErrors { field code reason params { name value } }';
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { account { id } ${PROBLEMS} } }`;
const SET_ROLE = `mutation ($accountId: ID!, $role: Role!) { setAccountRole(accountId: $accountId, role: $role) { account { id email role } ${PROBLEMS} } }`;

/** The reasons (and their parameters) a register input is refused with, by field. */
function refusals(input: Record<string, unknown>): [string | null, string, Record<string, string>][] {
  const parsed = parseInput(RegisterInputSchema, input, 'input');
  if (parsed.ok) return [];
  return parsed.errors.map((e) => [
    e.field,
    e.reason,
    Object.fromEntries(e.params.map((p) => [p.name, p.value])),
  ]);
}

describe('register', () => {
  it('creates an unverified USER account, hashes the password with argon2id, and signs nobody in', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: contractOperation('Register'),
        variables: {
          input: {
            email: '  Nova@Cooperativa.example ',
            password: 'la meva contrasenya llarga',
            name: 'Nova',
          },
        },
      }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      register: { account: null, userErrors: [] },
    });
    expect(response.headers.get('set-cookie')).toBeNull();
    const stored = await api.db.account.findUniqueOrThrow({ where: { email: 'nova@cooperativa.example' } });
    expect(stored).toMatchObject({ role: 'USER', name: 'Nova', emailVerifiedAt: null });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    // The owner signs in with the password chosen.
    const login = await api.graphql<{ login: { token: string | null } }>(contractOperation('Login'), {
      email: 'nova@cooperativa.example',
      password: 'la meva contrasenya llarga',
    });
    expect(login.data?.login.token).toBeTruthy();
  });

  it('names every field at fault, with its reason, and writes nothing', async () => {
    const before = await api.db.account.count();
    const response = await api.graphql<{ register: Payload }>(REGISTER, {
      input: { email: 'no-es-un-correu', password: 'curta' },
    });
    expect(response.data?.register.userErrors).toEqual([
      { field: 'input.email', code: 'VALIDATION', reason: 'NOT_AN_EMAIL', params: [] },
      {
        field: 'input.password',
        code: 'VALIDATION',
        reason: 'TOO_SHORT',
        params: [{ name: 'min', value: '12' }],
      },
    ]);
    const common = await api.graphql<{ register: Payload }>(REGISTER, {
      input: { email: 'comu@example.org', password: '1qaz2wsx3edc' },
    });
    expect(common.data?.register.userErrors).toEqual([
      { field: 'input.password', code: 'VALIDATION', reason: 'PASSWORD_TOO_COMMON', params: [] },
    ]);
    const long = await api.graphql<{ register: Payload }>(REGISTER, {
      input: { email: `${'a'.repeat(3000)}@example.org`, password: 'x'.repeat(300), name: 'n'.repeat(201) },
    });
    expect(long.data?.register.userErrors).toEqual([
      {
        field: 'input.email',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '254' }],
      },
      {
        field: 'input.password',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '256' }],
      },
      {
        field: 'input.name',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '200' }],
      },
    ]);
    const empty = await api.graphql<{ register: Payload }>(REGISTER, {
      input: { email: '  ', password: '' },
    });
    expect(empty.data?.register.userErrors.map((e) => [e.field, e.reason])).toEqual([
      ['input.email', 'REQUIRED'],
      ['input.password', 'TOO_SHORT'],
    ]);
    expect(await api.db.account.count()).toBe(before);
  });

  it('writes the message in the language of the request', async () => {
    const query = 'mutation ($input: RegisterInput!) { register(input: $input) { userErrors { message } } }';
    const input = { input: { email: 'comu@example.org', password: 'qwerty123456' } };
    const messages = await Promise.all(
      [undefined, 'es-ES,es;q=0.9', 'en-GB'].map(async (language) => {
        const response = await api.graphql<{ register: { userErrors: { message: string }[] } }>(
          query,
          input,
          language ? { headers: { 'accept-language': language } } : {},
        );
        return response.data?.register.userErrors[0]?.message;
      }),
    );
    expect(messages).toEqual([
      "És una de les contrasenyes més habituals: tria'n una altra.",
      'Es una de las contraseñas más habituales: elige otra.',
      'This is one of the most common passwords: choose another.',
    ]);
  });

  it('refuses short, long, common, repetitive and email-based passwords, and over-long names', () => {
    const valid = { email: 'a@b.cat', password: 'cooperativa de barri 2026' };
    expect(refusals({ ...valid, password: 'abcdefghijk' })).toEqual([
      ['input.password', 'TOO_SHORT', { min: '12' }],
    ]);
    expect(refusals({ ...valid, password: 'x'.repeat(257) })).toEqual([
      ['input.password', 'TOO_LONG', { max: '256' }],
    ]);
    expect(refusals({ ...valid, password: 'qwerty123456' })).toEqual([
      ['input.password', 'PASSWORD_TOO_COMMON', {}],
    ]);
    expect(refusals({ ...valid, password: 'aaaaaaaaaaaaaa' })).toEqual([
      ['input.password', 'PASSWORD_TOO_REPETITIVE', { min: '4' }],
    ]);
    expect(refusals({ email: 'marta.puig@b.cat', password: 'marta.puig-2026!' })).toEqual([
      ['input.password', 'PASSWORD_CONTAINS_EMAIL', {}],
    ]);
    expect(refusals({ ...valid, name: `  ${'n'.repeat(200)}  ` })).toEqual([]);
    expect(refusals({ ...valid, name: 'n'.repeat(201) })).toEqual([
      ['input.name', 'TOO_LONG', { max: '200' }],
    ]);
    expect(refusals(valid)).toEqual([]);
    // A reset knows the account's address only from its token: the service checks that one.
    expect(parseInput(ResetPasswordInputSchema, { token: 't', password: 'marta.puig-2026!' }, '').ok).toBe(
      true,
    );
  });

  it('normalises what it stores: the address trimmed and lowercased, an empty name as none, Catalan by default', () => {
    const parsed = parseInput(RegisterInputSchema, {
      email: ' Nova@Example.ORG ',
      password: 'una frase prou llarga',
      name: '   ',
    });
    expect(parsed).toEqual({
      ok: true,
      data: { email: 'nova@example.org', password: 'una frase prou llarga', name: null, locale: 'CA' },
    });
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
        SET_ROLE,
        { accountId: target.id, role: 'STAFF' },
        caller ? { token: caller.token } : {},
      );
      expect(response.data?.setAccountRole).toEqual({
        account: null,
        userErrors: [
          {
            field: null,
            code,
            reason: code === 'UNAUTHENTICATED' ? 'SIGN_IN_REQUIRED' : 'NOT_ALLOWED',
            params: [],
          },
        ],
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
      SET_ROLE,
      { accountId: admin.id, role: 'USER' },
      { token: admin.token },
    );
    expect(self.data?.setAccountRole.userErrors).toEqual([
      { field: 'role', code: 'VALIDATION', reason: 'OWN_ADMIN_ROLE', params: [] },
    ]);
    for (const accountId of ['00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      const missing = await api.graphql<{ setAccountRole: Payload }>(
        SET_ROLE,
        { accountId, role: 'STAFF' },
        { token: admin.token },
      );
      expect(missing.data?.setAccountRole.userErrors).toEqual([
        { field: 'accountId', code: 'NOT_FOUND', reason: 'ACCOUNT_NOT_FOUND', params: [] },
      ]);
    }
  });

  it('leaves an audit entry that staff can read and others cannot', async () => {
    const target = await signedIn(api, 'USER');
    const granted = await api.graphql<{ setAccountRole: Payload }>(
      contractOperation('SetAccountRole'),
      { accountId: target.id, role: 'PROCUREMENT_OFFICER' },
      { token: admin.token },
    );
    expect(granted.data?.setAccountRole.userErrors).toEqual([]);
    const query = `{ auditLog(first: 10, entityType: "Account", entityId: "${target.id}") { totalCount edges { node { action entityId changes actor { email } } } } }`;
    const asStaff = await api.graphql<{
      auditLog: {
        totalCount: number;
        edges: { node: { action: string; changes: string; actor: { email: string } } }[];
      };
    }>(query, {}, { token: staff.token });
    expect(asStaff.data?.auditLog.totalCount).toBe(1);
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

describe('roles need a verified email', () => {
  const SHORTLISTS = '{ myShortlists(first: 5) { totalCount } }';
  const AUDIT = '{ auditLog(first: 1) { totalCount } }';

  it('an unverified officer or staff member has no officer or staff powers', async () => {
    const officer = await signedIn(api, 'PROCUREMENT_OFFICER', { verified: false });
    const unverifiedStaff = await signedIn(api, 'STAFF', { verified: false });
    const verifiedOfficer = await signedIn(api, 'PROCUREMENT_OFFICER');
    expect((await api.graphql(SHORTLISTS, {}, { token: officer.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await api.graphql(AUDIT, {}, { token: unverifiedStaff.token })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.graphql(SHORTLISTS, {}, { token: verifiedOfficer.token })).errors).toBeUndefined();
    // Once the address is confirmed, the same session has the role.
    await api.db.account.update({ where: { id: officer.id }, data: { emailVerifiedAt: new Date() } });
    expect((await api.graphql(SHORTLISTS, {}, { token: officer.token })).errors).toBeUndefined();
  });

  it('setAccountRole refuses a role above USER for an unverified account, naming accountId', async () => {
    const target = await signedIn(api, 'USER', { verified: false });
    const response = await api.graphql<{ setAccountRole: Payload }>(
      SET_ROLE,
      { accountId: target.id, role: 'PROCUREMENT_OFFICER' },
      { token: admin.token },
    );
    expect(response.data?.setAccountRole).toEqual({
      account: null,
      userErrors: [{ field: 'accountId', code: 'CONFLICT', reason: 'ACCOUNT_EMAIL_UNVERIFIED', params: [] }],
    });
    expect((await api.db.account.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('USER');
  });

  it('a role change ends the sessions the account had', async () => {
    const target = await signedIn(api, 'USER');
    const granted = await api.graphql<{ setAccountRole: Payload }>(
      contractOperation('SetAccountRole'),
      { accountId: target.id, role: 'STAFF' },
      { token: admin.token },
    );
    expect(granted.data?.setAccountRole.userErrors).toEqual([]);
    expect((await api.graphql('{ me { id } }', {}, { token: target.token })).data).toEqual({ me: null });
    // The administrator's own session goes on.
    expect((await api.graphql('{ me { id } }', {}, { token: admin.token })).data).toEqual({
      me: { id: admin.id },
    });
  });
});
