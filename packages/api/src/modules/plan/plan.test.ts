import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parsePlanDocument } from './plan-document.ts';
import { readPlanFile, SEED_PLAN_FILE } from './plan-file.ts';
import { importPlan } from './plan-import.service.ts';

let api: TestApi;
let staff: TestAccount;
let user: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  const { parsed, facts } = await readPlanFile(SEED_PLAN_FILE);
  await importPlan(api.db, parsed, facts);
  staff = await signedIn(api, 'STAFF');
  user = await signedIn(api, 'USER');
});
afterAll(async () => api?.close());

const SET_STATUS = `
  mutation ($input: SetMeasureStatusInput!) {
    setMeasureStatus(input: $input) {
      measure { code status history(first: 5) { edges { node { from to comment at by { email } } } } }
      userErrors { field message code reason params { name value } }
    }
  }`;

interface Progress {
  executionRate: number;
  measuresTotal: number;
  measuresDone: number;
}

async function planProgress(): Promise<{ plan: Progress; axis2: number; objective26: number }> {
  const result = await api.graphql<{
    workPlan: {
      progress: Progress;
      axes: { code: string; progress: Progress; objectives: { code: string; progress: Progress }[] }[];
    };
  }>(
    '{ workPlan(year: 2018) { progress { executionRate measuresTotal measuresDone } axes { code progress { executionRate measuresTotal measuresDone } objectives { code progress { executionRate measuresTotal measuresDone } } } } }',
  );
  const plan = result.data?.workPlan;
  const axis2 = plan?.axes.find((axis) => axis.code === '2');
  return {
    plan: plan?.progress as Progress,
    axis2: axis2?.progress.executionRate ?? Number.NaN,
    objective26: axis2?.objectives.find((o) => o.code === '2.6')?.progress.executionRate ?? Number.NaN,
  };
}

describe('the imported 2018 plan', () => {
  it('is stored whole: counts of axes, objectives, measures, actions and highlighted actions', async () => {
    expect(await api.db.axis.count()).toBe(4);
    expect(await api.db.objective.count()).toBe(12);
    expect(await api.db.measure.count()).toBe(53);
    expect(await api.db.highlightedAction.count()).toBe(12);
    expect(await api.db.measureAction.count()).toBe(55);
  });

  it('answers the contract WorkPlan operation in document order, translated where the plan has a translation', async () => {
    const result = await api.graphql<{
      workPlan: {
        year: number;
        title: string;
        mission: string;
        axes: {
          code: string;
          title: string;
          objectives: {
            code: string;
            measures: {
              code: string;
              letter: string;
              districts: { code: string }[];
              actions: { title: string }[];
            }[];
          }[];
        }[];
      };
    }>(contractOperation('WorkPlan'), { year: 2018, locale: 'EN' });
    expect(result.errors).toBeUndefined();
    const plan = result.data?.workPlan;
    expect(plan?.title).toBe('Work plan 2018');
    expect(plan?.axes.map((axis) => axis.code)).toEqual(['1', '2', '3', '4']);
    const objective12 = plan?.axes[0]?.objectives[1];
    expect(objective12?.code).toBe('1.2');
    const measure12B = objective12?.measures[1];
    expect(measure12B).toMatchObject({ code: '1.2.B', letter: 'B' });
    // "als sis districtes per sota de la renda mitjana" and the named PDE districts.
    expect(measure12B?.districts.map((d) => d.code)).toEqual(['01', '03', '07', '08', '09', '10']);
    // The actions have no translation yet: their Catalan is shown.
    expect(measure12B?.actions[1]?.title).toMatch(/^Dos Punts d'Atenció a l'Activitat Econòmica/);
  });

  it('keeps the figures the plan states as data', async () => {
    const result = await api.graphql<{
      measure: { figures: { kind: string; value: number; sourceText: string }[] };
    }>('{ measure(year: 2018, code: "1.4.B") { figures { kind value sourceText } } }');
    expect(result.data?.measure.figures).toEqual(
      expect.arrayContaining([
        { kind: 'PEOPLE_HIRED', value: 105, sourceText: '105 persones contractades' },
        { kind: 'BUDGET_EUR', value: 3_500_000, sourceText: '3,5 M de pressupost' },
      ]),
    );
    const calls = await api.graphql<{
      workPlan: {
        subsidyCalls: {
          name: string;
          year: number;
          budgetEur: number | null;
          projectsFunded: number | null;
        }[];
      };
    }>('{ workPlan(year: 2018) { subsidyCalls { name year budgetEur projectsFunded } } }');
    expect(calls.data?.workPlan.subsidyCalls).toContainEqual({
      name: 'Impulsem el que fas',
      year: 2018,
      budgetEur: 1_600_000,
      projectsFunded: null,
    });
    expect(calls.data?.workPlan.subsidyCalls).toContainEqual({
      name: 'Matchfunding',
      year: 2018,
      budgetEur: null,
      projectsFunded: 24,
    });
  });

  it('knows which districts have a development plan, and their services', async () => {
    const result = await api.graphql<{
      districts: { code: string; hasDevelopmentPlan: boolean; services: { name: string }[] }[];
    }>('{ districts { code hasDevelopmentPlan(year: 2018) services(year: 2018) { name } } }');
    const withPlan = result.data?.districts.filter((d) => d.hasDevelopmentPlan).map((d) => d.code);
    expect(withPlan).toEqual(['01', '03', '07', '08', '09', '10']);
    const nouBarris = result.data?.districts.find((d) => d.code === '08');
    expect(nouBarris?.services.map((s) => s.name)).toContain(
      "Punt d'Atenció a l'Activitat Econòmica de Nou Barris",
    );
    const none = await api.graphql<{ districts: { hasDevelopmentPlan: boolean }[] }>(
      '{ districts { hasDevelopmentPlan(year: 2019) } }',
    );
    expect(none.data?.districts.every((d) => !d.hasDevelopmentPlan)).toBe(true);
  });
});

