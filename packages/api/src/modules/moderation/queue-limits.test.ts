import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { makeCif } from '../directory/tax-id.ts';
import { ESG_CRITERIA_V1, seedEsgCriteria } from '../esg/esg-criteria.ts';

/**
 * Every mutation that fills a staff queue (profiles, revisions, claims, ESG submissions) shares one
 * budget per account and one per address: past it, RATE_LIMITED with retryAfterSeconds, nothing
 * written. The issue saw 10 of 10 ESG submissions and 13 of 15 claims accepted from one account.
 */
let api: TestApi;
let companies: { id: string }[];
const PER_ACCOUNT = RATE_RULES.staffQueuePerAccount.limit;
const PER_ADDRESS = RATE_RULES.staffQueuePerAddress.limit;

beforeAll(async () => {
  // Each test sends its requests from an address of its own (through a trusted proxy on
  // loopback), so that no test spends another's per-address budget.
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
  await seedEsgCriteria(api.db);
  await importSampleCompanies(api.db, await loadPlaces(api.db), PER_ACCOUNT + 5, 'queue');
  companies = await api.db.company.findMany({ select: { id: true }, orderBy: { name: 'asc' } });
});
afterAll(async () => api?.close());

const answers = () =>
  ESG_CRITERIA_V1.map((criterion) => ({
    criterion: criterion.code,
    level: 3,
    ...(criterion.evidenceRequired ? { evidenceUrl: 'https://exemple.coop/evidencia.pdf' } : {}),
  }));

type Answer = { retryAfterSeconds: number | null; userErrors: { code: string }[] };

let addresses = 0;
/** A fresh client address (TEST-NET-3), as the proxy's X-Forwarded-For header. */
const fromFreshAddress = () => ({ 'x-forwarded-for': `203.0.113.${++addresses}` });
type From = Record<string, string>;

async function submitEsg(account: TestAccount, companyId: string, from: From) {
  const response = await api.graphql<{ submitEsgAssessment: Answer }>(
    'mutation ($companyId: ID!, $answers: [EsgAnswerInput!]!) { submitEsgAssessment(companyId: $companyId, answers: $answers) { retryAfterSeconds userErrors { code } } }',
    { companyId, answers: answers() },
    { token: account.token, headers: from },
  );
  return response.data?.submitEsgAssessment as Answer;
}

async function claim(account: TestAccount, companyId: string, from: From) {
  const response = await api.graphql<{ claimCompany: Answer }>(
    'mutation ($companyId: ID!) { claimCompany(companyId: $companyId, message: "Som nosaltres.") { retryAfterSeconds userErrors { code } } }',
    { companyId },
    { token: account.token, headers: from },
  );
  return response.data?.claimCompany as Answer;
}

const queued = async () => (await api.db.companyRevision.count()) + (await api.db.esgAssessment.count());

