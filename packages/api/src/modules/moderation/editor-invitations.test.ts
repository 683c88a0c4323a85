import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { type SeededCompany, seedCompany } from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';

/**
 * Editor invitations: addCompanyEditor mails nobody and tells nothing about accounts; the invited
 * account sees the invitation when signed in and accepts (with its address verified) or declines.
 * Every test makes its own editor, invitee and companies (testing/seed.ts): any of them runs alone.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** A fresh editor of `count` fresh companies, a fresh invitee (address verified) and a stranger. */
async function world(count = 1) {
  const [editor, invitee, stranger] = await Promise.all([
    signedIn(api, 'USER'),
    signedIn(api, 'USER'),
    signedIn(api, 'USER'),
  ]);
  const companies: SeededCompany[] = [];
  for (let i = 0; i < count; i++) companies.push(await seedCompany(api, { editors: [editor] }));
  const company = (index: number) => companies[index] as SeededCompany;
  return { editor, invitee, stranger, company };
}

type Invited = {
  addCompanyEditor: {
    invitation: { email: string; status: string } | null;
    retryAfterSeconds: number | null;
    userErrors: { field: string | null; code: string }[];
  };
};

const INVITE =
  'mutation ($companyId: ID!, $email: String!) { addCompanyEditor(companyId: $companyId, email: $email) { invitation { email status } retryAfterSeconds userErrors { field code } } }';

async function invite(account: TestAccount, companyId: string, email: string) {
  const response = await api.graphql<Invited>(INVITE, { companyId, email }, { token: account.token });
  expect(response.errors).toBeUndefined();
  return response.data?.addCompanyEditor as Invited['addCompanyEditor'];
}

type Mine = {
  me: {
    editorInvitations: {
      id: string;
      email: string;
      status: string;
      invitedByEmail: string | null;
      company: { name: string };
    }[];
  };
};

async function pendingFor(account: TestAccount) {
  const response = await api.graphql<Mine>(
    '{ me { editorInvitations { id email status invitedByEmail company { name } } } }',
    {},
    { token: account.token },
  );
  return response.data?.me.editorInvitations ?? [];
}

async function answer(account: TestAccount, verb: 'accept' | 'decline', id: string) {
  const field = `${verb}EditorInvitation`;
  const response = await api.graphql<
    Record<string, { invitation: { status: string } | null; userErrors: { code: string }[] }>
  >(
    `mutation ($id: ID!) { ${field}(id: $id) { invitation { status } userErrors { code } } }`,
    { id },
    { token: account.token },
  );
  return response.data?.[field];
}

