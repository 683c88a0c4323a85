import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from './places.ts';

let api: TestApi;
let staff: TestAccount;
let user: TestAccount;
let published: { slug: string; id: string };
let pending: { slug: string; id: string };

beforeAll(async () => {
  api = await startTestApi();
  const places = await loadPlaces(api.db);
  const { summary } = await importSampleCompanies(api.db, places, 150, 'company-test');
  expect(summary.created).toBe(150);
  // Some of them are not public: awaiting review, rejected, archived.
  const all = await api.db.company.findMany({ orderBy: { taxId: 'asc' }, select: { id: true, slug: true } });
  const statuses = ['PENDING_REVIEW', 'REJECTED', 'ARCHIVED'] as const;
  for (const [index, company] of all.slice(0, 30).entries()) {
    await api.db.company.update({ where: { id: company.id }, data: { status: statuses[index % 3] } });
  }
  pending = all[0] as { slug: string; id: string };
  published = all[40] as { slug: string; id: string };
  staff = await signedIn(api, 'STAFF');
  user = await signedIn(api, 'USER');
});
afterAll(async () => api?.close());

describe('company(slug)', () => {
  it('shows a published company to everyone, as the contract asks', async () => {
    const result = await api.graphql<{ company: Record<string, unknown> }>(contractOperation('Company'), {
      slug: published.slug,
      locale: 'ES',
    });
    expect(result.errors).toBeUndefined();
    const row = await api.db.company.findUniqueOrThrow({
      where: { id: published.id },
      include: { sectors: true },
    });
    expect(result.data?.company).toMatchObject({
      id: row.id,
      slug: row.slug,
      name: row.name,
      taxId: row.taxId,
      legalForm: row.legalFormCode,
      cpvCodes: row.cpvCodes,
      description: row.descriptionEs ?? row.descriptionCa,
      reservedContractEligible: row.insertionCompany || row.specialEmploymentCentre,
      esg: null,
    });
    const company = result.data?.company as {
      sectors: { code: string }[];
      district: { code: string } | null;
    };
    expect(company.sectors.map((s) => s.code).sort()).toEqual(row.sectors.map((s) => s.sectorCode).sort());
    expect(company.district?.code ?? null).toBe(row.districtCode);
  });

  it('hides unpublished companies from anonymous callers and users, not from staff', async () => {
    const query = '($slug: String!) { company(slug: $slug) { slug status } }';
    expect((await api.graphql(`query${query}`, { slug: pending.slug })).data).toEqual({ company: null });
    expect((await api.graphql(`query${query}`, { slug: pending.slug }, { token: user.token })).data).toEqual({
      company: null,
    });
    const asStaff = await api.graphql(`query${query}`, { slug: pending.slug }, { token: staff.token });
    expect(asStaff.data).toEqual({ company: { slug: pending.slug, status: 'PENDING_REVIEW' } });
  });

  it('shows where values came from to staff only', async () => {
    const query = '($slug: String!) { company(slug: $slug) { fieldSources { field source } } }';
    const anonymous = await api.graphql(`query${query}`, { slug: published.slug });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asStaff = await api.graphql<{ company: { fieldSources: { field: string; source: string }[] } }>(
      `query${query}`,
      { slug: published.slug },
      { token: staff.token },
    );
    expect(asStaff.data?.company.fieldSources).toContainEqual({ field: 'name', source: 'IMPORT' });
  });
});

