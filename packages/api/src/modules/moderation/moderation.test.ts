import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { makeCif } from '../directory/tax-id.ts';
import { deliverOutbox } from '../search/index.ts';

let api: TestApi;
let staff: TestAccount;
let editor: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  await api.search.ensureCompaniesIndex();
  staff = await signedIn(api, 'STAFF');
  editor = await signedIn(api, 'USER');
  other = await signedIn(api, 'USER');
});
afterAll(async () => api?.close());

const profile = (taxNumber: number, name: string) => ({
  name,
  taxId: makeCif('F', taxNumber),
  legalForm: 'COOP_TREBALL',
  sectors: ['NETEJA'],
  cpvCodes: ['90910000-9'],
  address: {
    street: 'Carrer de Sants, 100',
    postalCode: '08014',
    city: 'Barcelona',
    lat: 41.3752,
    lng: 2.136,
  },
  descriptions: [
    { locale: 'CA', text: "Neteja d'equipaments amb productes ecològics." },
    { locale: 'ES', text: 'Limpieza de equipamientos con productos ecológicos.' },
  ],
  insertionCompany: true,
});

type Created = {
  createCompanyProfile: {
    company: { id: string; slug: string; status: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};
type Reviewed = {
  reviewRevision: {
    revision: { id: string; status: string; reason: string | null } | null;
    userErrors: { field: string; code: string }[];
  };
};
type Queue = {
  moderationQueue: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        kind: string;
        company: { id: string; name: string };
        changes: { field: string; before: string | null; after: string | null }[];
      };
    }[];
  };
};

async function indexed() {
  while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
  const result = await api.graphql<{ searchCompanies: { edges: { node: { name: string } }[] } }>(
    '{ searchCompanies(first: 100) { edges { node { name } } } }',
  );
  return result.data?.searchCompanies.edges.map((edge) => edge.node.name) ?? [];
}

