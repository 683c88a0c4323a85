import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { makeCif } from '../directory/tax-id.ts';

/**
 * Someone proposes a profile with another company's tax ID. The real company is not blocked: its
 * own proposal (or a claim) goes to staff, who decide whose company it is.
 */
let api: TestApi;
let staff: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  staff = await signedIn(api, 'STAFF');
});

/** The two accounts of one test: the one who takes the tax ID and the real company's. */
const parties = async () => {
  const [squatter, owner] = await Promise.all([signedIn(api, 'USER'), signedIn(api, 'USER')]);
  return { squatter, owner };
};
afterAll(async () => api?.close());

const profile = (taxNumber: number, name: string, email: string) => ({
  name,
  taxId: makeCif('F', taxNumber),
  legalForm: 'COOP_TREBALL',
  sectors: ['NETEJA'],
  email,
});

type Created = {
  createCompanyProfile: {
    company: { id: string; status: string } | null;
    claim: { id: string; kind: string; status: string; company: { name: string } | null } | null;
    userErrors: { field: string | null; code: string }[];
  };
};

const CREATE = `mutation ($input: CompanyProfileInput!) {
  createCompanyProfile(input: $input) {
    company { id status }
    claim { id kind status company { name } }
    userErrors { field code }
  }
}`;

async function create(account: TestAccount, input: Record<string, unknown>) {
  const response = await api.graphql<Created>(CREATE, { input }, { token: account.token });
  expect(response.errors).toBeUndefined();
  return response.data?.createCompanyProfile as Created['createCompanyProfile'];
}

async function review(id: string, decision: 'APPROVE' | 'REJECT', reason?: string) {
  const response = await api.graphql<{ reviewRevision: { userErrors: unknown[] } }>(
    contractOperation('ReviewRevision'),
    { id, decision, reason },
    { token: staff.token },
  );
  expect(response.data?.reviewRevision.userErrors).toEqual([]);
}

describe('a profile with someone else’s tax ID', () => {
  it('does not block the real company: its proposal becomes a claim for staff, who decide', async () => {
    const { squatter, owner } = await parties();
    const taken = await create(squatter, profile(8600001, 'Neteja Falsa', 'falsa@example.org'));
    expect(taken.company?.status).toBe('PENDING_REVIEW');

    const real = await create(owner, profile(8600001, 'Neteja del Barri SCCL', 'hola@netejabarri.coop'));
    expect(real.userErrors).toEqual([]);
    expect(real.company).toBeNull();
    // The claimant learns nothing of the profile under review.
    expect(real.claim).toEqual({ id: expect.any(String), kind: 'CLAIM', status: 'PENDING', company: null });
    const asked = await api.graphql<{ companyRevision: unknown }>(
      'query { me { companies { id } } }',
      {},
      { token: owner.token },
    );
    expect(asked.data).toEqual({ me: { companies: [] } });

    // Staff see both, the claim marked by its kind, with the company it contests.
    const queue = await api.graphql<{
      moderationQueue: {
        edges: { node: { id: string; kind: string; company: { name: string; status: string } } }[];
      };
    }>(
      '{ moderationQueue(first: 50) { edges { node { id kind company { name status } } } } }',
      {},
      { token: staff.token },
    );
    // (Other tests' entries may wait in the queue too: only this company's are looked at.)
    expect(
      queue.data?.moderationQueue.edges
        .filter((edge) => edge.node.company.name === 'Neteja Falsa')
        .map((edge) => [edge.node.kind, edge.node.company.name]),
    ).toEqual([
      ['CREATION', 'Neteja Falsa'],
      ['CLAIM', 'Neteja Falsa'],
    ]);

    await review(real.claim?.id as string, 'APPROVE');
    const company = await api.db.company.findUniqueOrThrow({
      where: { taxId: makeCif('F', 8600001) },
      include: { memberships: true, revisions: true },
    });
    // The claimant's profile, published, with the claimant as its only editor.
    expect(company).toMatchObject({
      name: 'Neteja del Barri SCCL',
      email: 'hola@netejabarri.coop',
      status: 'PUBLISHED',
    });
    expect(company.memberships.map((m) => m.accountId)).toEqual([owner.id]);
    // Never public before, its address follows the real name rather than the one the other account chose.
    expect(company.slug).toBe('neteja-del-barri-sccl');
    expect(company.revisions.find((r) => r.kind === 'CREATION')?.status).toBe('REJECTED');
    expect(
      (
        await api.graphql<{ me: { companies: { name: string }[] } }>(
          '{ me { companies { name } } }',
          {},
          { token: squatter.token },
        )
      ).data?.me.companies,
    ).toEqual([]);
  });

  it('lets the real company claim a profile still under review, and staff may reject the claim', async () => {
    const { squatter, owner } = await parties();
    const taken = await create(squatter, profile(8600002, 'Una Altra Falsa', 'falsa2@example.org'));
    const companyId = taken.company?.id as string;
    const claim = await api.graphql<{
      claimCompany: {
        revision: { id: string; kind: string; status: string; company: unknown } | null;
        userErrors: unknown[];
      };
    }>(
      'mutation ($companyId: ID!, $message: String!) { claimCompany(companyId: $companyId, message: $message) { revision { id kind status company { name } } userErrors { code } } }',
      { companyId, message: 'Som la cooperativa amb aquest NIF: adjuntem l’escriptura.' },
      { token: owner.token },
    );
    expect(claim.data?.claimCompany).toEqual({
      revision: { id: expect.any(String), kind: 'CLAIM', status: 'PENDING', company: null },
      userErrors: [],
    });
    await review(claim.data?.claimCompany.revision?.id as string, 'REJECT', 'No ho podem comprovar.');
    const memberships = await api.db.companyMembership.findMany({ where: { companyId } });
    expect(memberships.map((m) => m.accountId)).toEqual([squatter.id]);
  });

  it('keeps a published company to its editors: a new profile with its tax ID is still a CONFLICT', async () => {
    const { squatter, owner } = await parties();
    const mine = await create(owner, profile(8600003, 'Publicada', 'publicada@example.org'));
    const creation = await api.db.companyRevision.findFirstOrThrow({
      where: { companyId: mine.company?.id },
    });
    await review(creation.id, 'APPROVE');
    const again = await create(squatter, profile(8600003, 'Publicada Falsa', 'x@example.org'));
    expect(again).toMatchObject({
      company: null,
      claim: null,
      userErrors: [{ field: 'input.taxId', code: 'CONFLICT' }],
    });
    // And its own editor proposing it again is told to propose changes instead.
    const twice = await create(owner, profile(8600003, 'Publicada', 'publicada@example.org'));
    expect(twice.userErrors).toEqual([{ field: 'input.taxId', code: 'CONFLICT' }]);
  });
});
