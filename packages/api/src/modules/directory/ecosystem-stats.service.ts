import type { Db, District, LegalForm, Sector } from '@proximitat/db';

/** Directory statistics over published companies (the public ecosystem map and comparisons). */
export interface EcosystemStats {
  totalCompanies: number;
  totalEmployees: number;
  reservedContractEligible: number;
  outsideBarcelona: number;
  byDistrict: { district: District; count: number; perTenThousandInhabitants: number }[];
  byLegalForm: { legalForm: LegalForm; count: number }[];
  bySector: { sector: Sector; count: number }[];
}

const PUBLISHED = { status: 'PUBLISHED' } as const;

export async function ecosystemStats(db: Db): Promise<EcosystemStats> {
  const [totals, reserved, outside, byDistrict, byLegalForm, bySector, districts, legalForms, sectors] =
    await Promise.all([
      db.company.aggregate({ where: PUBLISHED, _count: { _all: true }, _sum: { employees: true } }),
      db.company.count({
        where: { ...PUBLISHED, OR: [{ insertionCompany: true }, { specialEmploymentCentre: true }] },
      }),
      db.company.count({ where: { ...PUBLISHED, districtCode: null } }),
      db.company.groupBy({ by: ['districtCode'], where: PUBLISHED, _count: { _all: true } }),
      db.company.groupBy({ by: ['legalFormCode'], where: PUBLISHED, _count: { _all: true } }),
      db.companySector.groupBy({ by: ['sectorCode'], where: { company: PUBLISHED }, _count: { _all: true } }),
      db.district.findMany({ orderBy: { code: 'asc' } }),
      db.legalForm.findMany({ orderBy: { position: 'asc' } }),
      db.sector.findMany({ orderBy: { position: 'asc' } }),
    ]);
  const districtCounts = new Map(byDistrict.map((row) => [row.districtCode, row._count._all]));
  const formCounts = new Map(byLegalForm.map((row) => [row.legalFormCode, row._count._all]));
  const sectorCounts = new Map(bySector.map((row) => [row.sectorCode, row._count._all]));
  const byCountThenOrder = <T extends { count: number }>(rows: T[]) =>
    rows.filter((row) => row.count > 0).sort((a, b) => b.count - a.count);
  return {
    totalCompanies: totals._count._all,
    totalEmployees: totals._sum.employees ?? 0,
    reservedContractEligible: reserved,
    outsideBarcelona: outside,
    byDistrict: districts.map((district) => {
      const count = districtCounts.get(district.code) ?? 0;
      return {
        district,
        count,
        perTenThousandInhabitants: Math.round((count / district.population) * 10_000 * 100) / 100,
      };
    }),
    byLegalForm: byCountThenOrder(
      legalForms.map((legalForm) => ({ legalForm, count: formCounts.get(legalForm.code) ?? 0 })),
    ),
    bySector: byCountThenOrder(
      sectors.map((sector) => ({ sector, count: sectorCounts.get(sector.code) ?? 0 })),
    ),
  };
}