describe('staff queue limits', () => {
  it(`let one account fill the queues ${PER_ACCOUNT} times a day, across every kind of entry`, async () => {
    const account = await signedIn(api, 'USER');
    const from = fromFreshAddress();
    const company = companies[0]?.id as string;
    await api.db.companyMembership.create({ data: { companyId: company, accountId: account.id } });
    // Concurrent submissions cannot slip past the count.
    const submitted = await Promise.all(
      Array.from({ length: PER_ACCOUNT + 3 }, () => submitEsg(account, company, from)),
    );
    expect(submitted.filter((answer) => answer.userErrors.length === 0)).toHaveLength(PER_ACCOUNT);
    const refused = submitted.filter((answer) => answer.userErrors[0]?.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(3);
    expect(refused[0]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused[0]?.retryAfterSeconds).toBeLessThanOrEqual(RATE_RULES.staffQueuePerAccount.windowSeconds);

    // The same budget covers claims, profiles and revisions.
    const before = await queued();
    expect((await claim(account, companies[1]?.id as string, from)).userErrors).toEqual([
      { code: 'RATE_LIMITED' },
    ]);
    const created = await api.graphql<{
      createCompanyProfile: { retryAfterSeconds: number | null; userErrors: { code: string }[] };
    }>(
      'mutation ($input: CompanyProfileInput!) { createCompanyProfile(input: $input) { retryAfterSeconds userErrors { code } } }',
      {
        input: {
          name: 'Una més',
          taxId: makeCif('F', 8700001),
          legalForm: 'COOP_TREBALL',
          sectors: ['NETEJA'],
        },
      },
      { token: account.token, headers: from },
    );
    expect(created.data?.createCompanyProfile.userErrors).toEqual([{ code: 'RATE_LIMITED' }]);
    expect(created.data?.createCompanyProfile.retryAfterSeconds).toBeGreaterThan(0);
    const updated = await api.graphql<{ updateCompanyProfile: Answer }>(
      contractOperation('UpdateCompanyProfile'),
      {
        companyId: company,
        input: {
          name: 'Nom nou',
          taxId: (await api.db.company.findUniqueOrThrow({ where: { id: company } })).taxId,
          legalForm: 'COOP_TREBALL',
          sectors: ['NETEJA'],
        },
      },
      { token: account.token, headers: from },
    );
    expect(updated.data?.updateCompanyProfile.userErrors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    ]);
    expect(await queued()).toBe(before);
    expect(await api.db.company.count({ where: { name: 'Una més' } })).toBe(0);
    // Over HTTP the refusal also carries Retry-After, as sign-in's does.
    const http = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}`, ...from },
      body: JSON.stringify({
        query:
          'mutation ($companyId: ID!) { claimCompany(companyId: $companyId, message: "Altra vegada.") { retryAfterSeconds } }',
        variables: { companyId: companies[4]?.id },
      }),
    });
    const body = (await http.json()) as { data: { claimCompany: { retryAfterSeconds: number } } };
    expect(Number(http.headers.get('retry-after'))).toBe(body.data.claimCompany.retryAfterSeconds);
  });

  it('do not count a submission refused as invalid (fixing a form costs nothing)', async () => {
    const account = await signedIn(api, 'USER');
    const from = fromFreshAddress();
    const company = companies[2]?.id as string;
    await api.db.companyMembership.create({ data: { companyId: company, accountId: account.id } });
    for (let i = 0; i < PER_ACCOUNT + 2; i += 1) {
      const response = await api.graphql<{ submitEsgAssessment: Answer }>(
        'mutation ($companyId: ID!) { submitEsgAssessment(companyId: $companyId, answers: []) { retryAfterSeconds userErrors { code } } }',
        { companyId: company },
        { token: account.token, headers: from },
      );
      expect(response.data?.submitEsgAssessment.userErrors[0]?.code).toBe('VALIDATION');
    }
    expect((await submitEsg(account, company, from)).userErrors).toEqual([]);
  });

  it(`let one address fill the queues ${PER_ADDRESS} times a day, whatever the accounts`, async () => {
    // Claims from fresh accounts, all from one address, on a company without editors.
    const from = fromFreshAddress();
    const left = PER_ADDRESS;
    // Signed in one after another: that many sign-ins at once from one address would meet the
    // sign-in throttle, which is not what this test is about.
    const accounts: TestAccount[] = [];
    for (let i = 0; i < left + 2; i += 1) accounts.push(await signedIn(api, 'USER'));
    const target = companies[3]?.id as string;
    const answersGiven = [];
    for (const account of accounts) answersGiven.push(await claim(account, target, from));
    expect(answersGiven.filter((answer) => answer.userErrors.length === 0)).toHaveLength(left);
    expect(answersGiven.slice(left).map((answer) => answer.userErrors)).toEqual([
      [{ code: 'RATE_LIMITED' }],
      [{ code: 'RATE_LIMITED' }],
    ]);
    expect(await api.db.companyRevision.count({ where: { companyId: target } })).toBe(left);
  });
});
