import { CompanyStatus, ValueSource } from '@proximitat/db';
import { builder } from '../../builder.ts';
import { AppError } from '../../errors.ts';
import { connectionComplexity, payloadWeight } from '../../limits/limits.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum, translatedName } from '../i18n/locale.schema.ts';
import { DistrictRef, NeighbourhoodRef, SectorRef, SocialClauseRef } from '../reference/reference.schema.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { companyListOrder, companyListWhere, visibleCompanies } from './company.service.ts';
import { localizedDescription } from './company-description.ts';
import { COMPANY_LIST_ORDERS, type CompanyListFilter, CompanyListFilterSchema } from './company-input.ts';
import { PROFILE_FIELDS, LIMITS as PROFILE_LIMITS, type ProfileField } from './company-profile.ts';
import { fieldSources } from './company-stored.ts';
import { cpvCode, cpvLabel } from './cpv.ts';
import { canEdit, companyEditors } from './membership.ts';
import { loadPlaces } from './places.ts';

export const CompanyStatusEnum = builder.enumType(CompanyStatus, {
  name: 'CompanyStatus',
  description: 'PENDING_REVIEW until staff approve; only PUBLISHED companies are public.',
});

export const ValueSourceEnum = builder.enumType(ValueSource, {
  name: 'ValueSource',
  description: 'Who set a value: an import, the company itself, Barcelona Activa staff.',
});

interface GeoPoint {
  lat: number;
  lng: number;
}

export const GeoPointRef = builder.objectRef<GeoPoint>('GeoPoint').implement({
  description: 'A WGS84 position.',
  fields: (t) => ({ lat: t.exposeFloat('lat'), lng: t.exposeFloat('lng') }),
});

interface Address {
  street: string;
  postalCode: string;
  city: string;
  location: GeoPoint | null;
  locationApproximate: boolean;
}

const AddressRef = builder.objectRef<Address>('Address').implement({
  fields: (t) => ({
    street: t.exposeString('street'),
    postalCode: t.exposeString('postalCode'),
    city: t.exposeString('city'),
    location: t.field({ type: GeoPointRef, nullable: true, resolve: (address) => address.location }),
    locationApproximate: t.exposeBoolean('locationApproximate', {
      description: 'True when the position stands for the neighbourhood, not the exact address.',
    }),
  }),
});

const CpvRef = builder.objectRef<{ code: string }>('CpvCode').implement({
  description: 'A Common Procurement Vocabulary (CPV 2008) code with its label.',
  fields: (t) => ({
    code: t.exposeString('code', { description: '"45210000-2"' }),
    label: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      description: 'In Spanish or English; Catalan falls back to Spanish (the CPV has no Catalan version).',
      resolve: ({ code }, { locale }) => cpvLabel(code, locale),
    }),
    labelLocale: t.field({
      type: LocaleEnum,
      args: { locale: t.arg({ type: LocaleEnum }) },
      description: 'The language `label(locale)` is really in: Spanish when Catalan is asked for.',
      resolve: (_code, { locale }) => (locale === 'EN' ? 'EN' : 'ES'),
    }),
    level: t.int({
      description: '1 division, 2 group, 3 class, 4 category, 5 and below: subcategories.',
      resolve: ({ code }) => cpvCode(code)?.level ?? 0,
    }),
  }),
});

const FieldSourceRef = builder
  .objectRef<{ field: ProfileField; source: ValueSource }>('FieldSource')
  .implement({
    description: "Where a profile field's current value came from.",
    fields: (t) => ({
      field: t.exposeString('field', { description: 'A field of CompanyProfileInput.' }),
      source: t.expose('source', { type: ValueSourceEnum }),
    }),
  });

builder.prismaObject('CompanyCertification', {
  fields: (t) => ({
    code: t.exposeString('certificationCode'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: async (row, { locale }, { db }) => {
        const certification = (await loadReference(db)).certifications.get(row.certificationCode);
        return certification ? translatedName(certification, locale) : row.certificationCode;
      },
    }),
    issuer: t.string({
      resolve: async (row, _args, { db }) =>
        (await loadReference(db)).certifications.get(row.certificationCode)?.issuer ?? '',
    }),
    verified: t.exposeBoolean('verified', { description: "Checked by staff against the issuer's register." }),
    validUntil: t.expose('validUntil', { type: 'Date', nullable: true }),
  }),
});

/** A description can hold 5,000 characters, up to two bytes each: it weighs what it can send. */
const DESCRIPTION_WEIGHT = payloadWeight(PROFILE_LIMITS.description * 2);

const LocalizedTextRef = builder
  .objectRef<{ locale: 'CA' | 'ES' | 'EN'; text: string }>('LocalizedText')
  .implement({
    fields: (t) => ({
      locale: t.expose('locale', { type: LocaleEnum }),
      text: t.exposeString('text'),
    }),
  });

