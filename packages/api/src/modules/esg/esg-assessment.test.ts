import { writeCompanyDocuments } from '@proximitat/search/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';
import { deliverOutbox } from '../search/index.ts';
import { ESG_CRITERIA_V1, seedEsgCriteria } from './esg-criteria.ts';

let api: TestApi;
let staff: TestAccount;
let editor: TestAccount;
let outsider: TestAccount;
let companyId: string;
let slug: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedEsgCriteria(api.db);
  await importSampleCompanies(api.db, await loadPlaces(api.db), 1, 'esg');
  const company = await api.db.company.findFirstOrThrow();
  companyId = company.id;
  slug = company.slug;
  staff = await signedIn(api, 'STAFF');
  editor = await signedIn(api, 'USER');
  outsider = await signedIn(api, 'USER');
  await api.db.companyMembership.create({ data: { companyId, accountId: editor.id } });
});
afterAll(async () => api?.close());

/** Level 4 everywhere but the environmental pillar at 2, with evidence where required. */
const answers = () =>
  ESG_CRITERIA_V1.map((criterion) => ({
    criterion: criterion.code,
    level: criterion.pillar === 'ENVIRONMENTAL' ? 2 : 4,
    ...(criterion.evidenceRequired ? { evidenceUrl: 'https://exemple.coop/evidencia.pdf' } : {}),
  }));

