import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import {
  addEditor,
  esgAnswers,
  pendingClaim,
  pendingEditorInvitation,
  seedAward,
  seedCompany,
  seedEsg,
  seedShortlist,
  seedTender,
  submittedAssessment,
  uniqueTag,
} from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { readPlanFile, SEED_PLAN_FILE } from '../plan/plan-file.ts';
import { importPlan } from '../plan/plan-import.service.ts';

/**
 * The authorisation matrix, built from the schema: every mutation is either on the PUBLIC list
 * (with why anyone may call it) or has a case saying which roles may call it and how to call it;
 * every query field is public (with why) or has a case; every type and field the schema guards
 * (scope-auth) has a case. A mutation, query or guarded field without either fails the first
 * tests, so nothing new goes unguarded by accident.
 *
 * Each case runs every role (anonymous included) against state of its own: the refused roles
 * first, each answered with exactly UNAUTHENTICATED (anonymous) or FORBIDDEN (or NOT_FOUND where
 * the case says the object is hidden from that role), and the database exactly as before; then
 * the allowed roles, which must get past the guards (their call may still fail on its input).
 */
type Role = 'ANONYMOUS' | 'USER' | 'EDITOR' | 'PROCUREMENT_OFFICER' | 'STAFF' | 'ADMIN';
const ROLES: Role[] = ['ANONYMOUS', 'USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'];
const SIGNED_IN: Role[] = ['USER', 'EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'];
const PROCUREMENT: Role[] = ['PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'];
const STAFF: Role[] = ['STAFF', 'ADMIN'];
const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];
const NONE = '00000000-0000-0000-0000-000000000000';

let api: TestApi;
/** The signed-in roles. EDITOR is a USER whom each case makes an editor of its own company. */
let accounts: Record<Exclude<Role, 'ANONYMOUS'>, TestAccount>;

beforeAll(async () => {
  api = await startTestApi();
  await seedEsg(api);
  const { parsed, facts } = await readPlanFile(SEED_PLAN_FILE);
  await importPlan(api.db, parsed, facts);
  accounts = {
    USER: await signedIn(api, 'USER'),
    EDITOR: await signedIn(api, 'USER'),
    PROCUREMENT_OFFICER: await signedIn(api, 'PROCUREMENT_OFFICER'),
    STAFF: await signedIn(api, 'STAFF'),
    ADMIN: await signedIn(api, 'ADMIN'),
  };
});
afterAll(async () => api?.close());

const as = (role: Role) => (role === 'ANONYMOUS' ? {} : { token: accounts[role].token });
/** A published company of the case's own, edited by EDITOR. */
const editedCompany = () => seedCompany(api, { editors: [accounts.EDITOR] });

// ---------------------------------------------------------------- the database, before and after

/** Columns that change on every request and say nothing about what a call did. */
const VOLATILE: Record<string, string[]> = { Session: ['lastSeenAt'] };
let snapshotQuery: string | undefined;

/**
 * Every table of the database, each as a digest of all its rows: a refused call must leave every
 * one as it was (a table added later is covered without touching this test).
 */
async function snapshot(): Promise<Record<string, string>> {
  if (!snapshotQuery) {
    const columns = await api.db.$queryRawUnsafe<{ table: string; column: string }[]>(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%'
         AND table_name IN (SELECT table_name FROM information_schema.tables
                            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
       ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table, column } of columns) {
      if (VOLATILE[table]?.includes(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), column]);
    }
    const parts = [...byTable].map(
      ([table, cols]) =>
        `'${table}', (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM (SELECT ${cols
          .map((c) => `"${c}"`)
          .join(', ')} FROM "${table}") r)`,
    );
    snapshotQuery = `SELECT json_build_object(${parts.join(', ')}) AS digest`;
  }
  const [row] = await api.db.$queryRawUnsafe<{ digest: Record<string, string> }[]>(snapshotQuery);
  return row?.digest ?? {};
}

/** The tables whose rows differ between two snapshots. */
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);

// ---------------------------------------------------------------- mutations

