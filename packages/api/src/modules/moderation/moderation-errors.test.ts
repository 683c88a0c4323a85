import type { Locale } from '@proximitat/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { pendingClaim, seedCompany } from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';

/**
 * The moderation mutations' refusals: each gives its code, its reason (with parameters) and the
 * argument at fault, and the server writes its message in the caller's language. The web client
 * has no claim form: these are the claim's refusals as an API client gets them.
 */
let api: TestApi;
let staff: TestAccount;
let editor: TestAccount;
let claimant: TestAccount;
let companies: { id: string; name: string }[];

const ERRORS = 'userErrors { field code reason params { name value } message }';
const CLAIM = `mutation ($companyId: ID!, $message: String!) { claimCompany(companyId: $companyId, message: $message) { revision { id } ${ERRORS} } }`;
const REVIEW = `mutation ($id: ID!, $decision: ReviewDecision!, $reason: String) { reviewRevision(id: $id, decision: $decision, reason: $reason) { revision { id } ${ERRORS} } }`;
const INVITE = `mutation ($companyId: ID!, $email: String!) { addCompanyEditor(companyId: $companyId, email: $email) { invitation { id } ${ERRORS} } }`;
const ANSWER = (name: string) => `mutation ($id: ID!) { ${name}(id: $id) { invitation { id } ${ERRORS} } }`;
const REMOVE = `mutation ($companyId: ID!, $accountId: ID!) { removeCompanyEditor(companyId: $companyId, accountId: $accountId) { ${ERRORS} } }`;

interface Refusal {
  field: string | null;
  code: string;
  reason: string;
  params: { name: string; value: string }[];
  message: string;
}

/** The userErrors of a mutation, asked in `locale` (the account's language, which the server writes in). */
async function refusals(
  account: TestAccount,
  query: string,
  variables: Record<string, unknown>,
  locale: Locale = 'CA',
): Promise<Refusal[]> {
  await api.db.account.update({ where: { id: account.id }, data: { locale } });
  const response = await api.graphql<Record<string, { userErrors: Refusal[] }>>(query, variables, {
    token: account.token,
  });
  expect(response.errors).toBeUndefined();
  const [payload] = Object.values(response.data ?? {});
  return payload?.userErrors ?? [];
}

const company = (index: number) => companies[index] as { id: string; name: string };

beforeAll(async () => {
  api = await startTestApi();
  await importSampleCompanies(api.db, await loadPlaces(api.db), 4, 'moderation-errors');
  companies = await api.db.company.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  [staff, editor, claimant] = await Promise.all([
    signedIn(api, 'STAFF'),
    signedIn(api, 'USER'),
    signedIn(api, 'USER'),
  ]);
  // Company 0 has an editor; company 1 has none (claimable); company 2 is the claimant's own.
  await api.db.companyMembership.createMany({
    data: [
      { companyId: company(0).id, accountId: editor.id },
      { companyId: company(2).id, accountId: claimant.id },
    ],
  });
});
afterAll(async () => api?.close());

