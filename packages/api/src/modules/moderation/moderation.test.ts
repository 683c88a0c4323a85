import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { pendingClaim, seedCompany, uniqueTag, uniqueTaxId } from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverOutbox } from '../search/index.ts';

// Every test makes the accounts and companies it works on (testing/seed.ts and the API itself): any
// of them runs alone, in any order. Only the staff reviewer is shared.
let api: TestApi;
let staff: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  await api.search.ensureCompaniesIndex();
  staff = await signedIn(api, 'STAFF');
});
afterAll(async () => api?.close());

const profile = (taxId: string, name: string) => ({
  name,
  taxId,
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
    userErrors: { field: string; code: string }[];
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
    const editor = await signedIn(api, 'USER');
    const name = `Neteja Sants ${uniqueTag()}`;
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(uniqueTaxId(), name) },
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
    expect(await indexed()).not.toContain(name);

    const queue = await api.graphql<Queue>(
      contractOperation('ModerationQueue'),
      { first: 50 },
      { token: staff.token },
    );
    const entry = queue.data?.moderationQueue.edges.find((e) => e.node.company.name === name)?.node;
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
    expect(await indexed()).toContain(name);
    const again = await api.graphql<Reviewed>(
      contractOperation('ReviewRevision'),
      { id: entry?.id, decision: 'REJECT', reason: 'massa tard' },
      { token: staff.token },
    );
    expect(again.data?.reviewRevision.userErrors[0]?.code).toBe('CONFLICT');
  });

  it('create > reject > the reason is visible to the editor and nothing is public', async () => {
    const editor = await signedIn(api, 'USER');
    const name = `Neteja Rebutjada ${uniqueTag()}`;
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(uniqueTaxId(), name) },
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
      me: { companies: [{ status: 'REJECTED' }] },
    });
    const readable = await api.graphql<{ node: unknown }>(
      `query { moderationQueue(first: 1) { totalCount } }`,
      {},
      { token: editor.token },
    );
    expect(readable.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reason = await api.db.companyRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(reason).toMatchObject({ status: 'REJECTED', reason: 'Falta el registre de la cooperativa.' });
    expect(await indexed()).not.toContain(name);
  });

  it('checks who may do what, names the fields at fault and writes nothing on failure', async () => {
    const editor = await signedIn(api, 'USER');
    const other = await signedIn(api, 'USER');
    const published = await seedCompany(api, { editors: [editor] });
    const before = await api.db.company.count();
    const anonymous = await api.graphql<Created>(contractOperation('CreateCompanyProfile'), {
      input: profile(uniqueTaxId(), 'Anònima'),
    });
    expect(anonymous.data?.createCompanyProfile).toEqual({
      company: null,
      userErrors: [expect.objectContaining({ code: 'UNAUTHENTICATED' })],
    });
    const invalid = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: { ...profile(uniqueTaxId(), 'Invàlida'), taxId: 'B86670461', cpvCodes: ['45210000-3'] } },
      { token: other.token },
    );
    expect(invalid.data?.createCompanyProfile.userErrors.map((e) => e.field)).toEqual([
      'input.taxId',
      'input.cpvCodes',
    ]);
    const duplicate = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(published.taxId, `Una altra ${published.name}`) },
      { token: other.token },
    );
    expect(duplicate.data?.createCompanyProfile.userErrors[0]).toMatchObject({
      field: 'input.taxId',
      code: 'CONFLICT',
    });
    expect(await api.db.company.count()).toBe(before);

    const pending = await pendingClaim(api, published.id, other, 'som nosaltres');
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
    const editor = await signedIn(api, 'USER');
    const last = await api.db.auditEntry.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    const revisions: string[] = [];
    for (const name of [`Auditada ${uniqueTag()}`, `Rebutjada ${uniqueTag()}`]) {
      const created = await api.graphql<Created>(
        contractOperation('CreateCompanyProfile'),
        { input: profile(uniqueTaxId(), name) },
        { token: editor.token },
      );
      const companyId = created.data?.createCompanyProfile.company?.id;
      revisions.push((await api.db.companyRevision.findFirstOrThrow({ where: { companyId } })).id);
    }
    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: revisions[0], decision: 'APPROVE' },
      { token: staff.token },
    );
    await api.graphql(
      contractOperation('ReviewRevision'),
      { id: revisions[1], decision: 'REJECT', reason: 'No és una cooperativa.' },
      { token: staff.token },
    );
    const entries = await api.db.auditEntry.findMany({
      where: { id: { gt: last?.id ?? 0 } },
      orderBy: { id: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['company.create', 'membership.add', 'revision.approve', 'revision.reject']),
    );
    expect(entries.find((e) => e.action === 'company.create')?.actorId).toBe(editor.id);
    expect(entries.find((e) => e.action === 'revision.reject')?.actorId).toBe(staff.id);
  });
});

describe('updates and claims', () => {
  type Revised = {
    revision: { id: string; status?: string; kind?: string } | null;
    userErrors: { field: string; code: string }[];
  };

  /** A company created by `account` through the API and approved by staff. */
  async function publishedOf(account: TestAccount, taxId: string, name: string) {
    const created = await api.graphql<Created>(
      contractOperation('CreateCompanyProfile'),
      { input: profile(taxId, name) },
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
    const editor = await signedIn(api, 'USER');
    const taxId = uniqueTaxId();
    const companyId = await publishedOf(editor, taxId, 'Cuina del Barri');
    const updated = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      {
        companyId,
        input: { ...profile(taxId, 'Cuina del Barri'), name: 'Cuina del Barri Nova', employees: 12 },
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
      { companyId, input: { ...profile(taxId, 'Cuina del Barri'), employees: 14 } },
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
    const editor = await signedIn(api, 'USER');
    const other = await signedIn(api, 'USER');
    const mine = await publishedOf(editor, uniqueTaxId(), 'Tèxtil Meu');
    const theirsTaxId = uniqueTaxId();
    const theirs = await publishedOf(other, theirsTaxId, 'Tèxtil Seu');
    const before = await api.db.companyRevision.count();
    const response = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      { companyId: theirs, input: { ...profile(theirsTaxId, 'Tèxtil Seu'), name: 'Pres' } },
      { token: editor.token },
    );
    expect(response.data?.updateCompanyProfile).toEqual({
      revision: null,
      userErrors: [expect.objectContaining({ code: 'FORBIDDEN', field: 'companyId' })],
    });
    const taxChange = await api.graphql<{ updateCompanyProfile: Revised }>(
      contractOperation('UpdateCompanyProfile'),
      { companyId: mine, input: profile(uniqueTaxId(), 'Tèxtil Meu') },
      { token: editor.token },
    );
    expect(taxChange.data?.updateCompanyProfile.userErrors[0]).toMatchObject({
      field: 'input.taxId',
      code: 'VALIDATION',
    });
    expect(await api.db.companyRevision.count()).toBe(before);
  });

  it('claim > approve > the claimant becomes an editor', async () => {
    const orphan = await seedCompany(api);
    const claimant = await signedIn(api, 'USER');
    const other = await signedIn(api, 'USER');
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