describe('the plan in Spanish and English', () => {
  const read = async (locale: 'CA' | 'ES' | 'EN') =>
    (
      await api.graphql<{
        workPlan: {
          title: string;
          mission: string;
          axes: { code: string; title: string; objectives: { code: string; title: string }[] }[];
        };
      }>(
        `{ workPlan(year: 2018) { title(locale: ${locale}) mission(locale: ${locale}) axes { code title(locale: ${locale}) objectives { code title(locale: ${locale}) } } } }`,
      )
    ).data?.workPlan;

  it('has its own title, mission, axes and objectives in each language, not the Catalan', async () => {
    const [ca, es, en] = [await read('CA'), await read('ES'), await read('EN')];
    expect([ca?.title, es?.title, en?.title]).toEqual([
      'Pla de treball 2018',
      'Plan de trabajo 2018',
      'Work plan 2018',
    ]);
    expect(es?.mission).toMatch(/^Promover la actividad económica en clave de proximidad/);
    expect(en?.mission).toMatch(/^To promote economic activity/);
    expect(es?.axes.map((axis) => axis.title)).toEqual([
      'Desarrollo económico de proximidad',
      'Innovación socioeconómica',
      'Políticas de tiempo para la mejora de la vida cotidiana de la ciudadanía',
      'Organización interna',
    ]);
    expect(en?.axes[3]?.title).toBe('Internal organisation');
    // Every objective has a text of its own in each language.
    for (const [index, axis] of (ca?.axes ?? []).entries()) {
      for (const [inner, objective] of axis.objectives.entries()) {
        for (const other of [es, en]) {
          const translated = other?.axes[index]?.objectives[inner]?.title;
          expect(translated).toBeTruthy();
          expect(translated).not.toBe(objective.title);
        }
      }
    }
  });

  it('has every measure in Spanish and English', async () => {
    const measures = await api.db.measure.findMany({
      select: { code: true, titleCa: true, titleEs: true, titleEn: true },
    });
    expect(measures).toHaveLength(53);
    for (const measure of measures) {
      expect(measure.titleEs, measure.code).toBeTruthy();
      expect(measure.titleEn, measure.code).toBeTruthy();
      expect(measure.titleEn).not.toBe(measure.titleCa);
    }
    expect(measures.find((measure) => measure.code === '2.6.A')?.titleEn).toMatch(
      /^Building a website and an online directory/,
    );
  });

  it('shows the Catalan of a title whose Catalan changed, not the old translation', async () => {
    const { facts } = await readPlanFile(SEED_PLAN_FILE);
    const text = readFileSync(SEED_PLAN_FILE, 'utf8').replace(
      '02. Eix de treball 1: Desenvolupament econòmic de proximitat\n',
      '02. Eix de treball 1: Desenvolupament econòmic de proximitat i de barri\n',
    );
    const changed = parsePlanDocument(text);
    await importPlan(api.db, changed, facts);
    try {
      const axis = (await read('ES'))?.axes[0]?.title;
      expect(axis).toBe(changed.axes[0]?.title);
      expect(axis).not.toBe('Desarrollo económico de proximidad');
    } finally {
      await importPlan(api.db, (await readPlanFile(SEED_PLAN_FILE)).parsed, facts);
    }
    expect((await read('ES'))?.axes[0]?.title).toBe('Desarrollo económico de proximidad');
  });
});

