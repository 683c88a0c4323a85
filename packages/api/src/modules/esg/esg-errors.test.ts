import { reasonMessage } from '@proximitat/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { ESG_CRITERIA_V1, seedEsgCriteria } from './esg-criteria.ts';

let api: TestApi;
let staff: TestAccount;
let editor: TestAccount;
let outsider: TestAccount;
let companyId: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedEsgCriteria(api.db);
  await importSampleCompanies(api.db, await loadPlaces(api.db), 1, 'esg-errors');
  companyId = (await api.db.company.findFirstOrThrow()).id;
  staff = await signedIn(api, 'STAFF');
  editor = await signedIn(api, 'USER');
  outsider = await signedIn(api, 'USER');
  await api.db.companyMembership.create({ data: { companyId, accountId: editor.id } });
});
afterAll(async () => api?.close());

interface Answer {
  criterion: string;
  level: number;
  evidenceUrl?: string | null;
  comment?: string | null;
}
interface ReportedError {
  field: string | null;
  code: string;
  reason: string;
  params: { name: string; value: string }[];
  message: string;
}

const ERRORS = 'userErrors { field code reason params { name value } message }';
const SUBMIT = `mutation ($companyId: ID!, $answers: [EsgAnswerInput!]!) { submitEsgAssessment(companyId: $companyId, answers: $answers) { assessment { id score } ${ERRORS} } }`;
const REVIEW = `mutation ($id: ID!, $decision: ReviewDecision!, $reason: String) { reviewEsgAssessment(id: $id, decision: $decision, reason: $reason) { assessment { id status } ${ERRORS} } }`;

/** Every criterion answered at level 3, with evidence where required. */
const complete = (): Answer[] =>
  ESG_CRITERIA_V1.map((criterion) => ({
    criterion: criterion.code,
    level: 3,
    ...(criterion.evidenceRequired ? { evidenceUrl: 'https://exemple.coop/evidencia.pdf' } : {}),
  }));
const indexOf = (code: string) => ESG_CRITERIA_V1.findIndex((criterion) => criterion.code === code);

async function submit(answers: Answer[], account = editor, locale = 'ca') {
  const response = await api.graphql<{
    submitEsgAssessment: { assessment: { id: string; score: number } | null; userErrors: ReportedError[] };
  }>(SUBMIT, { companyId, answers }, { token: account.token, headers: { 'accept-language': locale } });
  expect(response.errors).toBeUndefined();
  return response.data?.submitEsgAssessment ?? { assessment: null, userErrors: [] };
}

async function review(variables: Record<string, unknown>) {
  const response = await api.graphql<{
    reviewEsgAssessment: { assessment: { id: string; status: string } | null; userErrors: ReportedError[] };
  }>(REVIEW, variables, { token: staff.token });
  expect(response.errors).toBeUndefined();
  return response.data?.reviewEsgAssessment ?? { assessment: null, userErrors: [] };
}

const reasons = (errors: ReportedError[]) =>
  errors.map(({ field, code, reason, params }) => ({ field, code, reason, params }));