describe('claims', () => {
  it('need a message, in every language', async () => {
    const expected = {
      CA: 'Explica qui ets i per què pots editar aquesta empresa.',
      ES: 'Explica quién eres y por qué puedes editar esta empresa.',
      EN: 'Say who you are and why you can edit this company.',
    };
    for (const locale of ['CA', 'ES', 'EN'] as const) {
      expect(await refusals(claimant, CLAIM, { companyId: company(1).id, message: '  ' }, locale)).toEqual([
        {
          field: 'message',
          code: 'VALIDATION',
          reason: 'CLAIM_MESSAGE_REQUIRED',
          params: [],
          message: expected[locale],
        },
      ]);
    }
    const long = await refusals(
      claimant,
      CLAIM,
      { companyId: company(1).id, message: 'x'.repeat(2001) },
      'EN',
    );
    expect(long).toEqual([
      {
        field: 'message',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '2000' }],
        message: 'It must be at most 2,000 characters long.',
      },
    ]);
  });

  it('are refused for a company that is not there, is already the claimant’s, or has editors', async () => {
    const message = 'Soc la gerent de la cooperativa.';
    for (const [companyId, field, code, reason] of [
      ['no-és-un-id', 'companyId', 'NOT_FOUND', 'COMPANY_NOT_FOUND'],
      ['00000000-0000-0000-0000-000000000000', 'companyId', 'NOT_FOUND', 'COMPANY_NOT_FOUND'],
      [company(2).id, 'companyId', 'CONFLICT', 'ALREADY_COMPANY_EDITOR'],
      [company(0).id, 'companyId', 'CONFLICT', 'COMPANY_HAS_EDITORS'],
    ] as const) {
      expect(await refusals(claimant, CLAIM, { companyId, message })).toEqual([
        expect.objectContaining({ field, code, reason, params: [] }),
      ]);
    }
    expect((await refusals(claimant, CLAIM, { companyId: company(1).id, message }))[0]).toBeUndefined();
    expect(await refusals(claimant, CLAIM, { companyId: company(1).id, message }, 'ES')).toEqual([
      {
        field: 'companyId',
        code: 'CONFLICT',
        reason: 'CLAIM_ALREADY_WAITING',
        params: [],
        message: 'Tu solicitud ya está esperando la revisión.',
      },
    ]);
  });
});

describe('reviews', () => {
  it('need a reason to reject, and decide a proposal once', async () => {
    // A claim of this test's own, on a company of its own: approving it touches nothing the others use.
    const revision = await pendingClaim(api, (await seedCompany(api)).id, await signedIn(api, 'USER'));
    expect(await refusals(staff, REVIEW, { id: revision.id, decision: 'REJECT', reason: ' ' }, 'EN')).toEqual(
      [
        {
          field: 'reason',
          code: 'VALIDATION',
          reason: 'REJECTION_REASON_REQUIRED',
          params: [],
          message: 'A rejection needs a reason the editors can read.',
        },
      ],
    );
    expect(
      await refusals(staff, REVIEW, { id: revision.id, decision: 'REJECT', reason: 'x'.repeat(2001) }),
    ).toEqual([
      expect.objectContaining({
        field: 'reason',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '2000' }],
      }),
    ]);
    for (const id of ['no-és-un-id', '00000000-0000-0000-0000-000000000000']) {
      expect(await refusals(staff, REVIEW, { id, decision: 'APPROVE' })).toEqual([
        expect.objectContaining({ field: 'id', code: 'NOT_FOUND', reason: 'REVISION_NOT_FOUND' }),
      ]);
    }
    expect(await refusals(staff, REVIEW, { id: revision.id, decision: 'APPROVE' })).toEqual([]);
    expect(
      await refusals(staff, REVIEW, { id: revision.id, decision: 'REJECT', reason: 'tard' }, 'CA'),
    ).toEqual([
      {
        field: 'id',
        code: 'CONFLICT',
        reason: 'REVISION_ALREADY_APPROVED',
        params: [],
        message: "Aquesta proposta ja s'ha aprovat.",
      },
    ]);
  });
});

