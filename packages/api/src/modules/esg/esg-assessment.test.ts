import { writeCompanyDocuments } from '@proximitat/search/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import {
  companyWithEditor,
  esgAnswers,
  type SeededCompany,
  seedEsg,
  submittedAssessment,
} from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverOutbox } from '../search/index.ts';
import { ESG_CRITERIA_V1 } from './esg-criteria.ts';

// Every test starts from a company of its own with an editor of its own (testing/seed.ts): any of
// them runs alone, in any order.
let api: TestApi;
let staff: TestAccount;
let outsider: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  await seedEsg(api);
  staff = await signedIn(api, 'STAFF');
  outsider = await signedIn(api, 'USER');
});
afterAll(async () => api?.close());

/** Level 4 everywhere but the environmental pillar at 2, with evidence where required. */
const answers = () => esgAnswers((criterion) => (criterion.pillar === 'ENVIRONMENTAL' ? 2 : 4));

type Submitted = {
  submitEsgAssessment: {
    assessment: {
      id: string;
      score: number;
      status: string;
      pillars: { pillar: string; score: number }[];
    } | null;
    userErrors: { field: string; code: string }[];
  };
};
type Reviewed = {
  reviewEsgAssessment: {
    assessment: { id: string; status: string; validUntil: string | null } | null;
    userErrors: { code: string; field: string }[];
  };
};

/** The latest self-assessment of the company, as `viewer` reads it (editors and staff only). */
const latest = async (company: SeededCompany, viewer: TestAccount | null) =>
  (
    await api.graphql<{
      company: { latestEsgAssessment: { id: string; score: number; status: string } | null };
    }>(
      'query ($slug: String!) { company(slug: $slug) { latestEsgAssessment { id score status } } }',
      { slug: company.slug },
      viewer ? { token: viewer.token } : {},
    )
  ).data?.company.latestEsgAssessment;

/** The public ESG summary of the company page. */
const publicEsg = async (company: SeededCompany, viewer: TestAccount | null = null) =>
  (
    await api.graphql<{ company: { esg: { score: number; status: string } | null } }>(
      contractOperation('Company'),
      { slug: company.slug },
      viewer ? { token: viewer.token } : {},
    )
  ).data?.company.esg;

const review = (id: string, decision: 'APPROVE' | 'REJECT', as: TestAccount, reason?: string) =>
  api.graphql<Reviewed>(
    contractOperation('ReviewEsgAssessment'),
    { id, decision, ...(reason === undefined ? {} : { reason }) },
    { token: as.token },
  );

