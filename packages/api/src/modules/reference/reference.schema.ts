import simplify from '@turf/simplify';
import type { Geometry } from 'geojson';
import { builder } from '../../builder.ts';
import { LocaleEnum, translatedName } from '../i18n/locale.schema.ts';
import {
  OUTLINE_TOLERANCE,
  OUTLINE_WEIGHTS,
  type OutlineDetail,
  type PlaceKind,
} from './geometry-weights.ts';
import { loadReference } from './reference-cache.ts';

const outlines = new Map<string, string>();

/** The boundary simplified for a map (cached: reference data, computed once per place and detail). */
function outline(kind: PlaceKind, code: string, boundary: unknown, detail: OutlineDetail): string {
  const key = `${kind}:${code}:${detail}`;
  let text = outlines.get(key);
  if (!text) {
    text = JSON.stringify(simplify(boundary as Geometry, { tolerance: OUTLINE_TOLERANCE[detail] }));
    outlines.set(key, text);
  }
  return text;
}

const OutlineDetailEnum = builder.enumType('OutlineDetail', {
  description:
    'How finely a boundary is drawn. The official, full geometry is a static file (`boundaryUrl`), not a GraphQL answer.',
  values: {
    CITY: { description: 'Simplified to about 20 m: for maps of the whole city.' },
    DISTRICT: { description: 'Simplified to about 5 m: for a map of one district or neighbourhood.' },
  } as const,
});

const outlineDescription =
  'The boundary as a GeoJSON geometry (WGS84), simplified to the detail asked for. Its cost in the ' +
  "query's complexity is the largest such outline in units of 100 bytes.";

// No query reads the boundaries (1.6 MB of coordinates for all places: createDb omits them);
// outlines are drawn from the reference data held in memory.
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
      description: outlineDescription,
      args: { detail: t.arg({ type: OutlineDetailEnum, required: true, defaultValue: 'CITY' }) },
      // What the outline costs to send, so that a query asking for many is refused before it runs.
      complexity: (args) => OUTLINE_WEIGHTS.neighbourhood[args.detail],
      resolve: async (place, { detail }, { db }) =>
        outline(
          'neighbourhood',
          place.code,
          (await loadReference(db)).neighbourhoods.get(place.code)?.boundary,
          detail,
        ),
    }),
    boundaryUrl: t.string({
      description: 'The official boundary as a GeoJSON Feature: a static, cacheable file.',
      resolve: (place) => `/geo/neighbourhoods/${place.code}.geojson`,
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
    outline: t.field({
      type: 'String',
      description: outlineDescription,
      args: { detail: t.arg({ type: OutlineDetailEnum, required: true, defaultValue: 'CITY' }) },
      // What the outline costs to send, so that a query asking for many is refused before it runs.
      complexity: (args) => OUTLINE_WEIGHTS.district[args.detail],
      resolve: async (district, { detail }, { db }) =>
        outline(
          'district',
          district.code,
          (await loadReference(db)).districts.get(district.code)?.boundary,
          detail,
        ),
    }),
    boundaryUrl: t.string({
      description:
        'The official boundary as a GeoJSON Feature: a static, cacheable file (all ten in /geo/districts.geojson).',
      resolve: (district) => `/geo/districts/${district.code}.geojson`,
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
