import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';

/**
 * The authorisation matrix: every role (anonymous included) against every mutation that needs one
 * and every non-public field. A refused mutation answers with a userError and changes nothing.
 */
type Role = 'ANONYMOUS' | 'USER' | 'EDITOR' | 'PROCUREMENT_OFFICER' | 'STAFF' | 'ADMIN';
const ROLES: Role[] = ['ANONYMOUS', 'USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'];

let api: TestApi;
const tokens: Partial<Record<Role, string>> = {};
let companyId: string;
let companySlug: string;
let editor: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  await importSampleCompanies(api.db, await loadPlaces(api.db), 2, 'matrix');
  const company = await api.db.company.findFirstOrThrow({ orderBy: { name: 'asc' } });
  companyId = company.id;
  companySlug = company.slug;
  editor = await signedIn(api, 'USER');
  await api.db.companyMembership.create({ data: { companyId, accountId: editor.id } });
  tokens.EDITOR = editor.token;
  for (const role of ['USER', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'] as const)
    tokens[role] = (await signedIn(api, role)).token;
});
afterAll(async () => api?.close());

/** Rows that a refused call must leave as they were. */
async function snapshot() {
  const [audit, companies, revisions, memberships, accounts, changes, indicators, assessments] =
    await Promise.all([
      api.db.auditEntry.count(),
      api.db.company.findMany({ select: { id: true, status: true, updatedAt: true } }),
      api.db.companyRevision.count(),
      api.db.companyMembership.count(),
      api.db.account.findMany({ select: { id: true, role: true } }),
      api.db.measureStatusChange.count(),
      api.db.indicator.count(),
      api.db.districtAssessment.count(),
    ]);
  return JSON.stringify({
    audit,
    companies,
    revisions,
    memberships,
    accounts,
    changes,
    indicators,
    assessments,
  });
}

const PROFILE = { name: 'Matriu', taxId: 'F08123457', legalForm: 'COOP_TREBALL', sectors: ['NETEJA'] };

const MUTATIONS: {
  name: string;
  allowed: Role[];
  query: string;
  variables: () => Record<string, unknown>;
}[] = [
  {
    name: 'setMeasureStatus',
    allowed: ['STAFF', 'ADMIN'],
    query:
      'mutation ($input: SetMeasureStatusInput!) { setMeasureStatus(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { year: 1900, code: '0.0.Z', status: 'DONE' } }),
  },
  {
    name: 'upsertIndicator',
    allowed: ['STAFF', 'ADMIN'],
    query: 'mutation ($input: IndicatorInput!) { upsertIndicator(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { year: 1900, code: 'X', name: 'x', unit: 'x' } }),
  },
  {
    name: 'setIndicatorValue',
    allowed: ['STAFF', 'ADMIN'],
    query:
      'mutation ($input: IndicatorValueInput!) { setIndicatorValue(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { year: 1900, code: 'X', period: '1900', value: 1 } }),
  },
  {
    name: 'setDistrictAssessment',
    allowed: ['STAFF', 'ADMIN'],
    query:
      'mutation ($input: DistrictAssessmentInput!) { setDistrictAssessment(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { districtCode: '99', period: '1900', text: 'x' } }),
  },
  {
    name: 'setAccountRole',
    allowed: ['ADMIN'],
    query: 'mutation ($id: ID!) { setAccountRole(accountId: $id, role: STAFF) { userErrors { code } } }',
    variables: () => ({ id: '00000000-0000-0000-0000-000000000000' }),
  },
  {
    name: 'createCompanyProfile',
    allowed: ['USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'],
    query:
      'mutation ($input: CompanyProfileInput!) { createCompanyProfile(input: $input) { userErrors { code } } }',
    variables: () => ({ input: { ...PROFILE, taxId: 'not a tax id' } }),
  },
  {
    name: 'updateCompanyProfile',
    allowed: ['EDITOR'],
    query:
      'mutation ($id: ID!, $input: CompanyProfileInput!) { updateCompanyProfile(companyId: $id, input: $input) { userErrors { code } } }',
    variables: () => ({ id: companyId, input: { ...PROFILE, taxId: 'not a tax id' } }),
  },
  {
    name: 'claimCompany',
    allowed: ['USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'],
    query: 'mutation ($id: ID!) { claimCompany(companyId: $id, message: "") { userErrors { code } } }',
    variables: () => ({ id: companyId }),
  },
  {
    name: 'reviewRevision',
    allowed: ['STAFF', 'ADMIN'],
    query:
      'mutation { reviewRevision(id: "00000000-0000-0000-0000-000000000000", decision: APPROVE) { userErrors { code } } }',
    variables: () => ({}),
  },
  {
    name: 'addCompanyEditor',
    allowed: ['EDITOR', 'STAFF', 'ADMIN'],
    query:
      'mutation ($id: ID!) { addCompanyEditor(companyId: $id, email: "ningu@example.org") { userErrors { code } } }',
    variables: () => ({ id: companyId }),
  },
  ...(['revokeEditorInvitation'] as const).map((name) => ({
    name,
    allowed: ['USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'] as Role[],
    query: `mutation { ${name}(id: "00000000-0000-0000-0000-000000000000") { userErrors { code } } }`,
    variables: () => ({}),
  })),
  ...(['acceptEditorInvitation', 'declineEditorInvitation'] as const).map((name) => ({
    name,
    allowed: ['USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'] as Role[],
    query: `mutation { ${name}(id: "00000000-0000-0000-0000-000000000000") { userErrors { code } } }`,
    variables: () => ({}),
  })),
  {
    name: 'removeCompanyEditor',
    allowed: ['EDITOR', 'STAFF', 'ADMIN'],
    query:
      'mutation ($id: ID!) { removeCompanyEditor(companyId: $id, accountId: "00000000-0000-0000-0000-000000000000") { userErrors { code } } }',
    variables: () => ({ id: companyId }),
  },
];

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];