describe('importing again', () => {
  it('changes nothing when the document is the same', async () => {
    const { parsed, facts } = await readPlanFile(SEED_PLAN_FILE);
    const before = await api.db.measure.findMany({
      select: { id: true, updatedAt: true },
      orderBy: { id: 'asc' },
    });
    const summary = await importPlan(api.db, parsed, facts);
    expect(summary.changes).toEqual({ created: 0, updated: 0, unchanged: 69, removed: 0 });
    expect(summary.factsChanged).toBe(false);
    expect(
      await api.db.measure.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    ).toEqual(before);
  });

  it('updates a corrected document in place, keeping statuses and history', async () => {
    await api.graphql(
      SET_STATUS,
      { input: { year: 2018, code: '1.1.A', status: 'IN_PROGRESS', comment: 'Començat' } },
      { token: staff.token },
    );
    const text = readFileSync(SEED_PLAN_FILE, 'utf8').replace(
      'A. Elaboració del model de desenvolupament econòmic de proximitat de Barcelona Activa.',
      'A. Elaboració del model de desenvolupament econòmic de proximitat de Barcelona Activa (revisat).',
    );
    const { facts } = await readPlanFile(SEED_PLAN_FILE);
    const summary = await importPlan(api.db, parsePlanDocument(text), facts);
    expect(summary.changes).toMatchObject({ created: 0, updated: 1, removed: 0 });
    const measure = await api.db.measure.findFirstOrThrow({
      where: { code: '1.1.A' },
      include: { history: true },
    });
    expect(measure.titleCa).toMatch(/\(revisat\)\.$/);
    expect(measure.status).toBe('IN_PROGRESS');
    expect(measure.history).toHaveLength(1);
    await importPlan(api.db, (await readPlanFile(SEED_PLAN_FILE)).parsed, facts);
  });

  it('of a malformed document writes nothing', async () => {
    const text = readFileSync(SEED_PLAN_FILE, 'utf8').replace('Objectiu 1.3', 'Objectiu 7.3');
    const before = await api.db.measure.count();
    expect(() => parsePlanDocument(text)).toThrow(/^line \d+: expected an objective of axis 1/);
    expect(await api.db.measure.count()).toBe(before);
  });
});