describe('editor invitations', () => {
  it('mail nobody and answer the same whether or not the address has an account', async () => {
    const { editor, invitee, company } = await world();
    const mailBefore = await api.db.mailOutbox.count();
    const known = await invite(editor, company(0).id, invitee.email.toUpperCase());
    const unknown = await invite(editor, company(0).id, 'ningu-te-compte@example.org');
    expect(known).toEqual({
      invitation: { email: invitee.email.toUpperCase(), status: 'PENDING' },
      retryAfterSeconds: null,
      userErrors: [],
    });
    expect(unknown).toEqual({
      invitation: { email: 'ningu-te-compte@example.org', status: 'PENDING' },
      retryAfterSeconds: null,
      userErrors: [],
    });
    // The payload type has no account data to ask for at all.
    const fields = await api.graphql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "EditorInvitation") { fields { name } } }',
    );
    expect(fields.data?.__type.fields.map((f) => f.name).sort()).toEqual([
      'company',
      'createdAt',
      'email',
      'expiresAt',
      'id',
      'invitedByEmail',
      'status',
    ]);
    expect(await api.db.mailOutbox.count()).toBe(mailBefore);
    // Nobody became an editor by being named.
    expect(
      await api.db.companyMembership.count({ where: { companyId: company(0).id, accountId: invitee.id } }),
    ).toBe(0);
    // Asking again makes no second invitation.
    await invite(editor, company(0).id, invitee.email);
    expect(
      await api.db.editorInvitation.count({ where: { companyId: company(0).id, emailKey: invitee.email } }),
    ).toBe(1);
  });

  it('show to the invited account and the company’s editors only', async () => {
    const { editor, invitee, stranger, company } = await world();
    await invite(editor, company(0).id, invitee.email.toUpperCase());
    await invite(editor, company(0).id, 'ningu-te-compte@example.org');
    const mine = await pendingFor(invitee);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        email: invitee.email.toUpperCase(),
        status: 'PENDING',
        invitedByEmail: editor.email,
        company: { name: company(0).name },
      },
    ]);
    expect(await pendingFor(stranger)).toEqual([]);
    const panel = (account: TestAccount | null) =>
      api.graphql<{ company: { editorInvitations: { email: string }[] } }>(
        'query ($slug: String!) { company(slug: $slug) { editorInvitations { email } } }',
        { slug: company(0).slug },
        account ? { token: account.token } : {},
      );
    expect((await panel(editor)).data?.company.editorInvitations.map((i) => i.email).sort()).toEqual([
      invitee.email.toUpperCase(),
      'ningu-te-compte@example.org',
    ]);
    expect((await panel(stranger)).data?.company.editorInvitations).toEqual([]);
    expect((await panel(null)).data?.company.editorInvitations).toEqual([]);
  });

  it('are accepted by the invited account only, with its address verified', async () => {
    const { editor, invitee, stranger, company } = await world();
    await invite(editor, company(0).id, invitee.email);
    const [invitation] = await pendingFor(invitee);
    const id = invitation?.id as string;
    // Another account cannot answer it: for them it does not exist.
    expect((await answer(stranger, 'accept', id))?.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await answer(stranger, 'decline', id))?.userErrors).toEqual([{ code: 'NOT_FOUND' }]);

    // An account registered with the address but never verified it gains nothing: it neither
    // sees the invitation nor answers it, either way.
    await api.db.account.update({ where: { id: invitee.id }, data: { emailVerifiedAt: null } });
    expect(await pendingFor(invitee)).toEqual([]);
    expect((await answer(invitee, 'accept', id))?.userErrors).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await answer(invitee, 'decline', id))?.userErrors).toEqual([{ code: 'FORBIDDEN' }]);
    await api.db.account.update({ where: { id: invitee.id }, data: { emailVerifiedAt: new Date() } });

    const accepted = await answer(invitee, 'accept', id);
    expect(accepted).toEqual({ invitation: { status: 'ACCEPTED' }, userErrors: [] });
    expect(
      await api.db.companyMembership.count({ where: { companyId: company(0).id, accountId: invitee.id } }),
    ).toBe(1);
    expect((await answer(invitee, 'accept', id))?.userErrors).toEqual([{ code: 'CONFLICT' }]);
    expect(await pendingFor(invitee)).toEqual([]);
  });

  it('are declined, or withdrawn by the editors, and then make nobody an editor', async () => {
    const { editor, invitee, stranger, company } = await world(3);
    await invite(editor, company(1).id, invitee.email);
    await invite(editor, company(2).id, invitee.email);
    const [first, second] = await pendingFor(invitee);
    expect((await answer(invitee, 'decline', first?.id as string))?.invitation?.status).toBe('DECLINED');

    const revoke = (account: TestAccount, id: string) =>
      api.graphql<{
        revokeEditorInvitation: { invitation: { status: string } | null; userErrors: { code: string }[] };
      }>(
        'mutation ($id: ID!) { revokeEditorInvitation(id: $id) { invitation { status } userErrors { code } } }',
        { id },
        { token: account.token },
      );
    expect((await revoke(stranger, second?.id as string)).data?.revokeEditorInvitation.userErrors).toEqual([
      { code: 'FORBIDDEN' },
    ]);
    expect((await revoke(editor, second?.id as string)).data?.revokeEditorInvitation.invitation?.status).toBe(
      'REVOKED',
    );
    expect((await answer(invitee, 'accept', second?.id as string))?.userErrors).toEqual([
      { code: 'CONFLICT' },
    ]);
    expect(
      await api.db.companyMembership.count({
        where: { accountId: invitee.id, companyId: { in: [company(1).id, company(2).id] } },
      }),
    ).toBe(0);
  });

  it('only editors (and staff) invite', async () => {
    const { stranger, company } = await world();
    const refused = await invite(stranger, company(0).id, 'algu@example.org');
    expect(refused.userErrors).toEqual([{ field: 'companyId', code: 'FORBIDDEN' }]);
    expect(refused.invitation).toBeNull();
    expect(await api.db.editorInvitation.count({ where: { companyId: company(0).id } })).toBe(0);
  });

  it('end when the editor who sent them is removed', async () => {
    const { editor, company } = await world();
    const removed = await signedIn(api, 'USER');
    await api.db.companyMembership.create({ data: { companyId: company(0).id, accountId: removed.id } });
    const sent = await invite(removed, company(0).id, 'amic-del-retirat@example.org');
    expect(sent.invitation?.status).toBe('PENDING');
    const removal = await api.graphql<{ removeCompanyEditor: { userErrors: unknown[] } }>(
      'mutation ($id: ID!, $account: ID!) { removeCompanyEditor(companyId: $id, accountId: $account) { userErrors { code } } }',
      { id: company(0).id, account: removed.id },
      { token: editor.token },
    );
    expect(removal.data?.removeCompanyEditor.userErrors).toEqual([]);
    const left = await api.db.editorInvitation.findMany({
      where: { companyId: company(0).id, emailKey: 'amic-del-retirat@example.org' },
    });
    expect(left.map((invitation) => invitation.status)).toEqual(['REVOKED']);
  });

  it(`are limited to ${RATE_RULES.editorInvitePerInvitee.limit} a day for one address, from anyone`, async () => {
    const { company } = await world(2);
    const target = 'bustia-plena@example.org';
    const others = await Promise.all([signedIn(api, 'USER'), signedIn(api, 'USER')]);
    await api.db.companyMembership.createMany({
      data: others.map((account, index) => ({ companyId: company(index).id, accountId: account.id })),
    });
    // Asking again for an invitation that is waiting changes nothing and costs nothing.
    const first = await invite(others[0] as TestAccount, company(0).id, target);
    const again = await invite(others[0] as TestAccount, company(0).id, 'Bustia-Plena@example.org');
    expect(again.invitation).toEqual(first.invitation);
    const answers = [first];
    for (let i = 1; i < RATE_RULES.editorInvitePerInvitee.limit + 2; i += 1) {
      // Each time a new invitation: the one before was withdrawn.
      await api.db.editorInvitation.updateMany({ where: { emailKey: target }, data: { status: 'REVOKED' } });
      const from = others[i % 2] as TestAccount;
      answers.push(
        await invite(from, company(i % 2).id, `${i % 3 === 0 ? 'B' : 'b'}ustia-plena@example.org`),
      );
    }
    const limited = answers.filter((a) => a.userErrors[0]?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(2);
    expect(limited[0]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited[0]?.invitation).toBeNull();
    expect(await api.db.editorInvitation.count({ where: { emailKey: target } })).toBe(
      RATE_RULES.editorInvitePerInvitee.limit,
    );
  });

  it(`are limited to ${RATE_RULES.editorInvitePerAccount.limit} a day from one account`, async () => {
    const { company } = await world();
    const sender = await signedIn(api, 'USER');
    await api.db.companyMembership.create({ data: { companyId: company(0).id, accountId: sender.id } });
    const attempts = RATE_RULES.editorInvitePerAccount.limit + 5;
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) => invite(sender, company(0).id, `persona-${i}@example.org`)),
    );
    const accepted = answers.filter((a) => a.userErrors.length === 0);
    expect(accepted).toHaveLength(RATE_RULES.editorInvitePerAccount.limit);
    expect(answers.filter((a) => a.userErrors[0]?.code === 'RATE_LIMITED')).toHaveLength(5);
    expect(await api.db.editorInvitation.count({ where: { invitedById: sender.id } })).toBe(
      RATE_RULES.editorInvitePerAccount.limit,
    );
  });
});