describe('the authorisation matrix', () => {
  for (const mutation of MUTATIONS) {
    it(`${mutation.name}: allowed for ${mutation.allowed.join(', ')} only`, async () => {
      for (const role of ROLES) {
        const before = await snapshot();
        const token = tokens[role];
        const response = await api.graphql<Record<string, { userErrors: { code: string }[] }>>(
          mutation.query,
          mutation.variables(),
          token ? { token } : {},
        );
        expect(response.errors, `${mutation.name} as ${role}`).toBeUndefined();
        const codes = response.data?.[mutation.name]?.userErrors.map((e) => e.code) ?? [];
        if (mutation.allowed.includes(role)) {
          expect(
            codes.filter((code) => AUTH_CODES.includes(code)),
            `${mutation.name} as ${role}`,
          ).toEqual([]);
        } else {
          expect(codes, `${mutation.name} as ${role}`).toEqual([
            role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          ]);
          expect(await snapshot(), `${mutation.name} as ${role} changed something`).toBe(before);
        }
      }
    });
  }

  it('non-public fields: staff-only lists refuse others, and company internals show only to editors and staff', async () => {
    for (const role of ROLES) {
      const token = tokens[role];
      const options = token ? { token } : {};
      const staffish = role === 'STAFF' || role === 'ADMIN';
      for (const query of [
        '{ auditLog(first: 1) { totalCount } }',
        '{ moderationQueue(first: 1) { totalCount } }',
      ]) {
        const response = await api.graphql(query, {}, options);
        if (staffish) expect(response.errors, `${query} as ${role}`).toBeUndefined();
        else
          expect(response.errors?.[0]?.extensions?.code, `${query} as ${role}`).toBe(
            role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          );
      }
      const sources = await api.graphql(
        'query ($slug: String!) { company(slug: $slug) { fieldSources { field } } }',
        { slug: companySlug },
        options,
      );
      expect(sources.errors === undefined, `fieldSources as ${role}`).toBe(staffish);
      const internals = await api.graphql<{
        company: { editors: { email: string }[]; revisions: unknown[] };
      }>(
        'query ($slug: String!) { company(slug: $slug) { editors { email } revisions { id } } }',
        { slug: companySlug },
        options,
      );
      const editors = internals.data?.company.editors ?? [];
      expect(editors.length > 0, `editors as ${role}`).toBe(staffish || role === 'EDITOR');
    }
  });
});

describe('managing editors', () => {
  it('removes editors, and never leaves a company without one', async () => {
    const colleague = await signedIn(api, 'USER');
    await api.db.companyMembership.create({ data: { companyId, accountId: colleague.id } });
    const remove =
      'mutation ($id: ID!, $account: ID!) { removeCompanyEditor(companyId: $id, accountId: $account) { userErrors { code } } }';
    await api.graphql(remove, { id: companyId, account: colleague.id }, { token: editor.token });
    const last = await api.graphql<{ removeCompanyEditor: { userErrors: { code: string }[] } }>(
      remove,
      { id: companyId, account: editor.id },
      { token: editor.token },
    );
    expect(last.data?.removeCompanyEditor.userErrors).toEqual([{ code: 'CONFLICT' }]);
    expect(await api.db.companyMembership.count({ where: { companyId } })).toBe(1);
  });
});
