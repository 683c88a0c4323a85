import { readFileSync } from 'node:fs';
import { paramList, reasonMessage } from '@proximitat/errors';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { makeCif } from '../directory/tax-id.ts';
import { importCompanies, type Problem, problem, USER_ERRORS } from './procurement.fixtures.ts';

let api: TestApi;
let officer: TestAccount;
let colleague: TestAccount;
let staff: TestAccount;
let essId: string;

const ESS_TAX_ID = makeCif('F', 8700001);
const OTHER_TAX_ID = makeCif('B', 8700002);

beforeAll(async () => {
  api = await startTestApi();
  await importCompanies(api, [
    { tax_id: ESS_TAX_ID, name: 'Cooperativa Neta', legal_form: 'COOP_TREBALL', sectors: 'NETEJA' },
  ]);
  essId = (await api.db.company.findFirstOrThrow({ where: { taxId: ESS_TAX_ID } })).id;
  [officer, colleague, staff] = await Promise.all([
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'STAFF'),
  ]);
});
afterAll(async () => api?.close());

const RECORD = `mutation ($input: ContractAwardInput!) {
  recordContractAward(input: $input) { award { id supplierIsEss supplierName amount supplier { slug } } ${USER_ERRORS} }
}`;

type Payload = {
  award: {
    id: string;
    supplierIsEss: boolean;
    supplierName: string;
    amount: number;
    supplier: { slug: string } | null;
  } | null;
  userErrors: Problem[];
};