describe('ESG self-assessment and verification', () => {
  it('scores a submission at once, as EsgAnswerInput defines', async () => {
    const { company, editor } = await companyWithEditor(api);
    const response = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId: company.id, answers: answers() },
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
    const { company, editor } = await companyWithEditor(api);
    const before = await api.db.esgAssessment.count();
    const submit = async (list: { criterion: string; level: number }[]) =>
      (
        await api.graphql<Submitted>(
          contractOperation('SubmitEsgAssessment'),
          { companyId: company.id, answers: list },
          { token: editor.token },
        )
      ).data?.submitEsgAssessment.userErrors.map((e) => [e.field, e.code]);
    const outOfRange = answers();
    outOfRange[1] = { ...outOfRange[1], level: 5 } as (typeof outOfRange)[number];
    expect(await submit(outOfRange)).toEqual([['answers.1.level', 'VALIDATION']]);
    // The first criterion left out, and another answered twice.
    const incomplete = answers().slice(1);
    incomplete.push({ criterion: 'SOC_EQUALITY', level: 3 });
    expect(await submit(incomplete)).toEqual([
      ['answers.8.criterion', 'VALIDATION'],
      ['answers', 'VALIDATION'],
    ]);
    const noEvidence = answers().map((a) => ({ criterion: a.criterion, level: a.level }));
    const missing = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId: company.id, answers: noEvidence },
      { token: editor.token },
    );
    expect(missing.data?.submitEsgAssessment.userErrors[0]).toMatchObject({
      field: 'answers.0.evidenceUrl',
      code: 'VALIDATION',
    });
    const refused = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId: company.id, answers: answers() },
      { token: outsider.token },
    );
    expect(refused.data?.submitEsgAssessment.userErrors[0]).toMatchObject({
      code: 'FORBIDDEN',
      field: 'companyId',
    });
    expect(await api.db.esgAssessment.count()).toBe(before);
  });

  it('queues submissions for staff only, with the answers and their evidence', async () => {
    const { company, editor } = await companyWithEditor(api);
    const { id } = await submittedAssessment(api, company.id, editor, answers());
    const QUEUE =
      '{ esgReviewQueue(first: 50) { totalCount edges { node { id company { id } answers { criterion question level evidenceUrl } } } } }';
    const forEditor = await api.graphql(QUEUE, {}, { token: editor.token });
    expect(forEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forStaff = await api.graphql<{
      esgReviewQueue: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            company: { id: string };
            answers: { criterion: string; question: string; level: number }[];
          };
        }[];
      };
    }>(QUEUE, {}, { token: staff.token });
    expect(forStaff.data?.esgReviewQueue.totalCount).toBeGreaterThanOrEqual(1);
    const node = forStaff.data?.esgReviewQueue.edges.find((edge) => edge.node.id === id)?.node;
    expect(node?.company.id).toBe(company.id);
    expect(node?.answers).toHaveLength(ESG_CRITERIA_V1.length);
    expect(node?.answers[0]).toMatchObject({
      criterion: ESG_CRITERIA_V1[0]?.code,
      question: ESG_CRITERIA_V1[0]?.question.ca,
      level: 2,
    });
    // Reviewed, it leaves the queue.
    await review(id, 'REJECT', staff, 'Sense evidències.');
    const after = await api.graphql<{ esgReviewQueue: { edges: { node: { id: string } }[] } }>(
      QUEUE,
      {},
      { token: staff.token },
    );
    expect(after.data?.esgReviewQueue.edges.map((edge) => edge.node.id)).not.toContain(id);
  });

  it('staff verify it: the company is homologated for two years, then it expires', async () => {
    const { company, editor } = await companyWithEditor(api);
    const assessment = await submittedAssessment(api, company.id, editor, answers());
    const asEditor = await review(assessment.id, 'APPROVE', editor);
    expect(asEditor.data?.reviewEsgAssessment.userErrors[0]?.code).toBe('FORBIDDEN');
    const verified = await review(assessment.id, 'APPROVE', staff);
    expect(verified.data?.reviewEsgAssessment.assessment?.status).toBe('VERIFIED');
    const validUntil = new Date(verified.data?.reviewEsgAssessment.assessment?.validUntil ?? 0);
    const inTwoYears = new Date();
    inTwoYears.setFullYear(inTwoYears.getFullYear() + 2);
    expect(Math.abs(validUntil.getTime() - inTwoYears.getTime())).toBeLessThan(60_000);

    expect(await publicEsg(company)).toMatchObject({ score: 83, status: 'VERIFIED' });
    const again = await review(assessment.id, 'REJECT', staff, 'x');
    expect(again.data?.reviewEsgAssessment.userErrors[0]?.code).toBe('CONFLICT');

    // Two years later, it no longer counts.
    await api.db.esgAssessment.update({
      where: { id: assessment.id },
      data: { validUntil: new Date(Date.now() - 1000) },
    });
    // Publicly there is no homologation any more; its editors still read it, as EXPIRED.
    expect(await publicEsg(company)).toBeNull();
    expect(await latest(company, editor)).toMatchObject({ id: assessment.id, status: 'EXPIRED' });
  });

  it('never shows a self-declared score in public: only its editors and staff read the latest submission', async () => {
    const { company, editor } = await companyWithEditor(api);
    const submitted = await api.graphql<Submitted>(
      contractOperation('SubmitEsgAssessment'),
      { companyId: company.id, answers: esgAnswers(() => 4) },
      { token: editor.token },
    );
    const id = submitted.data?.submitEsgAssessment.assessment?.id;
    expect(submitted.data?.submitEsgAssessment.assessment).toMatchObject({ score: 100, status: 'SUBMITTED' });
    for (const viewer of [null, outsider, editor, staff]) {
      expect(await publicEsg(company, viewer), viewer?.email ?? 'anonymous').toBeNull();
    }
    expect(await latest(company, editor)).toMatchObject({ id, score: 100, status: 'SUBMITTED' });
    expect(await latest(company, staff)).toMatchObject({ id, score: 100, status: 'SUBMITTED' });
    expect(await latest(company, outsider)).toBeNull();
    expect(await latest(company, null)).toBeNull();
  });

  it('a rejection needs a reason', async () => {
    const { company, editor } = await companyWithEditor(api);
    const { id } = await submittedAssessment(api, company.id, editor, answers());
    const noReason = await review(id, 'REJECT', staff);
    expect(noReason.data?.reviewEsgAssessment.userErrors[0]).toMatchObject({
      field: 'reason',
      code: 'VALIDATION',
    });
    expect((await api.db.esgAssessment.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');
    const rejected = await review(id, 'REJECT', staff, "Falta l'evidència del pla d'igualtat.");
    expect(rejected.data?.reviewEsgAssessment.assessment?.status).toBe('REJECTED');
  });

  it('makes the company homologated in search while the verification is in force', async () => {
    await api.search.ensureCompaniesIndex();
    const { company, editor } = await companyWithEditor(api);
    const { id } = await submittedAssessment(api, company.id, editor, answers());
    await review(id, 'APPROVE', staff);
    while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
    /** Whether the company is among the search's answers for the filter. */
    const found = async (filter: Record<string, unknown>) => {
      const response = await api.graphql<{ searchCompanies: { edges: { node: { id: string } }[] } }>(
        'query ($filter: CompanyFilter) { searchCompanies(filter: $filter, first: 100) { edges { node { id } } } }',
        { filter },
      );
      expect(response.errors).toBeUndefined();
      return (response.data?.searchCompanies.edges ?? []).some((edge) => edge.node.id === company.id);
    };
    expect(await found({ homologated: true })).toBe(true);
    expect(await found({ minEsgScore: 80 })).toBe(true);
    expect(await found({ minEsgScore: 90 })).toBe(false);
    expect(await found({ homologated: false })).toBe(false);
    // Expiry needs no reindex: the search compares the document's validUntil with its own time,
    // even though the document still says homologated.
    const document = await api.search.companyDocument(company.id);
    if (!document) throw new Error('the company is not in the index');
    expect(document.homologated).toBe(true);
    await writeCompanyDocuments(api.search, [{ ...document, esgValidUntil: Date.now() - 1000 }]);
    expect(await found({ homologated: true })).toBe(false);
    expect(await found({ minEsgScore: 80 })).toBe(false);
    expect(await found({ homologated: false })).toBe(true);
  });
});