type Submitted = {
  submitEsgAssessment: {
    assessment: {
      id: string;
      score: number;
      status: string;
      pillars: { pillar: string; score: number }[];
    } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};
type Reviewed = {
  reviewEsgAssessment: {
    assessment: { id: string; status: string; validUntil: string | null } | null;
    userErrors: { code: string; field: string }[];
  };
};

/** The latest self-assessment, as `viewer` reads it (editors and staff only). */
const latest = async (viewer: TestAccount | null) =>
  (
    await api.graphql<{
      company: { latestEsgAssessment: { id: string; score: number; status: string } | null };
    }>(
      'query ($slug: String!) { company(slug: $slug) { latestEsgAssessment { id score status } } }',
      { slug },
      viewer ? { token: viewer.token } : {},
    )
  ).data?.company.latestEsgAssessment;

describe('ESG self-assessment and verification', () => {
  it('scores a submission at once, as EsgAnswerInput defines', async () => {
    const response = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: answers() },
      { token: editor.token },
    );
    // Environmental 0.5 x 7, social and governance 1 x 14: (3.5 + 14) / 21 = 83.3.
    expect(response.data?.submitEsgAssessment).toMatchObject({
      assessment: {
        score: 83,
        status: 'SUBMITTED',
        pillars: [
          { pillar: 'ENVIRONMENTAL', score: 50 },
          { pillar: 'SOCIAL', score: 100 },
          { pillar: 'GOVERNANCE', score: 100 },
        ],
      },
      userErrors: [],
    });
  });

  it('requires every criterion once, levels 0..4 and evidence where asked; only editors may submit', async () => {
    const before = await api.db.esgAssessment.count();
    const broken = answers().slice(1);
    broken[0] = { ...broken[0], level: 5 } as (typeof broken)[number];
    broken.push({ criterion: 'SOC_EQUALITY', level: 3 });
    const invalid = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: broken },
      { token: editor.token },
    );
    expect(invalid.data?.submitEsgAssessment.userErrors.map((e) => [e.field, e.message])).toEqual([
      ['answers.0.level', 'must be from 0 (not met) to 4 (fully met)'],
      ['answers.8.criterion', 'SOC_EQUALITY is answered twice'],
      ['answers', 'ENV_MANAGEMENT is not answered'],
    ]);
    const noEvidence = answers().map((a) => ({ criterion: a.criterion, level: a.level }));
    const missing = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: noEvidence },
      { token: editor.token },
    );
    expect(missing.data?.submitEsgAssessment.userErrors[0]).toMatchObject({
      field: 'answers.0.evidenceUrl',
      code: 'VALIDATION',
    });
    const refused = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: answers() },
      { token: outsider.token },
    );
    expect(refused.data?.submitEsgAssessment.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.db.esgAssessment.count()).toBe(before);
  });

  it('queues submissions for staff only, with the answers and their evidence', async () => {
    const QUEUE =
      '{ esgReviewQueue(first: 10) { totalCount edges { node { company { id } answers { criterion question level evidenceUrl } } } } }';
    const forEditor = await api.graphql(QUEUE, {}, { token: editor.token });
    expect(forEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forStaff = await api.graphql<{
      esgReviewQueue: {
        totalCount: number;
        edges: {
          node: {
            company: { id: string };
            answers: { criterion: string; question: string; level: number }[];
          };
        }[];
      };
    }>(QUEUE, {}, { token: staff.token });
    expect(forStaff.data?.esgReviewQueue.totalCount).toBe(1);
    const node = forStaff.data?.esgReviewQueue.edges[0]?.node;
    expect(node?.company.id).toBe(companyId);
    expect(node?.answers).toHaveLength(ESG_CRITERIA_V1.length);
    expect(node?.answers[0]).toMatchObject({
      criterion: ESG_CRITERIA_V1[0]?.code,
      question: ESG_CRITERIA_V1[0]?.question.ca,
      level: 2,
    });
  });

  it('staff verify it: the company is homologated for two years, then it expires', async () => {
    const assessment = await api.db.esgAssessment.findFirstOrThrow({ where: { companyId } });
    const asEditor = await api.graphql<Reviewed>(
      contractOperation('ReviewEsgAssessment'),
      { id: assessment.id, decision: 'APPROVE' },
      { token: editor.token },
    );
    expect(asEditor.data?.reviewEsgAssessment.userErrors[0]?.code).toBe('FORBIDDEN');
    const verified = await api.graphql<Reviewed>(
      contractOperation('ReviewEsgAssessment'),
      { id: assessment.id, decision: 'APPROVE' },
      { token: staff.token },
    );
    expect(verified.data?.reviewEsgAssessment.assessment?.status).toBe('VERIFIED');
    const validUntil = new Date(verified.data?.reviewEsgAssessment.assessment?.validUntil ?? 0);
    const inTwoYears = new Date();
    inTwoYears.setFullYear(inTwoYears.getFullYear() + 2);
    expect(Math.abs(validUntil.getTime() - inTwoYears.getTime())).toBeLessThan(60_000);

    const esg = async () =>
      (
        await api.graphql<{ company: { esg: { score: number; status: string } | null } }>(
          contractOperation('Company'),
          { slug },
        )
      ).data?.company.esg;
    expect(await esg()).toMatchObject({ score: 83, status: 'VERIFIED' });
    const again = await api.graphql<Reviewed>(
      contractOperation('ReviewEsgAssessment'),
      { id: assessment.id, decision: 'REJECT', reason: 'x' },
      { token: staff.token },
    );
    expect(again.data?.reviewEsgAssessment.userErrors[0]?.code).toBe('CONFLICT');

    // Two years later, it no longer counts.
    await api.db.esgAssessment.update({
      where: { id: assessment.id },
      data: { validUntil: new Date(Date.now() - 1000) },
    });
    // Publicly there is no homologation any more; its editors still read it, as EXPIRED.
    expect(await esg()).toBeNull();
    expect(await latest(editor)).toMatchObject({ id: assessment.id, status: 'EXPIRED' });
  });

  it('never shows a self-declared score in public: only its editors and staff read the latest submission', async () => {
    const submitted = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: answers().map((answer) => ({ ...answer, level: 4 })) },
      { token: editor.token },
    );
    const id = submitted.data?.submitEsgAssessment.assessment?.id;
    expect(submitted.data?.submitEsgAssessment.assessment).toMatchObject({ score: 100, status: 'SUBMITTED' });
    for (const viewer of [null, outsider, editor, staff]) {
      const page = await api.graphql<{ company: { esg: unknown } }>(
        contractOperation('Company'),
        { slug },
        viewer ? { token: viewer.token } : {},
      );
      expect(page.data?.company.esg, viewer?.email ?? 'anonymous').toBeNull();
    }
    expect(await latest(editor)).toMatchObject({ id, score: 100, status: 'SUBMITTED' });
    expect(await latest(staff)).toMatchObject({ id, score: 100, status: 'SUBMITTED' });
    expect(await latest(outsider)).toBeNull();
    expect(await latest(null)).toBeNull();
    // Rejected, so that the next tests start from a company without a pending submission.
    await api.graphql(
      contractOperation('ReviewEsgAssessment'),
      { id, decision: 'REJECT', reason: 'Sense evidències.' },
      { token: staff.token },
    );
  });

  it('a rejection needs a reason', async () => {
    const submitted = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: answers() },
      { token: editor.token },
    );
    const id = submitted.data?.submitEsgAssessment.assessment?.id;
    const noReason = await api.graphql<Reviewed>(
      contractOperation('ReviewEsgAssessment'),
      { id, decision: 'REJECT' },
      { token: staff.token },
    );
    expect(noReason.data?.reviewEsgAssessment.userErrors[0]).toMatchObject({
      field: 'reason',
      code: 'VALIDATION',
    });
    const rejected = await api.graphql<Reviewed>(
      contractOperation('ReviewEsgAssessment'),
      { id, decision: 'REJECT', reason: "Falta l'evidència del pla d'igualtat." },
      { token: staff.token },
    );
    expect(rejected.data?.reviewEsgAssessment.assessment?.status).toBe('REJECTED');
  });

  it('makes the company homologated in search while the verification is in force', async () => {
    await api.search.ensureCompaniesIndex();
    const submitted = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId, answers: answers() },
      { token: editor.token },
    );
    const id = submitted.data?.submitEsgAssessment.assessment?.id ?? '';
    await api.graphql(
      contractOperation('ReviewEsgAssessment'),
      { id, decision: 'APPROVE' },
      { token: staff.token },
    );
    while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
    const count = async (filter: Record<string, unknown>) =>
      (
        await api.graphql<{ searchCompanies: { totalCount: number; degraded: boolean } }>(
          'query ($filter: CompanyFilter) { searchCompanies(filter: $filter) { totalCount degraded } }',
          { filter },
        )
      ).data?.searchCompanies.totalCount;
    expect(await count({ homologated: true })).toBe(1);
    expect(await count({ minEsgScore: 80 })).toBe(1);
    expect(await count({ minEsgScore: 90 })).toBe(0);
    // Expiry needs no reindex: the search compares the document's validUntil with its own time,
    // even though the document still says homologated.
    const document = await api.search.companyDocument(companyId);
    if (!document) throw new Error('the company is not in the index');
    expect(document.homologated).toBe(true);
    await writeCompanyDocuments(api.search, [{ ...document, esgValidUntil: Date.now() - 1000 }]);
    expect(await count({ homologated: true })).toBe(0);
    expect(await count({ minEsgScore: 80 })).toBe(0);
    expect(await count({ homologated: false })).toBe(1);
  });
});
