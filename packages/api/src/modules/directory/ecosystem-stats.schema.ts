import type { Db, District, LegalForm, Sector } from '@proximitat/db';
import { builder } from '../../builder.ts';
import { LocaleEnum, translatedName } from '../i18n/locale.schema.ts';
import { DistrictRef, SectorRef } from '../reference/reference.schema.ts';

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

const DistrictCountRef = builder
  .objectRef<EcosystemStats['byDistrict'][number]>('DistrictCompanyCount')
  .implement({
    fields: (t) => ({
      district: t.field({ type: DistrictRef, resolve: (row) => row.district }),
      count: t.exposeInt('count'),
      perTenThousandInhabitants: t.exposeFloat('perTenThousandInhabitants', {
        description: 'Companies per 10,000 inhabitants (Padró 2019), two decimals.',
      }),
    }),
  });

const LegalFormCountRef = builder
  .objectRef<EcosystemStats['byLegalForm'][number]>('LegalFormCompanyCount')
  .implement({
    fields: (t) => ({
      legalForm: t.string({ description: 'The legal form code.', resolve: (row) => row.legalForm.code }),
      name: t.string({
        args: { locale: t.arg({ type: LocaleEnum }) },
        resolve: (row, { locale }) => translatedName(row.legalForm, locale),
      }),
      family: t.string({ resolve: (row) => row.legalForm.family }),
      count: t.exposeInt('count'),
    }),
  });

const SectorCountRef = builder.objectRef<EcosystemStats['bySector'][number]>('SectorCompanyCount').implement({
  fields: (t) => ({
    sector: t.field({ type: SectorRef, resolve: (row) => row.sector }),
    count: t.exposeInt('count', { description: 'A company with several sectors counts in each.' }),
  }),
});

const EcosystemStatsRef = builder.objectRef<EcosystemStats>('EcosystemStats').implement({
  description: 'Statistics of the published directory.',
  fields: (t) => ({
    totalCompanies: t.exposeInt('totalCompanies'),
    totalEmployees: t.exposeInt('totalEmployees', { description: 'Sum over companies that state it.' }),
    reservedContractEligible: t.exposeInt('reservedContractEligible'),
    outsideBarcelona: t.exposeInt('outsideBarcelona', {
      description: 'Companies with no Barcelona district.',
    }),
    byDistrict: t.field({ type: [DistrictCountRef], resolve: (stats) => stats.byDistrict }),
    byLegalForm: t.field({
      type: [LegalFormCountRef],
      description: 'Legal forms with companies, most first.',
      resolve: (stats) => stats.byLegalForm,
    }),
    bySector: t.field({
      type: [SectorCountRef],
      description: 'Sectors with companies, most first.',
      resolve: (stats) => stats.bySector,
    }),
  }),
});

builder.queryField('ecosystemStats', (t) =>
  t.field({
    type: EcosystemStatsRef,
    description: 'Directory statistics over published companies.',
    resolve: (_root, _args, { db }) => ecosystemStats(db),
  }),
);