describe('setMeasureStatus', () => {
  it('lets staff change a status, records who, when, from, to and why, and moves the progress at once', async () => {
    const before = await planProgress();
    const result = await api.graphql<{
      setMeasureStatus: {
        measure: {
          code: string;
          status: string;
          history: {
            edges: {
              node: { from: string; to: string; comment: string; at: string; by: { email: string } };
            }[];
          };
        };
        userErrors: unknown[];
      };
    }>(
      SET_STATUS,
      { input: { year: 2018, code: '2.6.A', status: 'DONE', comment: 'Directori publicat' } },
      { token: staff.token },
    );
    expect(result.data?.setMeasureStatus.userErrors).toEqual([]);
    expect(result.data?.setMeasureStatus.measure.status).toBe('DONE');
    const [latest] = result.data?.setMeasureStatus.measure.history.edges ?? [];
    expect(latest?.node).toMatchObject({
      from: 'PLANNED',
      to: 'DONE',
      comment: 'Directori publicat',
      by: { email: staff.email },
    });
    expect(Date.now() - Date.parse(latest?.node.at ?? '')).toBeLessThan(60_000);

    const after = await planProgress();
    expect(after.plan.measuresDone).toBe(before.plan.measuresDone + 1);
    expect(after.plan.executionRate).toBeCloseTo(after.plan.measuresDone / 53);
    expect(after.objective26).toBeCloseTo(before.objective26 + 1 / 4);
    expect(after.axis2).toBeCloseTo(before.axis2 + 1 / 27);
  });

  it('hides who changed a status from the public', async () => {
    // A measure no other test changes.
    const set = await api.graphql<{ setMeasureStatus: { userErrors: unknown[] } }>(
      SET_STATUS,
      { input: { year: 2018, code: '3.1.A', status: 'DONE' } },
      { token: staff.token },
    );
    expect(set.data?.setMeasureStatus.userErrors).toEqual([]);
    const result = await api.graphql<{
      measure: { history: { edges: { node: { by: unknown; to: string } }[] } };
    }>('{ measure(year: 2018, code: "3.1.A") { history(first: 1) { edges { node { to by { email } } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.measure.history.edges[0]?.node).toEqual({ to: 'DONE', by: null });
  });

  it('refuses anonymous callers and non-staff accounts with a userError, changing nothing', async () => {
    const input = { year: 2018, code: '2.6.B', status: 'DONE' };
    const anonymous = await api.graphql<{
      setMeasureStatus: { measure: unknown; userErrors: { code: string }[] };
    }>(SET_STATUS, { input });
    expect(anonymous.data?.setMeasureStatus).toMatchObject({
      measure: null,
      userErrors: [{ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', field: null }],
    });
    const asUser = await api.graphql<{ setMeasureStatus: { userErrors: { code: string }[] } }>(
      SET_STATUS,
      { input },
      { token: user.token },
    );
    expect(asUser.data?.setMeasureStatus.userErrors).toMatchObject([
      { code: 'FORBIDDEN', reason: 'NOT_ALLOWED', field: null },
    ]);
    const measure = await api.db.measure.findFirstOrThrow({
      where: { code: '2.6.B' },
      include: { history: true },
    });
    expect(measure.status).toBe('PLANNED');
    expect(measure.history).toEqual([]);
  });

  it('names the field of a bad input and of an unknown measure', async () => {
    const bad = await api.graphql<{ setMeasureStatus: { userErrors: { field: string; code: string }[] } }>(
      SET_STATUS,
      { input: { year: 2018, code: '2.6', status: 'DONE' } },
      { token: staff.token },
    );
    expect(bad.data?.setMeasureStatus.userErrors).toMatchObject([
      { field: 'input.code', code: 'VALIDATION', reason: 'MEASURE_CODE_INVALID' },
    ]);
    const missing = await api.graphql<{
      setMeasureStatus: { userErrors: { field: string; code: string }[] };
    }>(SET_STATUS, { input: { year: 2018, code: '9.9.Z', status: 'DONE' } }, { token: staff.token });
    expect(missing.data?.setMeasureStatus.userErrors).toEqual([
      {
        field: 'input.code',
        code: 'NOT_FOUND',
        reason: 'MEASURE_NOT_FOUND',
        params: [
          { name: 'year', value: '2018' },
          { name: 'code', value: '9.9.Z' },
        ],
        message: 'El pla de treball de 2018 no té cap mesura 9.9.Z.',
      },
    ]);
  });

  it('stops working for a session that logged out', async () => {
    const other = await signedIn(api, 'STAFF');
    expect(
      (
        await api.graphql<{ logout: { ok: boolean } }>(
          'mutation { logout { ok } }',
          {},
          { token: other.token },
        )
      ).data?.logout.ok,
    ).toBe(true);
    const result = await api.graphql<{ setMeasureStatus: { userErrors: { code: string }[] } }>(
      SET_STATUS,
      { input: { year: 2018, code: '2.6.C', status: 'DONE' } },
      { token: other.token },
    );
    expect(result.data?.setMeasureStatus.userErrors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
  });
});

describe('indicators and accountability', () => {
  const UPSERT = `mutation ($input: IndicatorInput!) { upsertIndicator(input: $input) { indicator { code unit district { code } } userErrors { field code } } }`;
  const SET_VALUE = `mutation ($input: IndicatorValueInput!) { setIndicatorValue(input: $input) { indicator { values { period value } } userErrors { field code } } }`;

  /**
   * Nou Barris' indicator with its values of both semesters of 2018, as staff record them (the
   * same upserts each time: every test that reads it defines it first).
   */
  async function defineIndicator() {
    const created = await api.graphql<{ upsertIndicator: { indicator: unknown; userErrors: unknown[] } }>(
      UPSERT,
      {
        input: {
          year: 2018,
          code: 'PAAE-08-ATESES',
          name: "Persones ateses al Punt d'Atenció",
          unit: 'persones',
          districtCode: '08',
          measureCode: '1.2.B',
        },
      },
      { token: staff.token },
    );
    expect(created.data?.upsertIndicator).toEqual({
      indicator: { code: 'PAAE-08-ATESES', unit: 'persones', district: { code: '08' } },
      userErrors: [],
    });
    for (const [period, value] of [
      ['2018-S1', 140],
      ['2018-S2', 212.5],
    ] as const) {
      const set = await api.graphql<{ setIndicatorValue: { userErrors: unknown[] } }>(
        SET_VALUE,
        { input: { year: 2018, code: 'PAAE-08-ATESES', period, value } },
        { token: staff.token },
      );
      expect(set.data?.setIndicatorValue.userErrors).toEqual([]);
    }
  }

  it('lets staff define a district indicator and record values per period; the public reads them', async () => {
    await defineIndicator();
    const read = await api.graphql<{
      indicators: { code: string; values: { period: string; value: number }[] }[];
    }>('{ indicators(year: 2018, districtCode: "08") { code values { period value } } }');
    expect(read.data?.indicators).toEqual([
      {
        code: 'PAAE-08-ATESES',
        values: [
          { period: '2018-S1', value: 140 },
          { period: '2018-S2', value: 212.5 },
        ],
      },
    ]);
  });

  it('refuses non-staff and malformed periods with userErrors', async () => {
    await defineIndicator();
    const asUser = await api.graphql<{ setIndicatorValue: { userErrors: { code: string }[] } }>(
      SET_VALUE,
      { input: { year: 2018, code: 'PAAE-08-ATESES', period: '2018-S1', value: 1 } },
      { token: user.token },
    );
    expect(asUser.data?.setIndicatorValue.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const bad = await api.graphql<{ setIndicatorValue: { userErrors: { field: string; code: string }[] } }>(
      SET_VALUE,
      { input: { year: 2018, code: 'PAAE-08-ATESES', period: '2018-T3', value: 1 } },
      { token: staff.token },
    );
    expect(bad.data?.setIndicatorValue.userErrors).toMatchObject([
      { field: 'input.period', code: 'VALIDATION' },
    ]);
    const value = await api.db.indicatorValue.findFirstOrThrow({ where: { period: '2018-S1' } });
    expect(value.value.toNumber()).toBe(140);
  });

  it('reports a PDE district for a period, with the assessment staff write, and downloads it as CSV', async () => {
    await defineIndicator();
    const assess = await api.graphql<{ setDistrictAssessment: { userErrors: unknown[] } }>(
      'mutation ($input: DistrictAssessmentInput!) { setDistrictAssessment(input: $input) { userErrors { field code } } }',
      {
        input: {
          districtCode: '08',
          period: '2018-S1',
          text: 'Bon ritme; "el Punt" obert a Vilalba dels Arcs.',
        },
      },
      { token: staff.token },
    );
    expect(assess.data?.setDistrictAssessment.userErrors).toEqual([]);
    const report = await api.graphql<{
      accountabilityReport: {
        developmentPlan: string;
        measures: { code: string; status: string }[];
        progress: Progress;
        indicators: { code: string; value: number | null }[];
        assessment: string;
        csvUrl: string;
      };
    }>(
      '{ accountabilityReport(districtCode: "08", period: "2018-S1") { developmentPlan measures { code status } progress { executionRate measuresTotal measuresDone } indicators { code value } assessment csvUrl } }',
    );
    const data = report.data?.accountabilityReport;
    expect(data?.developmentPlan).toBe('PDE de Nou Barris');
    expect(data?.measures.map((m) => m.code)).toEqual(expect.arrayContaining(['1.2.A', '1.2.B', '1.2.C']));
    expect(data?.progress.measuresTotal).toBe(data?.measures.length);
    expect(data?.indicators).toEqual([{ code: 'PAAE-08-ATESES', value: 140 }]);
    expect(data?.assessment).toBe('Bon ritme; "el Punt" obert a Vilalba dels Arcs.');

    const csv = await fetch(`${api.url}${data?.csvUrl}`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain("indicador;PAAE-08-ATESES;Persones ateses al Punt d'Atenció;;140;persones\r\n");
    expect(text).toContain('valoració;;"Bon ritme; ""el Punt"" obert a Vilalba dels Arcs.";;;\r\n');
    // A Catalan file separated by ";" writes its decimals with a comma, as Catalan spreadsheets read them.
    expect(text).toMatch(/\r\nexecució;;Percentatge d'execució;;\d+,\d;%\r\n/);
    expect(text).not.toMatch(/;\d+\.\d+;/);
    const second = await (
      await fetch(`${api.url}/reports/accountability.csv?district=08&period=2018-S2`)
    ).text();
    expect(second).toContain(
      "indicador;PAAE-08-ATESES;Persones ateses al Punt d'Atenció;;212,5;persones\r\n",
    );
  });

  it('has no report for a district without a PDE or a malformed period', async () => {
    const none = await api.graphql('{ accountabilityReport(districtCode: "02", period: "2018") { period } }');
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'DISTRICT_PLAN_NOT_FOUND',
      field: 'districtCode',
    });
    const malformed = await api.graphql(
      '{ accountabilityReport(districtCode: "08", period: "2018-T1") { period } }',
    );
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      reason: 'INVALID_PERIOD',
      field: 'period',
    });
    const unknown = await api.graphql(
      '{ accountabilityReport(districtCode: "99", period: "2018") { period } }',
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      reason: 'DISTRICT_NOT_FOUND',
      field: 'districtCode',
    });
    expect((await fetch(`${api.url}/reports/accountability.csv?district=02&period=2018`)).status).toBe(404);
    expect((await fetch(`${api.url}/reports/accountability.csv?district=08&period=2018-Q1`)).status).toBe(
      400,
    );
  });
});

describe('the reasons of the plan mutations’ errors', () => {
  type Errors = {
    field: string | null;
    code: string;
    reason: string;
    params: { name: string; value: string }[];
  };
  const ERRORS = 'userErrors { field code reason params { name value } message }';
  const request = async (field: string, type: string, input: Record<string, unknown>, locale = 'CA') => {
    const response = await api.graphql<Record<string, { userErrors: (Errors & { message: string })[] }>>(
      `mutation ($input: ${type}!) { ${field}(input: $input) { ${ERRORS} } }`,
      { input },
      { token: staff.token, headers: { 'accept-language': locale.toLowerCase() } },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.[field]?.userErrors ?? [];
  };
  const reasons = (errors: Errors[]) =>
    errors.map(({ field, code, reason, params }) => ({ field, code, reason, params }));

  it('setMeasureStatus: the year, the code and a comment too long, each at its field', async () => {
    const errors = await request('setMeasureStatus', 'SetMeasureStatusInput', {
      year: 1999,
      code: '',
      status: 'DONE',
      comment: 'x'.repeat(2001),
    });
    expect(reasons(errors)).toEqual([
      {
        field: 'input.year',
        code: 'VALIDATION',
        reason: 'PLAN_YEAR_OUT_OF_RANGE',
        params: [
          { name: 'min', value: '2000' },
          { name: 'max', value: '2100' },
        ],
      },
      { field: 'input.code', code: 'VALIDATION', reason: 'REQUIRED', params: [] },
      {
        field: 'input.comment',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '2000' }],
      },
    ]);
    expect(await api.db.measureStatusChange.count({ where: { comment: { startsWith: 'xxx' } } })).toBe(0);
  });

  it('writes the message in the caller’s language', async () => {
    const input = { year: 2018, code: '2.6.A', status: 'DONE', comment: 'x'.repeat(2001) };
    const messages: (string | undefined)[] = [];
    // Anonymous callers' language is Accept-Language's; a signed-in one's is the account's.
    for (const locale of ['CA', 'ES', 'EN'] as const) {
      await api.db.account.update({ where: { id: staff.id }, data: { locale } });
      messages.push((await request('setMeasureStatus', 'SetMeasureStatusInput', input, 'ca'))[0]?.message);
    }
    await api.db.account.update({ where: { id: staff.id }, data: { locale: 'CA' } });
    expect(messages).toEqual([
      'Ha de tenir com a màxim 2.000 caràcters.',
      'Debe tener como máximo 2000 caracteres.',
      'It must be at most 2,000 characters long.',
    ]);
  });

  it('upsertIndicator: malformed fields, then a plan, a measure and a district that do not exist', async () => {
    const valid = { year: 2018, code: 'IND-1', name: 'Indicador', unit: 'persones' };
    expect(
      reasons(
        await request('upsertIndicator', 'IndicatorInput', {
          year: 2018,
          code: 'amb espais',
          name: '  ',
          nameEs: 'x'.repeat(301),
          unit: 'x'.repeat(41),
          districtCode: '8',
          measureCode: '2.6',
        }),
      ),
    ).toEqual([
      { field: 'input.code', code: 'VALIDATION', reason: 'INDICATOR_CODE_INVALID', params: [] },
      { field: 'input.name', code: 'VALIDATION', reason: 'REQUIRED', params: [] },
      {
        field: 'input.nameEs',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '300' }],
      },
      { field: 'input.unit', code: 'VALIDATION', reason: 'TOO_LONG', params: [{ name: 'max', value: '40' }] },
      { field: 'input.districtCode', code: 'VALIDATION', reason: 'DISTRICT_CODE_INVALID', params: [] },
      { field: 'input.measureCode', code: 'VALIDATION', reason: 'MEASURE_CODE_INVALID', params: [] },
    ]);
    expect(reasons(await request('upsertIndicator', 'IndicatorInput', { ...valid, year: 2030 }))).toEqual([
      {
        field: 'input.year',
        code: 'NOT_FOUND',
        reason: 'PLAN_NOT_FOUND',
        params: [{ name: 'year', value: '2030' }],
      },
    ]);
    expect(
      reasons(await request('upsertIndicator', 'IndicatorInput', { ...valid, measureCode: '9.9.Z' })),
    ).toEqual([
      {
        field: 'input.measureCode',
        code: 'NOT_FOUND',
        reason: 'MEASURE_NOT_FOUND',
        params: [
          { name: 'year', value: '2018' },
          { name: 'code', value: '9.9.Z' },
        ],
      },
    ]);
    expect(
      reasons(await request('upsertIndicator', 'IndicatorInput', { ...valid, districtCode: '99' })),
    ).toEqual([{ field: 'input.districtCode', code: 'NOT_FOUND', reason: 'DISTRICT_NOT_FOUND', params: [] }]);
    expect(await api.db.indicator.count({ where: { code: 'IND-1' } })).toBe(0);
  });

  it('setIndicatorValue: a period, a value and a note out of bounds, and an unknown indicator', async () => {
    expect(
      reasons(
        await request('setIndicatorValue', 'IndicatorValueInput', {
          year: 2018,
          code: 'PAAE-08-ATESES',
          period: '2018-Q1',
          value: 2e12,
          note: 'x'.repeat(1001),
        }),
      ),
    ).toEqual([
      { field: 'input.period', code: 'VALIDATION', reason: 'INVALID_PERIOD', params: [] },
      {
        field: 'input.value',
        code: 'VALIDATION',
        reason: 'AT_MOST',
        params: [{ name: 'max', value: '1000000000000' }],
      },
      {
        field: 'input.note',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '1000' }],
      },
    ]);
    expect(
      reasons(
        await request('setIndicatorValue', 'IndicatorValueInput', {
          year: 2018,
          code: 'NO-SUCH',
          period: '2018',
          value: 1,
        }),
      ),
    ).toEqual([
      {
        field: 'input.code',
        code: 'NOT_FOUND',
        reason: 'INDICATOR_NOT_FOUND',
        params: [
          { name: 'year', value: '2018' },
          { name: 'code', value: 'NO-SUCH' },
        ],
      },
    ]);
  });

  it('setDistrictAssessment: malformed fields, then a district without a PDE', async () => {
    expect(
      reasons(
        await request('setDistrictAssessment', 'DistrictAssessmentInput', {
          districtCode: 'x',
          period: '18',
          text: ' ',
          textEn: 'x'.repeat(10_001),
        }),
      ),
    ).toEqual([
      { field: 'input.districtCode', code: 'VALIDATION', reason: 'DISTRICT_CODE_INVALID', params: [] },
      { field: 'input.period', code: 'VALIDATION', reason: 'INVALID_PERIOD', params: [] },
      { field: 'input.text', code: 'VALIDATION', reason: 'REQUIRED', params: [] },
      {
        field: 'input.textEn',
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        params: [{ name: 'max', value: '10000' }],
      },
    ]);
    expect(
      reasons(
        await request('setDistrictAssessment', 'DistrictAssessmentInput', {
          districtCode: '02',
          period: '2018',
          text: 'Bé',
        }),
      ),
    ).toEqual([
      { field: 'input.districtCode', code: 'NOT_FOUND', reason: 'DISTRICT_PLAN_NOT_FOUND', params: [] },
    ]);
    expect(await api.db.districtAssessment.count({ where: { districtCode: '02' } })).toBe(0);
  });
});