describe('companies', () => {
  const LIST = `query ($filter: CompanyListFilter, $first: Int, $after: String) {
    companies(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { slug name status } }
    }
  }`;
  type List = {
    companies: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { slug: string; name: string; status: string } }[];
    };
  };

  it('lists published companies only to the public, by name, page after page', async () => {
    const first = await api.graphql<List>(LIST, { first: 100 });
    expect(first.data?.companies.totalCount).toBe(120);
    const second = await api.graphql<List>(LIST, {
      first: 100,
      after: first.data?.companies.pageInfo.endCursor,
    });
    const nodes = [...(first.data?.companies.edges ?? []), ...(second.data?.companies.edges ?? [])].map(
      (e) => e.node,
    );
    expect(nodes).toHaveLength(120);
    expect(new Set(nodes.map((n) => n.slug)).size).toBe(120);
    expect(nodes.every((n) => n.status === 'PUBLISHED')).toBe(true);
    const names = nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('lets staff list every status and filter by it; others get a clear error', async () => {
    const filter = { statuses: ['PENDING_REVIEW', 'ARCHIVED'] };
    const asStaff = await api.graphql<List>(LIST, { filter, first: 50 }, { token: staff.token });
    expect(asStaff.data?.companies.totalCount).toBe(20);
    const asUser = await api.graphql<List>(LIST, { filter, first: 50 }, { token: user.token });
    expect(asUser.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED', field: 'filter.statuses' },
    });
    const anonymous = await api.graphql<List>(LIST, { filter, first: 50 });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
      field: 'filter.statuses',
    });
    const tooMany = await api.graphql<List>(LIST, {
      filter: { districts: Array.from({ length: 101 }, (_, i) => String(i)) },
      first: 5,
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      reason: 'TOO_MANY_VALUES',
      field: 'filter.districts',
      params: { max: '100' },
    });
  });

  it('filters by district, sector and reserved-contract eligibility', async () => {
    const where = {
      status: 'PUBLISHED' as const,
      districtCode: '02',
      sectors: { some: { sectorCode: 'CURES' } },
    };
    const expected = await api.db.company.count({ where });
    const result = await api.graphql<List>(LIST, {
      filter: { districts: ['02'], sectors: ['CURES'] },
      first: 100,
    });
    expect(result.data?.companies.totalCount).toBe(expected);
    const eligible = await api.db.company.count({
      where: { status: 'PUBLISHED', OR: [{ insertionCompany: true }, { specialEmploymentCentre: true }] },
    });
    const reserved = await api.graphql<List>(LIST, { filter: { reservedContractEligible: true }, first: 1 });
    expect(reserved.data?.companies.totalCount).toBe(eligible);
    expect(eligible).toBeGreaterThan(0);
  });

  it('matches % _ and \\ in nameOrTaxId as themselves, not as LIKE wildcards', async () => {
    const total = await api.db.company.count({ where: { status: 'PUBLISHED' } });
    const count = async (nameOrTaxId: string) =>
      (await api.graphql<List>(LIST, { filter: { nameOrTaxId }, first: 1 })).data?.companies.totalCount;
    // Before, "_" and "%" matched every company.
    for (const text of ['_', '%', '%%', '\\', '_%_']) expect(await count(text), text).toBe(0);
    await api.db.company.update({ where: { id: published.id }, data: { name: 'Cal 100% _Neteja\\' } });
    expect(await count('100%')).toBe(1);
    expect(await count('% _n')).toBe(1);
    expect(await count('_Neteja\\')).toBe(1);
    expect(await count('100_')).toBe(0);
    expect(total).toBeGreaterThan(1);
  });

  it('refuses a page larger than 100', async () => {
    const result = await api.graphql<List>(LIST, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('ecosystem statistics', () => {
  it('match the published data, per district, legal form and sector', async () => {
    const result = await api.graphql<{
      ecosystemStats: {
        totalCompanies: number;
        totalEmployees: number;
        byDistrict: { district: { code: string }; count: number; perTenThousandInhabitants: number }[];
        byLegalForm: { legalForm: string; count: number }[];
        bySector: { sector: { code: string }; count: number }[];
      };
    }>(contractOperation('EcosystemStats'));
    expect(result.errors).toBeUndefined();
    const stats = result.data?.ecosystemStats;
    // Computed here independently, in SQL.
    const [totals] = await api.db.$queryRaw<{ n: bigint; employees: bigint }[]>`
      SELECT count(*) AS n, coalesce(sum(employees), 0) AS employees FROM "Company" WHERE status = 'PUBLISHED'`;
    expect(stats?.totalCompanies).toBe(Number(totals?.n));
    expect(stats?.totalEmployees).toBe(Number(totals?.employees));
    const perDistrict = await api.db.$queryRaw<{ code: string; n: bigint; population: number }[]>`
      SELECT d.code, count(c.id) AS n, d.population FROM "District" d
      LEFT JOIN "Company" c ON c."districtCode" = d.code AND c.status = 'PUBLISHED'
      GROUP BY d.code ORDER BY d.code`;
    expect(
      stats?.byDistrict.map((row) => [row.district.code, row.count, row.perTenThousandInhabitants]),
    ).toEqual(
      perDistrict.map((row) => [
        row.code,
        Number(row.n),
        Math.round((Number(row.n) / row.population) * 1_000_000) / 100,
      ]),
    );
    const perForm = await api.db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT "legalFormCode" AS code, count(*) AS n FROM "Company" WHERE status = 'PUBLISHED' GROUP BY 1`;
    expect(Object.fromEntries(stats?.byLegalForm.map((row) => [row.legalForm, row.count]) ?? [])).toEqual(
      Object.fromEntries(perForm.map((row) => [row.code, Number(row.n)])),
    );
    const perSector = await api.db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT s."sectorCode" AS code, count(*) AS n FROM "CompanySector" s
      JOIN "Company" c ON c.id = s."companyId" AND c.status = 'PUBLISHED' GROUP BY 1`;
    expect(Object.fromEntries(stats?.bySector.map((row) => [row.sector.code, row.count]) ?? [])).toEqual(
      Object.fromEntries(perSector.map((row) => [row.code, Number(row.n)])),
    );
    const counts = stats?.bySector.map((row) => row.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('count published companies per district in the Districts operation too', async () => {
    const result = await api.graphql<{ districts: { code: string; companyCount: number }[] }>(
      contractOperation('Districts'),
      { year: 2018 },
    );
    expect(result.errors).toBeUndefined();
    const stats = await api.graphql<{
      ecosystemStats: { byDistrict: { district: { code: string }; count: number }[] };
    }>('{ ecosystemStats { byDistrict { district { code } count } } }');
    expect(result.data?.districts.map((d) => [d.code, d.companyCount])).toEqual(
      stats.data?.ecosystemStats.byDistrict.map((row) => [row.district.code, row.count]),
    );
    expect(result.data?.districts.reduce((sum, d) => sum + d.companyCount, 0)).toBeGreaterThan(100);
  });
});