describe('the reasons of an ESG self-assessment’s errors', () => {
  it('checks the input first: a level out of range, a link that is not a web address, a comment too long', async () => {
    const answers = complete();
    answers[0] = { ...(answers[0] as Answer), level: 5 };
    answers[1] = { ...(answers[1] as Answer), evidenceUrl: 'no és cap enllaç' };
    answers[2] = { ...(answers[2] as Answer), comment: `  ${'x'.repeat(2001)}  ` };
    // Missing and duplicated criteria need the catalogue: they wait until the input is well formed.
    answers.push({ criterion: 'SOC_EQUALITY', level: 1 });
    const before = await api.db.esgAssessment.count();
    const result = await submit(answers);
    expect(result.assessment).toBeNull();
    expect(reasons(result.userErrors)).toEqual([
      { field: 'answers.0.level', code: 'VALIDATION', reason: 'ESG_LEVEL_OUT_OF_RANGE', params: [] },
      { field: 'answers.1.evidenceUrl', code: 'VALIDATION', reason: 'NOT_A_URL', params: [] },
      {
        field: 'answers.2.comment',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '2000' }],
      },
    ]);
    expect(await api.db.esgAssessment.count()).toBe(before);
  });

  it('then checks the answers against the catalogue, each error naming its criterion', async () => {
    const answers = complete().filter((answer) => answer.criterion !== 'GOV_PAY_RATIO');
    const equality = indexOf('SOC_EQUALITY');
    answers[equality] = { criterion: 'SOC_EQUALITY', level: 2 };
    answers.push({ criterion: 'ENV_SUPPLIERS', level: 1 }, { criterion: 'OLD_CRITERION', level: 1 });
    const result = await submit(answers);
    expect(reasons(result.userErrors)).toEqual([
      {
        field: `answers.${equality}.evidenceUrl`,
        code: 'VALIDATION',
        reason: 'ESG_EVIDENCE_REQUIRED',
        params: [{ name: 'criterion', value: 'SOC_EQUALITY' }],
      },
      {
        field: `answers.${answers.length - 2}.criterion`,
        code: 'VALIDATION',
        reason: 'ESG_CRITERION_ANSWERED_TWICE',
        params: [{ name: 'criterion', value: 'ENV_SUPPLIERS' }],
      },
      {
        field: `answers.${answers.length - 1}.criterion`,
        code: 'VALIDATION',
        reason: 'ESG_CRITERION_UNKNOWN',
        params: [{ name: 'criterion', value: 'OLD_CRITERION' }],
      },
      {
        field: 'answers',
        code: 'VALIDATION',
        reason: 'ESG_CRITERION_UNANSWERED',
        params: [{ name: 'criterion', value: 'GOV_PAY_RATIO' }],
      },
    ]);
  });

  it('needs no evidence for a criterion answered 0, and normalises the links it stores', async () => {
    const answers = complete().map((answer) =>
      answer.criterion === 'SOC_EQUALITY'
        ? { criterion: 'SOC_EQUALITY', level: 0, evidenceUrl: '  ', comment: '   ' }
        : answer.criterion === 'ENV_MANAGEMENT'
          ? { ...answer, evidenceUrl: ' exemple.coop/pla ', comment: ' Pla 2024 ' }
          : answer,
    );
    const result = await submit(answers);
    expect(result.userErrors).toEqual([]);
    const stored = await api.db.esgAssessment.findUniqueOrThrow({
      where: { id: result.assessment?.id ?? '' },
    });
    const byCode = new Map(
      (stored.answers as unknown as Answer[]).map((answer) => [answer.criterion, answer]),
    );
    expect(byCode.get('ENV_MANAGEMENT')).toEqual({
      criterion: 'ENV_MANAGEMENT',
      level: 3,
      evidenceUrl: 'https://exemple.coop/pla',
      comment: 'Pla 2024',
    });
    expect(byCode.get('SOC_EQUALITY')).toEqual({
      criterion: 'SOC_EQUALITY',
      level: 0,
      evidenceUrl: null,
      comment: null,
    });
    await review({ id: result.assessment?.id, decision: 'REJECT', reason: 'Prova.' });
  });

  it('lets only editors submit', async () => {
    const result = await submit(complete(), outsider);
    expect(reasons(result.userErrors)).toEqual([
      { field: 'companyId', code: 'FORBIDDEN', reason: 'ESG_EDITORS_ONLY', params: [] },
    ]);
  });

  it('writes the message in the caller’s language, naming the criterion by its code', async () => {
    const answers = complete().filter((answer) => answer.criterion !== 'ENV_ENERGY_WASTE');
    const params = [{ name: 'criterion', value: 'ENV_ENERGY_WASTE' }];
    for (const [tag, locale] of [
      ['ca', 'CA'],
      ['es-ES', 'ES'],
      ['en-GB', 'EN'],
    ] as const) {
      // The account's language chooses (it is the one the editor signed up in), before Accept-Language.
      await api.db.account.update({ where: { id: editor.id }, data: { locale } });
      const [error] = (await submit(answers, editor, tag === 'ca' ? 'en' : 'ca')).userErrors;
      expect(error?.message).toBe(reasonMessage(locale, 'ESG_CRITERION_UNANSWERED', params));
    }
    await api.db.account.update({ where: { id: editor.id }, data: { locale: 'CA' } });
    expect(reasonMessage('CA', 'ESG_CRITERION_UNANSWERED', params)).toBe(
      'Respon el criteri «ENV_ENERGY_WASTE».',
    );
    expect(reasonMessage('EN', 'ESG_CRITERION_UNANSWERED', params)).toBe(
      'Answer the criterion “ENV_ENERGY_WASTE”.',
    );
  });
});

describe('the reasons of an ESG review’s errors', () => {
  it('a rejection needs a reason; an unknown assessment is not found; a reviewed one says what it became', async () => {
    const submitted = await submit(complete());
    const id = submitted.assessment?.id;
    expect(id).toBeDefined();
    for (const reason of [undefined, '   ']) {
      expect(reasons((await review({ id, decision: 'REJECT', reason })).userErrors)).toEqual([
        { field: 'reason', code: 'VALIDATION', reason: 'ESG_REJECTION_REASON_REQUIRED', params: [] },
      ]);
    }
    for (const unknown of ['no-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(reasons((await review({ id: unknown, decision: 'APPROVE' })).userErrors)).toEqual([
        { field: 'id', code: 'NOT_FOUND', reason: 'ESG_ASSESSMENT_NOT_FOUND', params: [] },
      ]);
    }
    expect((await review({ id, decision: 'APPROVE' })).assessment?.status).toBe('VERIFIED');
    const again = await review({ id, decision: 'REJECT', reason: 'Tard.' });
    expect(reasons(again.userErrors)).toEqual([
      {
        field: 'id',
        code: 'CONFLICT',
        reason: 'ESG_ASSESSMENT_ALREADY_REVIEWED',
        params: [{ name: 'status', value: 'VERIFIED' }],
      },
    ]);
    expect(again.userErrors[0]?.message).toBe("Aquesta autoavaluació ja s'ha revisat i està verificada.");
  });
});

describe('the stored answers and pillar scores', () => {
  it('are parsed when read: a row that does not match the stored shape fails instead of answering nonsense', async () => {
    const company = await api.db.company.findFirstOrThrow();
    const assessment = await api.db.esgAssessment.create({
      data: {
        companyId: company.id,
        criteriaVersion: 1,
        score: 50,
        pillarScores: [{ pillar: 'SOCIAL', score: 50 }],
        // An Int GraphQL would serialise, but not a level: only the parse refuses it.
        answers: [{ criterion: 'SOC_EQUALITY', level: 9, evidenceUrl: null, comment: null }],
      },
    });
    const read = await api.graphql<{
      esgReviewQueue: { edges: { node: { id: string; pillars: unknown; answers: unknown } }[] };
    }>(
      '{ esgReviewQueue(first: 10) { edges { node { id pillars { pillar score } answers { criterion level } } } } }',
      {},
      {
        token: staff.token,
      },
    );
    expect(read.errors?.length).toBeGreaterThan(0);
    expect(read.errors?.[0]?.path).toEqual(expect.arrayContaining(['answers']));
    await api.db.esgAssessment.delete({ where: { id: assessment.id } });
  });
});
