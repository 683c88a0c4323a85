import simplify from '@turf/simplify';
import type { Geometry } from 'geojson';
import { builder } from '../../builder.ts';
import { LocaleEnum, translatedName } from '../i18n/locale.schema.ts';

const outlines = new Map<string, string>();

/** The boundary simplified to about 20 m, small enough for maps of the whole city (cached: reference data). */
function outline(kind: 'district' | 'neighbourhood', code: string, boundary: unknown): string {
  const key = `${kind}:${code}`;
  let text = outlines.get(key);
  if (!text) {
    text = JSON.stringify(simplify(boundary as Geometry, { tolerance: 0.0002 }));
    outlines.set(key, text);
  }
  return text;
}

export const NeighbourhoodRef = builder.prismaObject('Neighbourhood', {
  description: 'One of the 73 neighbourhoods (barris) of Barcelona.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Official two-digit code, "01".."73".' }),
    name: t.exposeString('name'),
    population: t.exposeInt('population', { description: 'Inhabitants (Padró 2019).' }),
    // Districts and neighbourhoods point at each other: weighed as a query each, so that a
    // query walking the cycle runs into the cost limit long before it costs seconds.
    district: t.relation('district', { complexity: 5 }),
    outline: t.field({
      type: 'String',
      description: 'The boundary as GeoJSON (WGS84) simplified to about 20 m, for maps.',
      select: { boundary: true },
      resolve: (place) => outline('neighbourhood', place.code, place.boundary),
    }),
  }),
});

export const DistrictRef = builder.prismaObject('District', {
  description: 'One of the ten districts of Barcelona.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Official two-digit code, "01".."10".' }),
    name: t.exposeString('name'),
    population: t.exposeInt('population', { description: 'Inhabitants (Padró 2019).' }),
    neighbourhoods: t.relation('neighbourhoods', {
      query: { orderBy: { code: 'asc' } },
      complexity: { field: 1, multiplier: 8 },
    }),
    boundary: t.field({
      type: 'String',
      description: 'The official boundary as a GeoJSON geometry (WGS84), serialised as JSON text.',
      select: { boundary: true },
      resolve: (district) => JSON.stringify(district.boundary),
    }),
    outline: t.field({
      type: 'String',
      description: 'The boundary as GeoJSON (WGS84) simplified to about 20 m, for maps of the whole city.',
      select: { boundary: true },
      resolve: (district) => outline('district', district.code, district.boundary),
    }),
  }),
});

export const SectorRef = builder.prismaObject('Sector', {
  description: 'An activity sector of the directory.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (sector, { locale }) => translatedName(sector, locale),
    }),
  }),
});

builder.prismaObject('LegalForm', {
  description: 'A legal form of social and solidarity economy entities.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (form, { locale }) => translatedName(form, locale),
    }),
    family: t.exposeString('family'),
    iso20275Elf: t.exposeString('iso20275Elf', {
      nullable: true,
      description: 'ISO 20275 (GLEIF ELF) code.',
    }),
  }),
});

builder.prismaObject('Certification', {
  description: 'A label or certification that procurement officers filter on.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (certification, { locale }) => translatedName(certification, locale),
    }),
    issuer: t.exposeString('issuer'),
  }),
});

export const SocialClauseRef = builder.prismaObject('SocialClause', {
  description:
    'A type of social clause in public contracts (Llei 9/2017) that companies declare they can fulfil.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (clause, { locale }) => translatedName(clause, locale),
    }),
    description: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (clause, { locale }) =>
        translatedName(
          { nameCa: clause.descriptionCa, nameEs: clause.descriptionEs, nameEn: clause.descriptionEn },
          locale,
        ),
    }),
    legalBasis: t.exposeString('legalBasis', { description: 'The articles of Llei 9/2017 that allow it.' }),
  }),
});

builder.queryFields((t) => ({
  districts: t.prismaField({
    type: ['District'],
    description: "Barcelona's ten districts, by official code.",
    resolve: (query, _root, _args, { db }) => db.district.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  district: t.prismaField({
    type: 'District',
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, { db }) => db.district.findUnique({ ...query, where: { code } }),
  }),
  sectors: t.prismaField({
    type: ['Sector'],
    resolve: (query, _root, _args, { db }) => db.sector.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  legalForms: t.prismaField({
    type: ['LegalForm'],
    resolve: (query, _root, _args, { db }) =>
      db.legalForm.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  certifications: t.prismaField({
    type: ['Certification'],
    resolve: (query, _root, _args, { db }) =>
      db.certification.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  socialClauses: t.prismaField({
    type: ['SocialClause'],
    description: 'The catalogue of social clause types, in the order of the reference list.',
    resolve: (query, _root, _args, { db }) =>
      db.socialClause.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
}));
