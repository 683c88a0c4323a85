import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';
import { passwordProblem } from './password-policy.ts';

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
    const long = await api.graphql<{ register: Payload }>(contractOperation('Register'), {
      input: { email: `${'a'.repeat(3000)}@example.org`, password: 'x'.repeat(300) },
    });
    expect(long.data?.register.userErrors).toEqual([
      { field: 'input.email', code: 'VALIDATION', message: 'is longer than 254 characters' },
      {
        field: 'input.password',
        code: 'VALIDATION',
        message: 'The password must have at most 256 characters',
      },
    ]);
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
      contractOperation('SetAccountRole'),
      { accountId: target.id, role: 'PROCUREMENT_OFFICER' },
      { token: admin.token },
    );
    expect(response.data?.setAccountRole).toEqual({
      account: null,
      userErrors: [expect.objectContaining({ code: 'CONFLICT', field: 'accountId' })],
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