describe('company self-service and moderation', () => {
  it('create > approve > public and searchable', async () => {
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(8500001, 'Neteja Sants') },
      { token: editor.token },
    );
    expect(created.data?.createCompanyProfile).toMatchObject({
      company: { status: 'PENDING_REVIEW' },
      userErrors: [],
    });
    const slug = created.data?.createCompanyProfile.company?.slug ?? '';

    // Not public yet, but its editor sees it, in the company page and in `me`.
    expect(
      (await api.graphql('query ($slug: String!) { company(slug: $slug) { id } }', { slug })).data,
    ).toEqual({ company: null });
    expect(
      (
        await api.graphql(
          'query ($slug: String!) { company(slug: $slug) { status } }',
          { slug },
          { token: editor.token },
        )
      ).data,
    ).toEqual({ company: { status: 'PENDING_REVIEW' } });
    const me = await api.graphql<{ me: { companies: { slug: string }[] } }>(
      contractOperation('Me'),
      {},
      { token: editor.token },
    );
    expect(me.data?.me.companies.map((c) => c.slug)).toEqual([slug]);
    expect(await indexed()).not.toContain('Neteja Sants');

    const queue = await api.graphql<Queue>(
      contractOperation('ModerationQueue'),
      { first: 10 },
      { token: staff.token },
    );
    const entry = queue.data?.moderationQueue.edges.find((e) => e.node.company.name === 'Neteja Sants')?.node;
    expect(entry).toMatchObject({ kind: 'CREATION' });
    expect(entry?.changes).toContainEqual({ field: 'districtCode', before: null, after: '03' });

    const approved = await api.graphql<Reviewed>(
      contractOperation('ReviewRevision'),
      { id: entry?.id, decision: 'APPROVE' },
      { token: staff.token },
    );
    expect(approved.data?.reviewRevision).toMatchObject({ revision: { status: 'APPROVED' }, userErrors: [] });
    expect(
      (await api.graphql('query ($slug: String!) { company(slug: $slug) { status } }', { slug })).data,
    ).toEqual({
      company: { status: 'PUBLISHED' },
    });
    expect(await indexed()).toContain('Neteja Sants');
    const again = await api.graphql<Reviewed>(
      contractOperation('ReviewRevision'),
      { id: entry?.id, decision: 'REJECT', reason: 'massa tard' },
      { token: staff.token },
    );
    expect(again.data?.reviewRevision.userErrors[0]?.code).toBe('CONFLICT');
  });

  it('create > reject > the reason is visible to the editor and nothing is public', async () => {
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(8500002, 'Neteja Rebutjada') },
      { token: editor.token },
    );
    const companyId = created.data?.createCompanyProfile.company?.id;
    const revision = await api.db.companyRevision.findFirstOrThrow({ where: { companyId } });
    const missingReason = await api.graphql<Reviewed>(
      contractOperation('ReviewRevision'),
      { id: revision.id, decision: 'REJECT' },
      { token: staff.token },
    );
    expect(missingReason.data?.reviewRevision.userErrors[0]).toMatchObject({
      field: 'reason',
      code: 'VALIDATION',
    });
    await api.graphql<Reviewed>(
      contractOperation('ReviewRevision'),
      { id: revision.id, decision: 'REJECT', reason: 'Falta el registre de la cooperativa.' },
      { token: staff.token },
    );
    const query = '{ me { companies { status } } }';
    expect((await api.graphql(query, {}, { token: editor.token })).data).toEqual({
      me: { companies: expect.arrayContaining([{ status: 'REJECTED' }]) },
    });
    const readable = await api.graphql<{ node: unknown }>(
      `query { moderationQueue(first: 1) { totalCount } }`,
      {},
      { token: editor.token },
    );
    expect(readable.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reason = await api.db.companyRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(reason).toMatchObject({ status: 'REJECTED', reason: 'Falta el registre de la cooperativa.' });
    expect(await indexed()).not.toContain('Neteja Rebutjada');
  });

  it('checks who may do what, names the fields at fault and writes nothing on failure', async () => {
    const before = await api.db.company.count();
    const anonymous = await api.graphql<Created>(contractOperation('CreateCompanyProfile'), {
      input: profile(8500003, 'Anònima'),
    });
    expect(anonymous.data?.createCompanyProfile).toEqual({
      company: null,
      userErrors: [expect.objectContaining({ code: 'UNAUTHENTICATED' })],
    });
    const invalid = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: { ...profile(8500004, 'Invàlida'), taxId: 'B86670461', cpvCodes: ['45210000-3'] } },
      { token: other.token },
    );
    expect(invalid.data?.createCompanyProfile.userErrors.map((e) => e.field)).toEqual([
      'input.taxId',
      'input.cpvCodes',
    ]);
    const duplicate = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(8500001, 'Una altra Neteja Sants') },
      { token: other.token },
    );
    expect(duplicate.data?.createCompanyProfile.userErrors[0]).toMatchObject({
      field: 'input.taxId',
      code: 'CONFLICT',
    });
    expect(await api.db.company.count()).toBe(before);

    const pending = await api.db.companyRevision.create({
      data: {
        companyId: (await api.db.company.findFirstOrThrow()).id,
        kind: 'CLAIM',
        message: 'som nosaltres',
      },
    });
    for (const [caller, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [editor, 'FORBIDDEN'],
    ] as const) {
      const response = await api.graphql<Reviewed>(
        contractOperation('ReviewRevision'),
        { id: pending.id, decision: 'APPROVE' },
        caller ? { token: caller.token } : {},
      );
      expect(response.data?.reviewRevision).toEqual({
        revision: null,
        userErrors: [expect.objectContaining({ code })],
      });
    }
    expect((await api.db.companyRevision.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
      'PENDING',
    );
  });

  it('keeps an audit trail of creations and reviews', async () => {
    const entries = await api.db.auditEntry.findMany({ orderBy: { id: 'asc' }, select: { action: true } });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['company.create', 'membership.add', 'revision.approve', 'revision.reject']),
    );
  });
});

