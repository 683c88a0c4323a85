import { Locale } from '@proximitat/db';
import { z } from 'zod';
import { reasonError, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { isEmailAddress } from '../common/ids.ts';
import { validateCpv } from './cpv.ts';
import type { Places } from './places.ts';
import { validateTaxId } from './tax-id.ts';

/**
 * A company profile as callers send it (CompanyProfileInput of the API, a row of an import) and
 * its validation into the stored form. Every problem names its field with the input's own path
 * ("taxId", "address.lat") and a reason; nothing is stored unless the whole profile is valid.
 */
export const AddressDraftSchema = z.object({
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  districtCode: z.string().nullish(),
  neighbourhoodCode: z.string().nullish(),
  lat: z.number().nullish(),
  lng: z.number().nullish(),
});

/**
 * The shape of CompanyProfileInput (what GraphQL has already checked, as zod types): the
 * resolvers parse their input with it, and the import builds the same draft from a row. The
 * profile's rules, which need the reference data, are `validateCompanyProfile`'s.
 */
export const CompanyDraftSchema = z.object({
  name: z.string(),
  legalName: z.string().nullish(),
  taxId: z.string(),
  legalForm: z.string(),
  sectors: z.array(z.string()),
  cpvCodes: z.array(z.string()).nullish(),
  address: AddressDraftSchema.nullish(),
  website: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  employees: z.number().nullish(),
  foundedYear: z.number().nullish(),
  descriptions: z.array(z.object({ locale: z.enum(Locale), text: z.string() })).nullish(),
  certifications: z.array(z.string()).nullish(),
  socialClauses: z.array(z.string()).nullish(),
  insertionCompany: z.boolean().nullish(),
  specialEmploymentCentre: z.boolean().nullish(),
});

export type AddressDraft = z.output<typeof AddressDraftSchema>;
export type CompanyDraft = z.output<typeof CompanyDraftSchema>;

/**
 * The validated profile, shaped like the Company row (plus its sector and certification codes);
 * a revision stores its proposal (CompanyRevision.proposed) in this shape.
 */
export const CompanyProfileSchema = z.object({
  name: z.string(),
  legalName: z.string().nullable(),
  taxId: z.string(),
  legalFormCode: z.string(),
  sectorCodes: z.array(z.string()),
  cpvCodes: z.array(z.string()),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  districtCode: z.string().nullable(),
  neighbourhoodCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  locationApproximate: z.boolean(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  employees: z.number().int().nullable(),
  foundedYear: z.number().int().nullable(),
  descriptionCa: z.string().nullable(),
  descriptionEs: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  certificationCodes: z.array(z.string()),
  socialClauses: z.array(z.string()),
  insertionCompany: z.boolean(),
  specialEmploymentCentre: z.boolean(),
});

export type CompanyProfile = z.output<typeof CompanyProfileSchema>;

/**
 * The fields whose origin is recorded (Company.fieldSources), each with the profile keys it covers.
 * Names are those of CompanyProfileInput, so staff and editors read them the same way.
 */
export const PROFILE_FIELDS = {
  name: ['name'],
  legalName: ['legalName'],
  legalForm: ['legalFormCode'],
  sectors: ['sectorCodes'],
  cpvCodes: ['cpvCodes'],
  address: [
    'street',
    'postalCode',
    'city',
    'districtCode',
    'neighbourhoodCode',
    'latitude',
    'longitude',
    'locationApproximate',
  ],
  website: ['website'],
  email: ['email'],
  phone: ['phone'],
  employees: ['employees'],
  foundedYear: ['foundedYear'],
  descriptions: ['descriptionCa', 'descriptionEs', 'descriptionEn'],
  certifications: ['certificationCodes'],
  socialClauses: ['socialClauses'],
  insertionCompany: ['insertionCompany'],
  specialEmploymentCentre: ['specialEmploymentCentre'],
} as const satisfies Record<string, readonly (keyof CompanyProfile)[]>;

export type ProfileField = keyof typeof PROFILE_FIELDS;

export interface ReferenceCodes {
  legalForms: ReadonlySet<string>;
  sectors: ReadonlySet<string>;
  certifications: ReadonlySet<string>;
  socialClauses: ReadonlySet<string>;
}

export interface ValidationContext {
  codes: ReferenceCodes;
  places: Places;
  /** For the plausibility of foundedYear. */
  currentYear: number;
}

/** The stored form of a valid draft, or its problems (fields relative to the draft: "address.lat"). */
export type ProfileResult = ServiceResult<{ profile: CompanyProfile }>;

export const LIMITS = {
  name: 200,
  legalName: 300,
  description: 5000,
  street: 300,
  city: 100,
  website: 500,
  listItems: 50,
  employees: 1_000_000,
  firstFoundedYear: 1800,
} as const;

const PHONE = /^\+?[0-9][0-9 ().-]{7,18}[0-9]$/;
const POSTAL_CODE = /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/;

/** "Barcelona" in any case, with or without accents or surrounding space. */
export function isBarcelona(city: string): boolean {
  return city.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase() === 'barcelona';
}

function text(value: string | null | undefined): string | null {
  // Control characters never belong in a profile (and could forge search highlight markers).
  const trimmed =
    value
      ?.replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Descriptions keep their paragraphs: only trailing space and runs of blank lines are tidied. */
function longText(value: string | null | undefined): string | null {
  const trimmed =
    value
      ?.replace(/\r\n?/g, '\n')
      .replace(/[^\P{Cc}\n\t]/gu, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function codes(values: string[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const value of values ?? []) {
    const code = value.trim().toUpperCase();
    if (code !== '') seen.add(code);
  }
  return [...seen];
}

export function normaliseWebsite(value: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function validateCompanyProfile(draft: CompanyDraft, context: ValidationContext): ProfileResult {
  const errors: UserError[] = [];
  const fail = (error: UserError) => errors.push(error);

  const name = text(draft.name);
  if (!name) fail(userError('REQUIRED', 'name'));
  else if (name.length > LIMITS.name) fail(userError('TOO_LONG', 'name', { max: LIMITS.name }));

  const legalName = text(draft.legalName);
  if (legalName && legalName.length > LIMITS.legalName) {
    fail(userError('TOO_LONG', 'legalName', { max: LIMITS.legalName }));
  }

  let taxId = '';
  const tax = validateTaxId(draft.taxId ?? '');
  if (tax.valid) taxId = tax.value;
  else fail(reasonError(tax.reason, 'taxId', tax.params));

  const legalFormCode = (draft.legalForm ?? '').trim().toUpperCase();
  if (legalFormCode === '') fail(userError('REQUIRED', 'legalForm'));
  else if (!context.codes.legalForms.has(legalFormCode)) {
    fail(userError('UNKNOWN_LEGAL_FORM', 'legalForm', { value: draft.legalForm.trim() }));
  }

  const sectorCodes = codes(draft.sectors);
  if (sectorCodes.length === 0) fail(userError('SECTORS_REQUIRED', 'sectors'));
  else if (sectorCodes.length > LIMITS.listItems) {
    fail(userError('TOO_MANY_VALUES', 'sectors', { max: LIMITS.listItems }));
  }
  for (const code of sectorCodes) {
    if (!context.codes.sectors.has(code)) fail(userError('UNKNOWN_SECTOR', 'sectors', { value: code }));
  }

  const cpvCodes: string[] = [];
  const cpvInput = draft.cpvCodes ?? [];
  if (cpvInput.length > LIMITS.listItems) {
    fail(userError('TOO_MANY_VALUES', 'cpvCodes', { max: LIMITS.listItems }));
  }
  for (const raw of cpvInput) {
    if (raw.trim() === '') continue;
    const cpv = validateCpv(raw);
    if (!cpv.valid) fail(reasonError(cpv.reason, 'cpvCodes', cpv.params));
    else if (!cpvCodes.includes(cpv.code.code)) cpvCodes.push(cpv.code.code);
  }

  const certificationCodes = codes(draft.certifications);
  for (const code of certificationCodes) {
    if (!context.codes.certifications.has(code)) {
      fail(userError('UNKNOWN_CERTIFICATION', 'certifications', { value: code }));
    }
  }

  const socialClauses = codes(draft.socialClauses);
  for (const code of socialClauses) {
    if (!context.codes.socialClauses.has(code)) {
      fail(userError('UNKNOWN_SOCIAL_CLAUSE', 'socialClauses', { value: code }));
    }
  }

  let website: string | null = null;
  const websiteText = text(draft.website);
  if (websiteText && websiteText.length > LIMITS.website) {
    fail(userError('TOO_LONG', 'website', { max: LIMITS.website }));
  } else if (websiteText) {
    website = normaliseWebsite(websiteText);
    if (!website) fail(userError('NOT_A_URL', 'website'));
  }

  const email = text(draft.email)?.toLowerCase() ?? null;
  if (email && !isEmailAddress(email)) fail(userError('NOT_AN_EMAIL', 'email'));

  const phone = text(draft.phone);
  if (phone && !PHONE.test(phone)) fail(userError('PHONE_MALFORMED', 'phone', { value: phone }));

  const employees = draft.employees ?? null;
  if (employees !== null && (!Number.isInteger(employees) || employees < 0 || employees > LIMITS.employees)) {
    fail(userError('OUT_OF_RANGE', 'employees', { min: 0, max: LIMITS.employees }));
  }

  const foundedYear = draft.foundedYear ?? null;
  if (
    foundedYear !== null &&
    (!Number.isInteger(foundedYear) ||
      foundedYear < LIMITS.firstFoundedYear ||
      foundedYear > context.currentYear)
  ) {
    fail(
      userError('FOUNDED_YEAR_OUT_OF_RANGE', 'foundedYear', {
        min: LIMITS.firstFoundedYear,
        max: context.currentYear,
      }),
    );
  }

  const descriptions: Record<Locale, string | null> = { CA: null, ES: null, EN: null };
  for (const { locale, text: value } of draft.descriptions ?? []) {
    const description = longText(value);
    const field = `descriptions.${locale}`;
    if (!(locale in descriptions)) fail(userError('UNKNOWN_VALUE', 'descriptions', { value: locale }));
    else if (description && descriptions[locale] !== null) {
      fail(userError('DUPLICATE_VALUE', field, { value: locale }));
    } else if (description && description.length > LIMITS.description) {
      fail(userError('TOO_LONG', field, { max: LIMITS.description }));
    } else descriptions[locale] = description;
  }

  const address = validateAddress(draft.address ?? null, context.places, fail);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      name: name ?? '',
      legalName,
      taxId,
      legalFormCode,
      sectorCodes: sectorCodes.sort(),
      cpvCodes: cpvCodes.sort(),
      ...address,
      website,
      email,
      phone,
      employees,
      foundedYear,
      descriptionCa: descriptions.CA,
      descriptionEs: descriptions.ES,
      descriptionEn: descriptions.EN,
      certificationCodes: certificationCodes.sort(),
      socialClauses: socialClauses.sort(),
      insertionCompany: draft.insertionCompany ?? false,
      specialEmploymentCentre: draft.specialEmploymentCentre ?? false,
    },
  };
}

type AddressFields = Pick<
  CompanyProfile,
  | 'street'
  | 'postalCode'
  | 'city'
  | 'districtCode'
  | 'neighbourhoodCode'
  | 'latitude'
  | 'longitude'
  | 'locationApproximate'
>;

const NO_ADDRESS: AddressFields = {
  street: null,
  postalCode: null,
  city: null,
  districtCode: null,
  neighbourhoodCode: null,
  latitude: null,
  longitude: null,
  locationApproximate: false,
};

/**
 * The rules of AddressInput: inside Barcelona the district and neighbourhood come from the
 * location when missing, a location comes from the neighbourhood when only it is known, and all
 * given values must agree; outside Barcelona the codes stay empty.
 */
function validateAddress(
  draft: AddressDraft | null,
  places: Places,
  fail: (error: UserError) => void,
): AddressFields {
  if (!draft) return NO_ADDRESS;
  const street = text(draft.street);
  const postalCode = text(draft.postalCode);
  const city = text(draft.city);
  if (!street) fail(userError('REQUIRED', 'address.street'));
  else if (street.length > LIMITS.street)
    fail(userError('TOO_LONG', 'address.street', { max: LIMITS.street }));
  if (!postalCode) fail(userError('REQUIRED', 'address.postalCode'));
  else if (!POSTAL_CODE.test(postalCode)) {
    fail(userError('POSTAL_CODE_MALFORMED', 'address.postalCode', { value: postalCode }));
  }
  if (!city) fail(userError('REQUIRED', 'address.city'));
  else if (city.length > LIMITS.city) fail(userError('TOO_LONG', 'address.city', { max: LIMITS.city }));

  const districtCode = text(draft.districtCode);
  const neighbourhoodCode = text(draft.neighbourhoodCode);
  const lat = draft.lat ?? null;
  const lng = draft.lng ?? null;
  const result: AddressFields = { ...NO_ADDRESS, street, postalCode, city };

  if ((lat === null) !== (lng === null)) {
    fail(userError('COORDINATES_TOGETHER', lat === null ? 'address.lat' : 'address.lng'));
    return result;
  }
  const hasLocation = lat !== null && lng !== null;
  if (hasLocation) {
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
      fail(userError('OUT_OF_RANGE', 'address.lat', { min: -90, max: 90 }));
    }
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
      fail(userError('OUT_OF_RANGE', 'address.lng', { min: -180, max: 180 }));
    }
  }
  if (districtCode && !places.districts.has(districtCode)) {
    fail(userError('UNKNOWN_DISTRICT', 'address.districtCode', { value: districtCode }));
    return result;
  }
  const named = neighbourhoodCode ? places.neighbourhoods.get(neighbourhoodCode) : undefined;
  if (neighbourhoodCode && !named) {
    fail(userError('UNKNOWN_NEIGHBOURHOOD', 'address.neighbourhoodCode', { value: neighbourhoodCode }));
    return result;
  }
  if (named && districtCode && named.districtCode !== districtCode) {
    fail(
      userError('NEIGHBOURHOOD_NOT_IN_DISTRICT', 'address.neighbourhoodCode', {
        neighbourhood: named.code,
        name: named.name,
        district: named.districtCode,
        given: districtCode,
      }),
    );
    return result;
  }

  const inBarcelona = city !== null && isBarcelona(city);
  if (hasLocation) {
    const found = places.locate(lat, lng);
    if (!found) {
      if (inBarcelona || districtCode || neighbourhoodCode) {
        fail(userError('LOCATION_OUTSIDE_BARCELONA', 'address.lat', { lat: String(lat), lng: String(lng) }));
      }
      return { ...result, latitude: lat, longitude: lng };
    }
    if (!inBarcelona && city) {
      fail(userError('LOCATION_IN_BARCELONA', 'address.city', { name: found.name, city }));
    }
    if (named && named.code !== found.code) {
      fail(
        userError('LOCATION_NOT_IN_NEIGHBOURHOOD', 'address.neighbourhoodCode', {
          found: found.code,
          foundName: found.name,
          given: named.code,
          givenName: named.name,
        }),
      );
    } else if (districtCode && found.districtCode !== districtCode) {
      fail(
        userError('LOCATION_NOT_IN_DISTRICT', 'address.districtCode', {
          found: found.districtCode,
          given: districtCode,
        }),
      );
    }
    return {
      ...result,
      districtCode: found.districtCode,
      neighbourhoodCode: found.code,
      latitude: lat,
      longitude: lng,
    };
  }

  if ((districtCode || neighbourhoodCode) && !inBarcelona) {
    fail(
      userError(
        'PLACES_ONLY_IN_BARCELONA',
        districtCode ? 'address.districtCode' : 'address.neighbourhoodCode',
      ),
    );
    return result;
  }
  if (named) {
    return {
      ...result,
      districtCode: named.districtCode,
      neighbourhoodCode: named.code,
      latitude: named.inside.lat,
      longitude: named.inside.lng,
      locationApproximate: true,
    };
  }
  return { ...result, districtCode };
}