/** Mutations anyone may call, signed in or not, and why. */
const PUBLIC_MUTATIONS: Record<string, string> = {
  register: 'signing up is how an account starts; the answer is the same for a known address',
  login: 'signing in is how a session starts; throttled per account and address',
  logout: "ends the caller's own session, if any; without one it does nothing",
  requestPasswordReset: 'for whoever forgot their password; the answer is the same for any address',
  resetPassword: 'authorised by the single-use token mailed to the address, not by a session',
  verifyEmail: 'authorised by the single-use token mailed to the address, not by a session',
};

interface MutationCase {
  /** The roles that get past the guards. */
  allowed: Role[];
  /** Refused roles answered NOT_FOUND instead of FORBIDDEN, by design: for them the object does not exist. */
  hiddenFrom?: Role[];
  /** The arguments of a call of valid shape, on state the case makes for itself. */
  args: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

const INVALID_PROFILE = {
  name: 'Matriu',
  taxId: 'not a tax id',
  legalForm: 'COOP_TREBALL',
  sectors: ['NETEJA'],
};
const TENDER = { title: 'Neteja de les escoles del districte', cpvCodes: ['90910000-9'] };
const INVALID_AWARD = {
  title: '',
  reference: 'EXP-0',
  amount: -1,
  cpvCode: 'not a cpv code',
  awardedOn: '2025-01-01',
  procurementMethod: 'DIRECT',
};

/** An invitation to edit a fresh company, sent to USER's address: only USER may answer it. */
const invitationForUser = async () => {
  const company = await editedCompany();
  return { id: (await pendingEditorInvitation(api, company.id, accounts.EDITOR, accounts.USER.email)).id };
};

const MUTATIONS: Record<string, MutationCase> = {
  // Company profiles and moderation.
  createCompanyProfile: { allowed: SIGNED_IN, args: () => ({ input: INVALID_PROFILE }) },
  updateCompanyProfile: {
    allowed: ['EDITOR'],
    args: async () => ({ companyId: (await editedCompany()).id, input: INVALID_PROFILE }),
  },
  claimCompany: {
    // Anyone signed in may ask; this company has an editor, so every claim is a CONFLICT.
    allowed: SIGNED_IN,
    args: async () => ({ companyId: (await editedCompany()).id, message: 'És nostra.' }),
  },
  reviewRevision: {
    allowed: STAFF,
    // A rejection without a reason: staff get VALIDATION, and the claim stays pending.
    args: async () => ({
      id: (await pendingClaim(api, (await editedCompany()).id, accounts.USER)).id,
      decision: 'REJECT',
    }),
  },
  // Editors of a company.
  addCompanyEditor: {
    allowed: ['EDITOR', ...STAFF],
    args: async () => ({ companyId: (await editedCompany()).id, email: `nova-${uniqueTag()}@example.org` }),
  },
  removeCompanyEditor: {
    allowed: ['EDITOR', ...STAFF],
    args: async () => ({ companyId: (await editedCompany()).id, accountId: NONE }),
  },
  revokeEditorInvitation: {
    allowed: ['EDITOR', ...STAFF],
    args: async () => {
      const company = await editedCompany();
      return { id: (await pendingEditorInvitation(api, company.id, accounts.EDITOR)).id };
    },
  },
  acceptEditorInvitation: {
    allowed: ['USER'],
    hiddenFrom: ['EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'],
    args: invitationForUser,
  },
  declineEditorInvitation: {
    allowed: ['USER'],
    hiddenFrom: ['EDITOR', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'],
    args: invitationForUser,
  },
  // ESG.
  submitEsgAssessment: {
    allowed: ['EDITOR'],
    // No answers at all: the editor gets VALIDATION.
    args: async () => ({ companyId: (await editedCompany()).id, answers: [] }),
  },
  reviewEsgAssessment: {
    allowed: STAFF,
    // A rejection without a reason: staff get VALIDATION.
    args: async () => {
      const company = await editedCompany();
      return {
        id: (await submittedAssessment(api, company.id, accounts.EDITOR, esgAnswers())).id,
        decision: 'REJECT',
      };
    },
  },
  // Accounts.
  setAccountRole: { allowed: ['ADMIN'], args: () => ({ accountId: NONE, role: 'STAFF' }) },
  // The work plan and its accountability.
  setMeasureStatus: {
    allowed: STAFF,
    args: () => ({ input: { year: 1900, code: '0.0.Z', status: 'DONE' } }),
  },
  upsertIndicator: {
    allowed: STAFF,
    args: () => ({ input: { year: 1900, code: 'X', name: 'x', unit: 'x' } }),
  },
  setIndicatorValue: {
    allowed: STAFF,
    args: () => ({ input: { year: 1900, code: 'X', period: '1900', value: 1 } }),
  },
  setDistrictAssessment: {
    allowed: STAFF,
    args: () => ({ input: { districtCode: '99', period: '1900', text: 'x' } }),
  },
  // Shortlists: officers and staff; only the owner changes one (staff read it).
  createShortlist: { allowed: PROCUREMENT, args: () => ({ input: { name: '' } }) },
  updateShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({
      id: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id,
      input: { name: 'Llista canviada' },
    }),
  },
  deleteShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({ id: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id }),
  },
  addToShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({
      shortlistId: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id,
      companyId: (await editedCompany()).id,
      note: 'bona candidata',
    }),
  },
  removeFromShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => {
      const company = await editedCompany();
      const shortlist = await seedShortlist(api, accounts.PROCUREMENT_OFFICER, [company.id]);
      return { shortlistId: shortlist.id, companyId: company.id };
    },
  },
  setShortlistNote: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => {
      const company = await editedCompany();
      const shortlist = await seedShortlist(api, accounts.PROCUREMENT_OFFICER, [company.id]);
      return { shortlistId: shortlist.id, companyId: company.id, note: 'nota nova' };
    },
  },
  shareShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({
      shortlistId: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id,
      email: `colega-${uniqueTag()}@example.org`,
    }),
  },
  unshareShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => {
      const shortlist = await seedShortlist(api, accounts.PROCUREMENT_OFFICER);
      const email = `colega-${uniqueTag()}@example.org`;
      await api.db.shortlistShare.create({ data: { shortlistId: shortlist.id, email } });
      return { shortlistId: shortlist.id, email };
    },
  },
  snapshotShortlist: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({ shortlistId: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id }),
  },
  // Tenders: officers and staff; only the owner changes one.
  createTender: { allowed: PROCUREMENT, args: () => ({ input: { title: '' } }) },
  updateTender: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({ id: (await seedTender(api, accounts.PROCUREMENT_OFFICER)).id, input: TENDER }),
  },
  inviteSuppliers: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => ({
      tenderId: (await seedTender(api, accounts.PROCUREMENT_OFFICER)).id,
      companyIds: [(await editedCompany()).id],
      message: 'Us hi convidem.',
    }),
  },
  recordInvitationResponse: {
    allowed: ['PROCUREMENT_OFFICER'],
    args: async () => {
      const tender = await seedTender(api, accounts.PROCUREMENT_OFFICER, await editedCompany());
      return { invitationId: tender.invitationId, response: 'INTERESTED', note: 'Per telèfon.' };
    },
  },
  // Contract awards: officers and staff; who recorded one, or staff, change it.
  recordContractAward: { allowed: PROCUREMENT, args: () => ({ input: INVALID_AWARD }) },
  updateContractAward: {
    allowed: PROCUREMENT,
    args: async () => ({ id: (await seedAward(api, accounts.PROCUREMENT_OFFICER)).id, input: INVALID_AWARD }),
  },
  deleteContractAward: {
    allowed: PROCUREMENT,
    args: async () => ({ id: (await seedAward(api, accounts.PROCUREMENT_OFFICER)).id }),
  },
};