describe('editors and invitations', () => {
  it('name the address at fault, and refuse those who do not edit the company', async () => {
    for (const [email, reason] of [
      ['', 'REQUIRED'],
      ['no-és-una-adreça', 'NOT_AN_EMAIL'],
    ] as const) {
      expect(await refusals(editor, INVITE, { companyId: company(0).id, email })).toEqual([
        expect.objectContaining({ field: 'email', code: 'VALIDATION', reason, params: [] }),
      ]);
    }
    expect(
      await refusals(claimant, INVITE, { companyId: company(0).id, email: 'nova@example.org' }, 'EN'),
    ).toEqual([
      {
        field: 'companyId',
        code: 'FORBIDDEN',
        reason: 'COMPANY_EDITORS_ONLY',
        params: [],
        message: "Only this company's editors can do this.",
      },
    ]);
    expect(await refusals(editor, INVITE, { companyId: 'no-és-un-id', email: 'nova@example.org' })).toEqual([
      expect.objectContaining({ field: 'companyId', code: 'NOT_FOUND', reason: 'COMPANY_NOT_FOUND' }),
    ]);
  });

  it('are answered once, by the invited account with its address confirmed', async () => {
    const invitee = await signedIn(api, 'USER', { verified: false });
    const invited = await api.graphql<{ addCompanyEditor: { invitation: { id: string } | null } }>(
      INVITE,
      { companyId: company(0).id, email: invitee.email },
      { token: editor.token },
    );
    const id = invited.data?.addCompanyEditor.invitation?.id as string;
    expect(await refusals(invitee, ANSWER('acceptEditorInvitation'), { id }, 'ES')).toEqual([
      {
        field: 'id',
        code: 'FORBIDDEN',
        reason: 'EDITOR_INVITATION_NEEDS_VERIFIED_EMAIL',
        params: [],
        message:
          'Primero confirma tu dirección de correo electrónico (con el enlace del correo que te enviamos al registrarte).',
      },
    ]);
    expect(await refusals(claimant, ANSWER('acceptEditorInvitation'), { id })).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_FOUND', reason: 'EDITOR_INVITATION_NOT_FOUND' }),
    ]);
    await api.db.account.update({ where: { id: invitee.id }, data: { emailVerifiedAt: new Date() } });
    expect(await refusals(invitee, ANSWER('declineEditorInvitation'), { id })).toEqual([]);
    expect(await refusals(invitee, ANSWER('acceptEditorInvitation'), { id })).toEqual([
      expect.objectContaining({
        field: 'id',
        code: 'CONFLICT',
        reason: 'EDITOR_INVITATION_ALREADY_ANSWERED',
      }),
    ]);
    expect(await refusals(editor, ANSWER('revokeEditorInvitation'), { id })).toEqual([
      expect.objectContaining({
        field: 'id',
        code: 'CONFLICT',
        reason: 'EDITOR_INVITATION_ALREADY_ANSWERED',
      }),
    ]);

    const again = await api.graphql<{ addCompanyEditor: { invitation: { id: string } | null } }>(
      INVITE,
      { companyId: company(0).id, email: invitee.email },
      { token: editor.token },
    );
    const second = again.data?.addCompanyEditor.invitation?.id as string;
    expect(await refusals(editor, ANSWER('revokeEditorInvitation'), { id: second })).toEqual([]);
    expect(await refusals(invitee, ANSWER('acceptEditorInvitation'), { id: second }, 'EN')).toEqual([
      {
        field: 'id',
        code: 'CONFLICT',
        reason: 'EDITOR_INVITATION_WITHDRAWN',
        params: [],
        message: 'This invitation has been withdrawn.',
      },
    ]);

    const third = await api.graphql<{ addCompanyEditor: { invitation: { id: string } | null } }>(
      INVITE,
      { companyId: company(0).id, email: invitee.email },
      { token: editor.token },
    );
    const expiring = third.data?.addCompanyEditor.invitation?.id as string;
    await api.db.editorInvitation.update({
      where: { id: expiring },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await refusals(invitee, ANSWER('acceptEditorInvitation'), { id: expiring })).toEqual([
      expect.objectContaining({ field: 'id', code: 'CONFLICT', reason: 'EDITOR_INVITATION_EXPIRED' }),
    ]);
    expect(await refusals(editor, ANSWER('revokeEditorInvitation'), { id: 'no-és-un-id' })).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_FOUND', reason: 'EDITOR_INVITATION_NOT_FOUND' }),
    ]);
  });

  it('keep a company with at least one editor, and remove only its editors', async () => {
    expect(
      await refusals(editor, REMOVE, { companyId: company(0).id, accountId: claimant.id }, 'CA'),
    ).toEqual([
      expect.objectContaining({ field: 'accountId', code: 'NOT_FOUND', reason: 'NOT_COMPANY_EDITOR' }),
    ]);
    expect(await refusals(editor, REMOVE, { companyId: company(0).id, accountId: editor.id }, 'ES')).toEqual([
      {
        field: 'accountId',
        code: 'CONFLICT',
        reason: 'LAST_COMPANY_EDITOR',
        params: [],
        message: 'Una empresa necesita al menos una persona editora: añade otra primero.',
      },
    ]);
  });
});
