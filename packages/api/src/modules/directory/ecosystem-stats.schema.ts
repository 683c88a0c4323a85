import { builder } from '../../builder.ts';
import { LocaleEnum, translatedName } from '../i18n/locale.schema.ts';
import { DistrictRef, SectorRef } from '../reference/reference.schema.ts';
import { type EcosystemStats, ecosystemStats } from './ecosystem-stats.service.ts';

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