async function record(input: Record<string, unknown>, account: TestAccount = officer): Promise<Payload> {
  const response = await api.graphql<{ recordContractAward: Payload }>(
    RECORD,
    { input },
    { token: account.token },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.recordContractAward as Payload;
}

const base = {
  title: 'Neteja de centres cívics',
  reference: '2026/0100',
  amount: 1000,
  cpvCode: '90910000-9',
  awardedOn: '2026-03-01',
  procurementMethod: 'OPEN',
};

/**
 * The awards the indicator and export tests read: four of 2026 (two to the social economy
 * supplier, one of them reserved with a social clause) and one of 2025.
 */
async function recordAwardsOf2025And2026() {
  const ess = { supplierCompanyId: essId };
  const other = { supplierName: 'Gran Empresa SA', supplierTaxId: OTHER_TAX_ID };
  await record({
    ...base,
    ...ess,
    amount: 1000.1,
    district: '03',
    reserved: true,
    socialClauses: ['INSERCIO_LABORAL'],
  });
  await record({ ...base, ...ess, amount: 2000.2, district: '03', cpvCode: '45000000-7' });
  await record({ ...base, ...other, amount: 6999.7, district: '06', socialClauses: ['IGUALTAT_GENERE'] });
  await record({ ...base, ...other, amount: 500, cpvCode: '45000000-7' });
  await record({ ...base, ...ess, amount: 300, awardedOn: '2025-12-31' });
}

describe('contract awards', () => {
  // The indicators and the export add up every award there is: each test starts without any.
  beforeEach(async () => {
    await api.db.contractAward.deleteMany();
  });

  it('name the field of a bad input with its reason and store nothing', async () => {
    const result = await record({
      ...base,
      title: '',
      supplierName: 'Algú',
      supplierTaxId: 'B00000001',
      amount: 0,
      cpvCode: '90910000-1',
      awardedOn: '2999-01-01',
      socialClauses: ['INSERCIO_LABORAL', 'NO_SUCH'],
      district: '12',
    });
    expect(result.userErrors).toEqual([
      problem('input.title', 'VALIDATION', 'REQUIRED'),
      problem('input.amount', 'VALIDATION', 'AMOUNT_NOT_POSITIVE'),
      problem('input.cpvCode', 'VALIDATION', 'CPV_CHECK_DIGIT', {
        value: '90910000-1',
        expected: '90910000-9',
      }),
      problem('input.awardedOn', 'VALIDATION', 'AWARD_DATE_OUT_OF_RANGE', { first: '2000' }),
      problem('input.socialClauses.1', 'VALIDATION', 'UNKNOWN_VALUE', { value: 'NO_SUCH' }),
      problem('input.district', 'VALIDATION', 'UNKNOWN_VALUE', { value: '12' }),
      expect.objectContaining({ field: 'input.supplierTaxId', code: 'VALIDATION' }),
    ]);
    const taxId = result.userErrors.at(-1)?.reason as string;
    expect(taxId).toMatch(/^TAX_ID_/);

    const more = await record({
      ...base,
      title: 't'.repeat(301),
      reference: '  ',
      buyerName: 'b'.repeat(301),
      supplierName: '',
      supplierTaxId: '',
      amount: 100_000_000_001,
      cpvCode: 'neteja',
      awardedOn: '1999-12-31',
    });
    expect(more.userErrors).toEqual([
      problem('input.title', 'VALIDATION', 'TOO_LONG', { max: '300' }),
      problem('input.reference', 'VALIDATION', 'REQUIRED'),
      problem('input.buyerName', 'VALIDATION', 'TOO_LONG', { max: '300' }),
      problem('input.amount', 'VALIDATION', 'AT_MOST', { max: '100000000000' }),
      problem('input.cpvCode', 'VALIDATION', 'CPV_MALFORMED', { value: 'neteja' }),
      problem('input.awardedOn', 'VALIDATION', 'AWARD_DATE_OUT_OF_RANGE', { first: '2000' }),
      problem('input.supplierName', 'VALIDATION', 'REQUIRED'),
      problem('input.supplierTaxId', 'VALIDATION', 'REQUIRED'),
    ]);
    expect((await record({ ...base, supplierCompanyId: essId, cpvCode: '  ' })).userErrors).toEqual([
      problem('input.cpvCode', 'VALIDATION', 'REQUIRED'),
    ]);
    // A negative amount, and one that rounds to no cents, are not above zero either.
    for (const amount of [-10, 0.004]) {
      expect((await record({ ...base, supplierCompanyId: essId, amount })).userErrors).toEqual([
        problem('input.amount', 'VALIDATION', 'AMOUNT_NOT_POSITIVE'),
      ]);
    }
    const pending = await api.db.company.create({
      data: {
        taxId: makeCif('F', 8700003),
        name: 'Pendent de revisió',
        slug: 'pendent-de-revisio-award',
        legalFormCode: 'COOP_TREBALL',
        status: 'PENDING_REVIEW',
      },
    });
    for (const supplierCompanyId of [pending.id, 'no-és-un-id']) {
      expect((await record({ ...base, supplierCompanyId })).userErrors).toEqual([
        problem('input.supplierCompanyId', 'NOT_FOUND', 'SUPPLIER_NOT_IN_DIRECTORY'),
      ]);
    }
    await api.db.company.delete({ where: { id: pending.id } });
    expect(await api.db.contractAward.count()).toBe(0);
    expect(
      (await record({ ...base, supplierCompanyId: essId }, await signedIn(api, 'USER'))).userErrors,
    ).toEqual([problem(null, 'FORBIDDEN', 'NOT_ALLOWED')]);
  });

  it('know a social economy supplier by its directory entry or its tax ID', async () => {
    const byId = await record({ ...base, supplierCompanyId: essId });
    expect(byId.award).toMatchObject({ supplierIsEss: true, supplierName: 'Cooperativa Neta' });
    const byTaxId = await record({
      ...base,
      supplierName: 'Coop Neta SCCL',
      supplierTaxId: ESS_TAX_ID.toLowerCase(),
    });
    expect(byTaxId.award?.supplierIsEss).toBe(true);
    expect(byTaxId.award?.supplier?.slug).toBeTruthy();
    const other = await record({ ...base, supplierName: 'Gran Empresa SA', supplierTaxId: OTHER_TAX_ID });
    expect(other.award).toMatchObject({ supplierIsEss: false, supplier: null });
    await api.db.contractAward.deleteMany();
  });

  it('are changed by who recorded them or by staff', async () => {
    const { award } = await record({ ...base, supplierCompanyId: essId });
    const update = (account: TestAccount) =>
      api.graphql<{ updateContractAward: Payload }>(
        `mutation ($id: ID!, $input: ContractAwardInput!) { updateContractAward(id: $id, input: $input) { award { id amount } ${USER_ERRORS} } }`,
        { id: award?.id, input: { ...base, supplierCompanyId: essId, amount: 2000 } },
        { token: account.token },
      );
    expect((await update(colleague)).data?.updateContractAward.userErrors).toEqual([
      problem('id', 'FORBIDDEN', 'AWARD_RECORDER_ONLY'),
    ]);
    expect((await update(staff)).data?.updateContractAward.award?.amount).toBe(2000);
    await api.db.contractAward.deleteMany();
  });

  it('add up to exact indicators per year, district and sector', async () => {
    await recordAwardsOf2025And2026();

    const response = await api.graphql<{
      procurementIndicators: {
        year: number;
        awardCount: number;
        totalAmount: number;
        essAmount: number;
        essShare: number;
        reservedShare: number;
        socialClauseAmount: number;
        byDistrict: { code: string; label: string; totalAmount: number; essShare: number | null }[];
        bySector: { code: string; label: string; totalAmount: number; essAmount: number }[];
      }[];
    }>(
      `{ procurementIndicators(from: 2025, to: 2026) {
          year awardCount totalAmount essAmount essShare reservedShare socialClauseAmount
          byDistrict { code label totalAmount essShare }
          bySector { code label(locale: ES) totalAmount essAmount }
        } }`,
    );
    expect(response.errors).toBeUndefined();
    const [y2025, y2026] = response.data?.procurementIndicators ?? [];
    expect(y2025).toMatchObject({ year: 2025, awardCount: 1, totalAmount: 300, essAmount: 300, essShare: 1 });
    expect(y2026).toMatchObject({
      year: 2026,
      awardCount: 4,
      totalAmount: 10500,
      essAmount: 3000.3,
      essShare: 3000.3 / 10500,
      reservedShare: 1000.1 / 10500,
      socialClauseAmount: 7999.8,
    });
    expect(y2026?.byDistrict).toEqual([
      { code: '', label: 'Tota la ciutat', totalAmount: 500, essShare: 0 },
      { code: '03', label: 'Sants-Montjuïc', totalAmount: 3000.3, essShare: 1 },
      { code: '06', label: 'Gràcia', totalAmount: 6999.7, essShare: 0 },
    ]);
    expect(
      y2026?.bySector.map(({ code, totalAmount, essAmount }) => ({ code, totalAmount, essAmount })),
    ).toEqual([
      { code: '90', totalAmount: 7999.8, essAmount: 1000.1 },
      { code: '45', totalAmount: 2500.2, essAmount: 2000.2 },
    ]);
    const empty = await api.graphql<{ procurementIndicators: unknown[] }>(
      '{ procurementIndicators(from: 2010, to: 2011) { year } }',
    );
    expect(empty.data?.procurementIndicators).toEqual([]);
  });

  it('export as an OCDS release package that validates against the OCDS 1.1 schema', async () => {
    await recordAwardsOf2025And2026();
    const schemaDir = new URL('./ocds-schema/', import.meta.url);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(new URL('release-schema.json', schemaDir), 'utf8')));
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('release-package-schema.json', schemaDir), 'utf8')),
    );

    const response = await fetch(`${api.url}/exports/awards.ocds.json?year=2026`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      version: string;
      releases: {
        ocid: string;
        tag: string[];
        tender: { procurementMethodDetails?: string };
        awards: {
          value: { amount: number; currency: string };
          description?: string;
          suppliers: { name: string }[];
        }[];
      }[];
    };
    const valid = validate(body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(body.version).toBe('1.1');
    expect(body.releases).toHaveLength(4);
    expect(body.releases[0]?.ocid).toMatch(/^ocds-proximitat-[0-9a-f-]{36}$/);
    const reserved = body.releases.find((release) => release.tender.procurementMethodDetails);
    expect(reserved?.awards[0]).toMatchObject({
      value: { amount: 1000.1, currency: 'EUR' },
      description: "Clàusules socials: Inserció laboral de persones en risc d'exclusió",
    });

    // The validation can fail: a tag outside the closed codelist is caught.
    const broken = structuredClone(body);
    if (broken.releases[0]) broken.releases[0].tag = ['adjudicacio'];
    expect(validate(broken)).toBe(false);

    const none = await fetch(`${api.url}/exports/awards.ocds.json?year=2010`);
    expect(none.status).toBe(404);
    expect(await none.text()).toBe(reasonMessage('CA', 'NO_AWARDS_IN_PERIOD'));
    const notAYear = await fetch(`${api.url}/exports/awards.ocds.json?year=dos-mil`, {
      headers: { 'accept-language': 'en-GB' },
    });
    expect(notAYear.status).toBe(400);
    expect(await notAYear.text()).toBe(
      `year: ${reasonMessage('EN', 'OUT_OF_RANGE', paramList({ min: 2000, max: 2100 }))}`,
    );
  });

  it('answers an out-of-range year with VALIDATION naming the argument, not a server error', async () => {
    for (const [query, argument] of [
      ['{ contractAwards(year: 2147483647, first: 5) { totalCount } }', 'year'],
      ['{ contractAwards(year: -2147483648, first: 5) { edges { node { id } } } }', 'year'],
      ['{ contractAwards(year: 1899, first: 5) { totalCount } }', 'year'],
      ['{ procurementIndicators(from: 2020, to: 2147483647) { year } }', 'to'],
      ['{ procurementIndicators(from: -5, to: 2020) { year } }', 'from'],
    ] as const) {
      const response = await api.graphql(query);
      expect(response.errors?.[0]?.extensions, query).toMatchObject({
        code: 'VALIDATION',
        reason: 'OUT_OF_RANGE',
        field: argument,
        params: { min: '1900', max: '2100' },
      });
    }
    const span = await api.graphql('{ procurementIndicators(from: 2020, to: 2010) { year } }');
    expect(span.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      reason: 'YEAR_SPAN_INVALID',
      field: 'from',
      params: { first: '2000', span: '30' },
    });
    const fine = await api.graphql<{ contractAwards: { totalCount: number } }>(
      '{ contractAwards(year: 2100, first: 5) { totalCount } }',
    );
    expect(fine.data?.contractAwards.totalCount).toBe(0);
  });
});