describe('updates and claims', () => {
  type Revised = {
    revision: { id: string; status?: string; kind?: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };

  async function publishedOf(account: TestAccount, number: number, name: string) {
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(number, name) },
      { token: account.token },
    );
    const companyId = created.data?.createCompanyProfile.company?.id ?? '';
    const revision = await api.db.companyRevision.findFirstOrThrow({ where: { companyId } });
    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: revision.id, decision: 'APPROVE' },
      { token: staff.token },
    );
    return companyId;
  }

  it('update > reject > the reason is visible to editors and the public profile is unchanged', async () => {
    const companyId = await publishedOf(editor, 8500010, 'Cuina del Barri');
    const updated = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      {
        companyId,
        input: { ...profile(8500010, 'Cuina del Barri'), name: 'Cuina del Barri Nova', employees: 12 },
      },
      { token: editor.token },
    );
    expect(updated.data?.updateCompanyProfile).toMatchObject({
      revision: { status: 'PENDING' },
      userErrors: [],
    });
    const revisionId = updated.data?.updateCompanyProfile.revision?.id;
    const queue = await api.graphql<Queue>(
      contractOperation('ModerationQueue'),
      { first: 50 },
      { token: staff.token },
    );
    expect(queue.data?.moderationQueue.edges.find((e) => e.node.id === revisionId)?.node.changes).toEqual([
      { field: 'name', before: 'Cuina del Barri', after: 'Cuina del Barri Nova' },
      { field: 'employees', before: null, after: '12' },
    ]);
    // Nothing public changes before the review.
    expect((await api.db.company.findUniqueOrThrow({ where: { id: companyId } })).name).toBe(
      'Cuina del Barri',
    );

    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: revisionId, decision: 'REJECT', reason: 'El nom no coincideix amb el registre.' },
      { token: staff.token },
    );
    const query = 'query ($slug: String!) { company(slug: $slug) { name revisions { kind status reason } } }';
    const slug = (await api.db.company.findUniqueOrThrow({ where: { id: companyId } })).slug;
    const asEditor = await api.graphql<{
      company: { name: string; revisions: { kind: string; status: string; reason: string | null }[] };
    }>(query, { slug }, { token: editor.token });
    expect(asEditor.data?.company.name).toBe('Cuina del Barri');
    expect(asEditor.data?.company.revisions[0]).toEqual({
      kind: 'UPDATE',
      status: 'REJECTED',
      reason: 'El nom no coincideix amb el registre.',
    });
    const asPublic = await api.graphql<{ company: { revisions: unknown[] } }>(query, { slug });
    expect(asPublic.data?.company.revisions).toEqual([]);

    // Approved, the new profile is public and searchable.
    const second = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      { companyId, input: { ...profile(8500010, 'Cuina del Barri'), employees: 14 } },
      { token: editor.token },
    );
    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: second.data?.updateCompanyProfile.revision?.id, decision: 'APPROVE' },
      { token: staff.token },
    );
    expect((await api.db.company.findUniqueOrThrow({ where: { id: companyId } })).employees).toBe(14);
  });

  it('refuses an editor of one company on another, with a userError and nothing changed', async () => {
    const mine = await publishedOf(editor, 8500011, 'Tèxtil Meu');
    const theirs = await publishedOf(other, 8500012, 'Tèxtil Seu');
    const before = await api.db.companyRevision.count();
    const response = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      { companyId: theirs, input: { ...profile(8500012, 'Tèxtil Seu'), name: 'Pres' } },
      { token: editor.token },
    );
    expect(response.data?.updateCompanyProfile).toEqual({
      revision: null,
      userErrors: [expect.objectContaining({ code: 'FORBIDDEN', field: 'companyId' })],
    });
    const taxChange = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      { companyId: mine, input: profile(8500099, 'Tèxtil Meu') },
      { token: editor.token },
    );
    expect(taxChange.data?.updateCompanyProfile.userErrors[0]).toMatchObject({
      field: 'input.taxId',
      code: 'VALIDATION',
    });
    expect(await api.db.companyRevision.count()).toBe(before);
  });

  it('claim > approve > the claimant becomes an editor', async () => {
    const orphan = await api.db.company.findFirstOrThrow({ where: { name: 'Neteja Sants' } });
    await api.db.companyMembership.deleteMany({ where: { companyId: orphan.id } });
    const claimant = await signedIn(api, 'USER');
    const claimed = await api.graphql<{ claimCompany: Revised }>(
      contractOperation('ClaimCompany'),
      { companyId: orphan.id, message: 'Soc la gerent de la cooperativa.' },
      { token: claimant.token },
    );
    expect(claimed.data?.claimCompany).toMatchObject({
      revision: { kind: 'CLAIM', status: 'PENDING' },
      userErrors: [],
    });
    const twice = await api.graphql<{ claimCompany: Revised }>(
      contractOperation('ClaimCompany'),
      { companyId: orphan.id, message: 'de nou' },
      { token: claimant.token },
    );
    expect(twice.data?.claimCompany.userErrors[0]?.code).toBe('CONFLICT');
    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: claimed.data?.claimCompany.revision?.id, decision: 'APPROVE' },
      { token: staff.token },
    );
    const me = await api.graphql<{ me: { companies: { id: string }[] } }>(
      contractOperation('Me'),
      {},
      { token: claimant.token },
    );
    expect(me.data?.me.companies.map((c) => c.id)).toEqual([orphan.id]);
    const withEditors = await api.graphql<{ claimCompany: Revised }>(
      contractOperation('ClaimCompany'),
      { companyId: orphan.id, message: 'jo també' },
      { token: other.token },
    );
    expect(withEditors.data?.claimCompany.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: 'companyId',
    });
  });
});