/** A call of the mutation with every argument as a variable, asking only for its userErrors. */
function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation ${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''} { userErrors { code field } } }`;
}

// ---------------------------------------------------------------- reads

/** Query fields anyone may read, and why. */
const PUBLIC_QUERIES: Record<string, string> = {
  accountabilityReport: "a district's accountability for a period is published by the city",
  certifications: 'reference data',
  cpvEntries: 'reference data (the CPV vocabulary)',
  cpvVocabulary: 'reference data (the CPV vocabulary)',
  contractAwards: 'awarded contracts are public (they feed the OCDS export)',
  currentWorkPlan: 'the work plan is published',
  district: 'reference data',
  districts: 'reference data',
  ecosystemStats: 'statistics over published companies only',
  esgCriteria: 'the homologation criteria are public',
  indicators: "the plan's indicators are published",
  legalForms: 'reference data',
  measure: 'the work plan is published (who changed a status is guarded: MeasureStatusChange.by)',
  procurementIndicators: 'aggregates of public awards',
  searchCompanies: 'searches published companies only',
  searchCompanyPoints: 'the located published companies of a search (a costly field: one per request)',
  sectors: 'reference data',
  socialClauses: 'reference data',
  workPlan: 'the work plan is published',
  workPlans: 'the work plans are published',
};

interface ReadCase {
  /** The roles that see the guarded thing. */
  allowed: Role[];
  /**
   * How the others are refused: `error`, an error FORBIDDEN (UNAUTHENTICATED when anonymous);
   * `hidden`, an answer without it, as if it did not exist; `signIn`, anonymous callers are asked
   * to sign in (UNAUTHENTICATED) and the others get an answer without it.
   */
  refusal: 'error' | 'hidden' | 'signIn';
  query: string;
  /** The variables, on state the case makes for itself. */
  variables?: () => Promise<Record<string, unknown>>;
  /** Whether the answer shows the guarded thing. */
  shows: (data: Record<string, never> | null | undefined) => boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, read by each case.
type Data = any;
const slugOf = async (company: Promise<{ slug: string }>) => ({ slug: (await company).slug });

/**
 * Keyed by schema coordinate: "Query.field" for a query, "Type.field" for a guarded field, "Type"
 * for a guarded type (read where a client could reach it).
 */
const READS: Record<string, ReadCase> = {
  'Query.auditLog': {
    allowed: STAFF,
    refusal: 'error',
    query: '{ auditLog(first: 1) { totalCount } }',
    shows: (data: Data) => typeof data?.auditLog?.totalCount === 'number',
  },
  'Query.moderationQueue': {
    allowed: STAFF,
    refusal: 'error',
    query: '{ moderationQueue(first: 1) { totalCount } }',
    shows: (data: Data) => typeof data?.moderationQueue?.totalCount === 'number',
  },
  'Query.esgReviewQueue': {
    allowed: STAFF,
    refusal: 'error',
    query: '{ esgReviewQueue(first: 1) { totalCount } }',
    shows: (data: Data) => typeof data?.esgReviewQueue?.totalCount === 'number',
  },
  'Query.myShortlists': {
    allowed: PROCUREMENT,
    refusal: 'error',
    query: '{ myShortlists(first: 1) { totalCount } }',
    shows: (data: Data) => typeof data?.myShortlists?.totalCount === 'number',
  },
  'Query.myTenders': {
    allowed: PROCUREMENT,
    refusal: 'error',
    query: '{ myTenders(first: 1) { totalCount } }',
    shows: (data: Data) => typeof data?.myTenders?.totalCount === 'number',
  },
  'Query.shortlist': {
    allowed: PROCUREMENT,
    refusal: 'signIn',
    query: 'query ($id: ID!) { shortlist(id: $id) { id name } }',
    variables: async () => ({ id: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER)).id }),
    shows: (data: Data) => Boolean(data?.shortlist?.id),
  },
  'Query.tender': {
    allowed: PROCUREMENT,
    refusal: 'signIn',
    query: 'query ($id: ID!) { tender(id: $id) { id title } }',
    variables: async () => ({ id: (await seedTender(api, accounts.PROCUREMENT_OFFICER)).id }),
    shows: (data: Data) => Boolean(data?.tender?.id),
  },
  'Query.me': {
    // Each signed-in account reads its own account; anonymous callers get null.
    allowed: SIGNED_IN,
    refusal: 'hidden',
    query: '{ me { id email } }',
    shows: (data: Data) => Boolean(data?.me?.id),
  },
  'Query.company': {
    // Published companies are public; one under review shows only to its editors and staff.
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { id status } }',
    variables: () => slugOf(seedCompany(api, { editors: [accounts.EDITOR], status: 'PENDING_REVIEW' })),
    shows: (data: Data) => Boolean(data?.company?.id),
  },
  'Query.companies': {
    // The listing is public; listing unpublished companies (filter.statuses) is for staff.
    allowed: STAFF,
    refusal: 'error',
    query: '{ companies(first: 1, filter: { statuses: [PENDING_REVIEW] }) { totalCount } }',
    shows: (data: Data) => typeof data?.companies?.totalCount === 'number',
  },
  'Company.fieldSources': {
    allowed: STAFF,
    refusal: 'error',
    query: 'query ($slug: String!) { company(slug: $slug) { fieldSources { field source } } }',
    variables: () => slugOf(editedCompany()),
    shows: (data: Data) => (data?.company?.fieldSources?.length ?? 0) > 0,
  },
  'Company.editors': {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { editors { email } } }',
    variables: () => slugOf(editedCompany()),
    shows: (data: Data) => (data?.company?.editors?.length ?? 0) > 0,
  },
  'Company.editorInvitations': {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { editorInvitations { email } } }',
    variables: async () => {
      const company = await editedCompany();
      await pendingEditorInvitation(api, company.id, accounts.EDITOR);
      return { slug: company.slug };
    },
    shows: (data: Data) => (data?.company?.editorInvitations?.length ?? 0) > 0,
  },
  'Company.latestEsgAssessment': {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { latestEsgAssessment { id score } } }',
    variables: async () => {
      const company = await editedCompany();
      await submittedAssessment(api, company.id, accounts.EDITOR, esgAnswers());
      return { slug: company.slug };
    },
    shows: (data: Data) => Boolean(data?.company?.latestEsgAssessment?.id),
  },
  'Company.revisions': {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { revisions { id status } } }',
    variables: async () => {
      const company = await editedCompany();
      await pendingClaim(api, company.id, accounts.USER);
      return { slug: company.slug };
    },
    shows: (data: Data) => (data?.company?.revisions?.length ?? 0) > 0,
  },
  'Account.editorInvitations': {
    // Only the invited account itself (with its address verified) reads its invitations.
    allowed: ['USER'],
    refusal: 'hidden',
    query: '{ me { editorInvitations { id } } }',
    variables: async () => {
      await invitationForUser();
      return {};
    },
    shows: (data: Data) => (data?.me?.editorInvitations?.length ?? 0) > 0,
  },
  'MeasureStatusChange.by': {
    allowed: STAFF,
    refusal: 'hidden',
    query:
      '{ measure(year: 2018, code: "2.6.A") { history(first: 1) { edges { node { to by { email } } } } } }',
    variables: async () => {
      const response = await api.graphql(
        'mutation { setMeasureStatus(input: { year: 2018, code: "2.6.A", status: IN_PROGRESS }) { userErrors { code } } }',
        {},
        as('STAFF'),
      );
      expect(response.data).toEqual({ setMeasureStatus: { userErrors: [] } });
      return {};
    },
    shows: (data: Data) => Boolean(data?.measure?.history?.edges?.[0]?.node?.by?.email),
  },
  // Guarded types, read by the way a client reaches each of them.
  Account: {
    // An account is visible to itself and to staff: reached by everyone through `me` (their own),
    // by staff through the audit log's actors.
    allowed: SIGNED_IN,
    refusal: 'hidden',
    query: '{ me { id email role } }',
    shows: (data: Data) => Boolean(data?.me?.email),
  },
  CompanyRevision: {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { revisions { id kind message } } }',
    variables: async () => {
      const company = await editedCompany();
      await pendingClaim(api, company.id, accounts.USER, 'Som les sòcies.');
      return { slug: company.slug };
    },
    shows: (data: Data) => (data?.company?.revisions?.length ?? 0) > 0,
  },
  EditorInvitation: {
    // The company's editors and staff, and the invited account (Account.editorInvitations).
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query: 'query ($slug: String!) { company(slug: $slug) { editorInvitations { id email status } } }',
    variables: async () => {
      const company = await editedCompany();
      await pendingEditorInvitation(api, company.id, accounts.EDITOR);
      return { slug: company.slug };
    },
    shows: (data: Data) => (data?.company?.editorInvitations?.length ?? 0) > 0,
  },
  EsgAssessment: {
    allowed: ['EDITOR', ...STAFF],
    refusal: 'hidden',
    query:
      'query ($slug: String!) { company(slug: $slug) { latestEsgAssessment { id status answers { level } } } }',
    variables: async () => {
      const company = await editedCompany();
      await submittedAssessment(api, company.id, accounts.EDITOR, esgAnswers());
      return { slug: company.slug };
    },
    shows: (data: Data) => Boolean(data?.company?.latestEsgAssessment?.id),
  },
  Shortlist: {
    // The owner, colleagues it is shared with, and staff, while they hold a procurement role.
    allowed: PROCUREMENT,
    refusal: 'signIn',
    query: 'query ($id: ID!) { shortlist(id: $id) { id owner { email } entries(first: 5) { totalCount } } }',
    variables: async () => {
      const company = await editedCompany();
      return { id: (await seedShortlist(api, accounts.PROCUREMENT_OFFICER, [company.id])).id };
    },
    shows: (data: Data) => Boolean(data?.shortlist?.id),
  },
  Tender: {
    allowed: PROCUREMENT,
    refusal: 'signIn',
    query: 'query ($id: ID!) { tender(id: $id) { id invitations { email } } }',
    variables: async () => ({
      id: (await seedTender(api, accounts.PROCUREMENT_OFFICER, await editedCompany())).id,
    }),
    shows: (data: Data) => Boolean(data?.tender?.id),
  },
};

// ---------------------------------------------------------------- what the schema guards

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown };
}
const guarded = (extensions: unknown) =>
  (extensions as PothosExtensions | undefined)?.pothosOptions?.authScopes !== undefined;

const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
);
const mutationFields = schema.getMutationType()?.getFields() ?? {};
const queryFields = schema.getQueryType()?.getFields() ?? {};

/** Every type and non-root field with a scope-auth guard, as schema coordinates. */
const guardedCoordinates = objectTypes.flatMap((type) => [
  ...(guarded(type.extensions) ? [type.name] : []),
  ...(type.name === 'Mutation'
    ? []
    : Object.values(type.getFields())
        .filter((field) => guarded(field.extensions))
        .map((field) => `${type.name}.${field.name}`)),
]);

describe('the authorisation matrix covers the whole schema', () => {
  it('every mutation is public (with a reason) or has a case; none is both, none is stale', () => {
    const names = Object.keys(mutationFields);
    const uncovered = names.filter((name) => !PUBLIC_MUTATIONS[name] && !MUTATIONS[name]);
    expect(uncovered, 'mutations with neither a case nor a place on the public list').toEqual([]);
    expect(Object.keys(PUBLIC_MUTATIONS).filter((name) => MUTATIONS[name])).toEqual([]);
    const stale = [...Object.keys(PUBLIC_MUTATIONS), ...Object.keys(MUTATIONS)].filter(
      (name) => !mutationFields[name],
    );
    expect(stale, 'listed mutations the schema does not have').toEqual([]);
  });

  it('public mutations carry no guard, and every guarded one answers refusals in userErrors', () => {
    for (const name of Object.keys(PUBLIC_MUTATIONS)) {
      expect(guarded(mutationFields[name]?.extensions), `${name} is guarded: give it a case`).toBe(false);
    }
    for (const name of Object.keys(MUTATIONS)) {
      const field = mutationFields[name];
      const payload = field && getNamedType(field.type);
      expect(isObjectType(payload) && payload.getFields().userErrors, `${name} has userErrors`).toBeTruthy();
      expect(isNonNullType(field?.type), `${name} always answers a payload`).toBe(true);
    }
  });

  it('every query field is public (with a reason) or has a case; none is stale', () => {
    const names = Object.keys(queryFields);
    const uncovered = names.filter((name) => !PUBLIC_QUERIES[name] && !READS[`Query.${name}`]);
    expect(uncovered, 'query fields with neither a case nor a place on the public list').toEqual([]);
    const both = Object.keys(PUBLIC_QUERIES).filter((name) => READS[`Query.${name}`]);
    expect(both).toEqual([]);
    for (const name of Object.keys(PUBLIC_QUERIES)) {
      expect(queryFields[name], `${name} is not a query field`).toBeDefined();
      expect(guarded(queryFields[name]?.extensions), `${name} is guarded: give it a case`).toBe(false);
    }
  });

  it("every case's document is valid against the schema", () => {
    const documents = [
      ...Object.values(mutationFields)
        .filter((field) => MUTATIONS[field.name])
        .map((field) => [field.name, mutationDocument(field)]),
      ...Object.entries(READS).map(([coordinate, testCase]) => [coordinate, testCase.query]),
    ];
    for (const [name, document] of documents) {
      expect(
        validate(schema, parse(document ?? '')).map((error) => error.message),
        `${name}: ${document}`,
      ).toEqual([]);
    }
  });

  it('every type and field the schema guards has a case, and every case names something in the schema', () => {
    expect(guardedCoordinates.filter((coordinate) => !READS[coordinate])).toEqual([]);
    for (const coordinate of Object.keys(READS)) {
      const [typeName = '', fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type) || isInputObjectType(type), `${coordinate}: no such type`).toBe(true);
      if (fieldName && isObjectType(type)) expect(type.getFields()[fieldName], coordinate).toBeDefined();
    }
  });
});

describe('the authorisation matrix: mutations', () => {
  for (const [name, testCase] of Object.entries(MUTATIONS)) {
    const refused = ROLES.filter((role) => !testCase.allowed.includes(role));
    it(`${name}: ${testCase.allowed.join(', ')} only; the others are refused and nothing changes`, async () => {
      const field = mutationFields[name];
      if (!field) throw new Error(`${name} is not in the schema`);
      const document = mutationDocument(field);
      const variables = await testCase.args();
      const before = await snapshot();
      // The refused roles first: an allowed call may change the state the others are refused on.
      for (const role of [...refused, ...testCase.allowed]) {
        const response = await api.graphql<
          Record<string, { userErrors: { code: string; field: string | null }[] }>
        >(document, variables, as(role));
        expect(response.errors, `${name} as ${role}`).toBeUndefined();
        const codes = response.data?.[name]?.userErrors.map((error) => error.code) ?? [];
        if (testCase.allowed.includes(role)) {
          expect(
            codes.filter((code) => AUTH_CODES.includes(code)),
            `${name} as ${role} must get past the guards`,
          ).toEqual([]);
        } else {
          const expected =
            role === 'ANONYMOUS'
              ? 'UNAUTHENTICATED'
              : testCase.hiddenFrom?.includes(role)
                ? 'NOT_FOUND'
                : 'FORBIDDEN';
          expect(codes, `${name} as ${role}`).toEqual([expected]);
          expect(changedTables(before, await snapshot()), `${name} as ${role} changed these tables`).toEqual(
            [],
          );
        }
      }
    });
  }
});

describe('the authorisation matrix: reads', () => {
  for (const [coordinate, testCase] of Object.entries(READS)) {
    it(`${coordinate}: shown to ${testCase.allowed.join(', ')} only`, async () => {
      const variables = (await testCase.variables?.()) ?? {};
      for (const role of ROLES) {
        const response = await api.graphql<Record<string, never>>(testCase.query, variables, as(role));
        const label = `${coordinate} as ${role}`;
        if (testCase.allowed.includes(role)) {
          expect(response.errors, label).toBeUndefined();
          expect(testCase.shows(response.data), `${label} shows it`).toBe(true);
          continue;
        }
        expect(testCase.shows(response.data), `${label} must not show it`).toBe(false);
        const code = response.errors?.[0]?.extensions?.code;
        if (testCase.refusal === 'error' || (testCase.refusal === 'signIn' && role === 'ANONYMOUS')) {
          expect(code, label).toBe(role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        } else {
          expect(response.errors, label).toBeUndefined();
        }
      }
    });
  }
});

describe('managing editors', () => {
  it('removes editors, and never leaves a company without one', async () => {
    const editor = await signedIn(api, 'USER');
    const colleague = await signedIn(api, 'USER');
    const company = await seedCompany(api, { editors: [editor] });
    await addEditor(api, company.id, colleague);
    const remove =
      'mutation ($id: ID!, $account: ID!) { removeCompanyEditor(companyId: $id, accountId: $account) { userErrors { code field } } }';
    const first = await api.graphql<{ removeCompanyEditor: { userErrors: { code: string }[] } }>(
      remove,
      { id: company.id, account: colleague.id },
      { token: editor.token },
    );
    expect(first.data?.removeCompanyEditor.userErrors).toEqual([]);
    const last = await api.graphql<{ removeCompanyEditor: { userErrors: { code: string }[] } }>(
      remove,
      { id: company.id, account: editor.id },
      { token: editor.token },
    );
    expect(last.data?.removeCompanyEditor.userErrors).toEqual([{ code: 'CONFLICT', field: 'accountId' }]);
    expect(await api.db.companyMembership.count({ where: { companyId: company.id } })).toBe(1);
  });
});