const CompanyEditorRef = builder
  .objectRef<{ id: string; email: string; name: string | null; since: Date }>('CompanyEditor')
  .implement({
    description: 'An account that edits a company, as its fellow editors and staff see it.',
    fields: (t) => ({
      accountId: t.exposeID('id'),
      email: t.exposeString('email'),
      name: t.exposeString('name', { nullable: true }),
      since: t.expose('since', { type: 'DateTime' }),
    }),
  });

export const CompanyRef = builder.prismaObject('Company', {
  description: 'A social and solidarity economy company of the directory.',
  // Each field selects the columns it needs: a page of search results reads a dozen columns,
  // not every column with the profile's JSON and three descriptions (measured: 33 KB from
  // PostgreSQL for 20 companies, 12 KB selected; see README, Performance).
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug', { description: 'Stable: the address of its public page.' }),
    name: t.exposeString('name'),
    legalName: t.exposeString('legalName', { nullable: true }),
    taxId: t.exposeString('taxId', { description: 'CIF/NIF' }),
    legalForm: t.exposeString('legalFormCode', { description: 'A legalForms code (legal-forms.csv).' }),
    legalFormName: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      select: { legalFormCode: true },
      resolve: async (company, { locale }, { db }) => {
        const form = (await loadReference(db)).legalForms.get(company.legalFormCode);
        return form ? translatedName(form, locale) : company.legalFormCode;
      },
    }),
    status: t.expose('status', { type: CompanyStatusEnum }),
    foundedYear: t.exposeInt('foundedYear', { nullable: true }),
    employees: t.exposeInt('employees', { nullable: true }),
    description: t.string({
      nullable: true,
      args: { locale: t.arg({ type: LocaleEnum }) },
      description: 'In the requested language, falling back to Catalan, then Spanish, then English.',
      complexity: DESCRIPTION_WEIGHT,
      select: { descriptionCa: true, descriptionEs: true, descriptionEn: true },
      resolve: (company, { locale }) => localizedDescription(company, locale)?.text ?? null,
    }),
    descriptionLocale: t.field({
      type: LocaleEnum,
      nullable: true,
      args: { locale: t.arg({ type: LocaleEnum }) },
      description:
        'The language `description(locale)` is really in: the one asked for, or the one it fell back to (null: no description). Pages mark the text with it.',
      select: { descriptionCa: true, descriptionEs: true, descriptionEn: true },
      resolve: (company, { locale }) => localizedDescription(company, locale)?.locale ?? null,
    }),
    descriptions: t.field({
      type: [LocalizedTextRef],
      description: 'The descriptions as written, one per language that has one (no fallback).',
      complexity: { field: 1, multiplier: DESCRIPTION_WEIGHT },
      select: { descriptionCa: true, descriptionEs: true, descriptionEn: true },
      resolve: (company) =>
        (
          [
            ['CA', company.descriptionCa],
            ['ES', company.descriptionEs],
            ['EN', company.descriptionEn],
          ] as const
        ).flatMap(([locale, text]) => (text ? [{ locale, text }] : [])),
    }),
    website: t.exposeString('website', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      select: {
        street: true,
        postalCode: true,
        city: true,
        latitude: true,
        longitude: true,
        locationApproximate: true,
      },
      resolve: (company) =>
        company.street && company.postalCode && company.city
          ? {
              street: company.street,
              postalCode: company.postalCode,
              city: company.city,
              location:
                company.latitude !== null && company.longitude !== null
                  ? { lat: company.latitude, lng: company.longitude }
                  : null,
              locationApproximate: company.locationApproximate,
            }
          : null,
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      select: { districtCode: true },
      resolve: async (company, _args, { db }) =>
        company.districtCode ? ((await loadReference(db)).districts.get(company.districtCode) ?? null) : null,
    }),
    neighbourhood: t.field({
      type: NeighbourhoodRef,
      nullable: true,
      select: { neighbourhoodCode: true },
      resolve: async (company, _args, { db }) =>
        company.neighbourhoodCode
          ? ((await loadReference(db)).neighbourhoods.get(company.neighbourhoodCode) ?? null)
          : null,
    }),
    sectors: t.field({
      type: [SectorRef],
      description: 'In the order of the reference list.',
      select: { sectors: { select: { sectorCode: true } } },
      resolve: async (company, _args, { db }) => {
        const { sectors } = await loadReference(db);
        return [...sectors.values()].filter((sector) =>
          company.sectors.some((row) => row.sectorCode === sector.code),
        );
      },
    }),
    cpvCodes: t.exposeStringList('cpvCodes', { description: 'CPV 2008 codes with check digit.' }),
    cpv: t.field({
      type: [CpvRef],
      description: 'The CPV codes with their labels.',
      select: { cpvCodes: true },
      resolve: (company) => company.cpvCodes.map((code) => ({ code })),
    }),
    certifications: t.relation('certifications', { query: { orderBy: { certificationCode: 'asc' } } }),
    socialClauses: t.field({
      type: [SocialClauseRef],
      description: 'The social clauses the company declares it can fulfil, in the order of the catalogue.',
      select: { socialClauses: true },
      resolve: async (company, _args, { db }) => {
        const { socialClauses } = await loadReference(db);
        return [...socialClauses.values()].filter((clause) => company.socialClauses.includes(clause.code));
      },
    }),
    insertionCompany: t.exposeBoolean('insertionCompany', { description: "Registered empresa d'inserció." }),
    specialEmploymentCentre: t.exposeBoolean('specialEmploymentCentre', {
      description: "Registered centre especial de treball d'iniciativa social.",
    }),
    reservedContractEligible: t.boolean({
      description:
        "May bid for contracts reserved under Llei 9/2017, DA 4a: a registered empresa d'inserció or centre especial de treball d'iniciativa social.",
      select: { insertionCompany: true, specialEmploymentCentre: true },
      resolve: (company) => company.insertionCompany || company.specialEmploymentCentre,
    }),
    fieldSources: t.field({
      type: [FieldSourceRef],
      description: "Where each field's value came from: staff only.",
      authScopes: { staff: true },
      select: { fieldSources: true },
      resolve: (company) => {
        const sources = fieldSources(company.fieldSources);
        return (Object.keys(PROFILE_FIELDS) as ProfileField[]).flatMap((field) => {
          const source = sources[field];
          return source ? [{ field, source }] : [];
        });
      },
    }),
    revisions: t.prismaField({
      type: ['CompanyRevision'],
      description:
        "Proposed changes and their review outcome, newest first: the company's editors and staff only (empty for others).",
      resolve: async (query, company, _args, context) => {
        if (!(await canEdit(context, company.id))) return [];
        return context.db.companyRevision.findMany({
          ...query,
          where: { companyId: company.id },
          orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
          take: 20,
        });
      },
    }),
    editors: t.field({
      type: [CompanyEditorRef],
      description: "The company's editors: visible to its editors and to staff (empty for others).",
      select: { id: true },
      resolve: async (company, _args, context) =>
        (await canEdit(context, company.id)) ? companyEditors(context.db, company.id) : [],
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CompanyListFilterInput = builder.inputType('CompanyListFilter', {
  description: 'Filters of the plain directory listing. Lists are "any of".',
  fields: (t) => ({
    statuses: t.field({
      type: [CompanyStatusEnum],
      description: 'Staff only; others always see PUBLISHED companies.',
    }),
    districts: t.stringList(),
    neighbourhoods: t.stringList(),
    sectors: t.stringList(),
    legalForms: t.stringList(),
    reservedContractEligible: t.boolean(),
    nameOrTaxId: t.string({ description: 'Part of the name or the tax ID, case-insensitive.' }),
  }),
});

const CompanyListOrder = builder.enumType('CompanyListOrder', { values: COMPANY_LIST_ORDERS });

/** The filter parsed at the edge (a list too long is refused with its field), or the refusal raised. */
function parsedFilter(filter: unknown): CompanyListFilter {
  const parsed = parseInput(CompanyListFilterSchema, filter, 'filter');
  if (parsed.ok) return parsed.data;
  const [error] = parsed.errors;
  throw new AppError(
    error?.reason ?? 'INVALID_VALUE',
    error?.params,
    error?.field ? { field: error.field } : {},
  );
}

builder.queryFields((t) => ({
  company: t.prismaField({
    type: 'Company',
    nullable: true,
    description: 'A company by its slug: published ones for everyone, its own for an editor, any for staff.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, context) =>
      context.db.company.findFirst({ ...query, where: { slug, ...visibleCompanies(context) } }),
  }),
  companies: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    complexity: connectionComplexity,
    description:
      'The directory as a plain list: published companies for everyone; staff see every status and can filter by it.',
    args: {
      filter: t.arg({ type: CompanyListFilterInput }),
      order: t.arg({ type: CompanyListOrder, defaultValue: 'NAME' }),
    },
    totalCount: (_parent, { filter }, context) =>
      context.db.company.count({ where: companyListWhere(parsedFilter(filter), context) }),
    resolve: (query, _root, { filter, order }, context) =>
      context.db.company.findMany({
        ...query,
        where: companyListWhere(parsedFilter(filter), context),
        orderBy: companyListOrder(order),
      }),
  }),
}));

builder.prismaObjectFields('District', (t) => ({
  companyCount: t.relationCount('companies', {
    description: 'Published directory companies located in the district.',
    where: { status: 'PUBLISHED' },
  }),
}));

builder.prismaObjectFields('Neighbourhood', (t) => ({
  centre: t.field({
    type: GeoPointRef,
    description: 'A point inside the neighbourhood (for "near" searches and labels on maps).',
    resolve: async (neighbourhood, _args, { db }) => {
      const place = (await loadPlaces(db)).neighbourhoods.get(neighbourhood.code);
      return place ? place.inside : null;
    },
    nullable: true,
  }),
  companyCount: t.relationCount('companies', {
    description: 'Published directory companies located in the neighbourhood.',
    where: { status: 'PUBLISHED' },
  }),
}));
