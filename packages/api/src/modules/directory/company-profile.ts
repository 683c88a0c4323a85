import type { Locale } from '@proximitat/db';
import { isEmailAddress } from '../common/ids.ts';
import { validateCpv } from './cpv.ts';
import type { Places } from './places.ts';
import { validateTaxId } from './tax-id.ts';

/**
 * A company profile as callers send it (CompanyProfileInput of the API, a row of an import) and
 * its validation into the stored form. Every problem names its field with the input's own path
 * ("taxId", "address.lat"); nothing is stored unless the whole profile is valid.
 */
export interface AddressDraft {
  street: string;
  postalCode: string;
  city: string;
  districtCode?: string | null;
  neighbourhoodCode?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface CompanyDraft {
  name: string;
  legalName?: string | null;
  taxId: string;
  legalForm: string;
  sectors: string[];
  cpvCodes?: string[] | null;
  address?: AddressDraft | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  employees?: number | null;
  foundedYear?: number | null;
  descriptions?: { locale: Locale; text: string }[] | null;
  certifications?: string[] | null;
  socialClauses?: string[] | null;
  insertionCompany?: boolean | null;
  specialEmploymentCentre?: boolean | null;
}

/** The validated profile, shaped like the Company row (plus its sector and certification codes). */
export interface CompanyProfile {
  name: string;
  legalName: string | null;
  taxId: string;
  legalFormCode: string;
  sectorCodes: string[];
  cpvCodes: string[];
  street: string | null;
  postalCode: string | null;
  city: string | null;
  districtCode: string | null;
  neighbourhoodCode: string | null;
  latitude: number | null;
  longitude: number | null;
  locationApproximate: boolean;
  website: string | null;
  email: string | null;
  phone: string | null;
  employees: number | null;
  foundedYear: number | null;
  descriptionCa: string | null;
  descriptionEs: string | null;
  descriptionEn: string | null;
  certificationCodes: string[];
  socialClauses: string[];
  insertionCompany: boolean;
  specialEmploymentCentre: boolean;
}

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

export interface FieldError {
  field: string;
  message: string;
}

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

export type ProfileResult = { ok: true; profile: CompanyProfile } | { ok: false; errors: FieldError[] };

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
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  const name = text(draft.name);
  if (!name) fail('name', 'is required');
  else if (name.length > LIMITS.name) fail('name', `is longer than ${LIMITS.name} characters`);

  const legalName = text(draft.legalName);
  if (legalName && legalName.length > LIMITS.legalName) {
    fail('legalName', `is longer than ${LIMITS.legalName} characters`);
  }

  let taxId = '';
  const tax = validateTaxId(draft.taxId ?? '');
  if (tax.valid) taxId = tax.value;
  else fail('taxId', tax.reason);

  const legalFormCode = (draft.legalForm ?? '').trim().toUpperCase();
  if (legalFormCode === '') fail('legalForm', 'is required');
  else if (!context.codes.legalForms.has(legalFormCode)) {
    fail('legalForm', `unknown legal form "${draft.legalForm}"`);
  }

  const sectorCodes = codes(draft.sectors);
  if (sectorCodes.length === 0) fail('sectors', 'at least one sector is required');
  else if (sectorCodes.length > LIMITS.listItems) fail('sectors', `at most ${LIMITS.listItems} sectors`);
  for (const code of sectorCodes) {
    if (!context.codes.sectors.has(code)) fail('sectors', `unknown sector "${code}"`);
  }

  const cpvCodes: string[] = [];
  const cpvInput = draft.cpvCodes ?? [];
  if (cpvInput.length > LIMITS.listItems) fail('cpvCodes', `at most ${LIMITS.listItems} CPV codes`);
  for (const raw of cpvInput) {
    if (raw.trim() === '') continue;
    const cpv = validateCpv(raw);
    if (!cpv.valid) fail('cpvCodes', cpv.reason);
    else if (!cpvCodes.includes(cpv.code.code)) cpvCodes.push(cpv.code.code);
  }

  const certificationCodes = codes(draft.certifications);
  for (const code of certificationCodes) {
    if (!context.codes.certifications.has(code)) fail('certifications', `unknown certification "${code}"`);
  }

  const socialClauses = codes(draft.socialClauses);
  for (const code of socialClauses) {
    if (!context.codes.socialClauses.has(code)) fail('socialClauses', `unknown social clause "${code}"`);
  }

  let website: string | null = null;
  const websiteText = text(draft.website);
  if (websiteText) {
    website = websiteText.length > LIMITS.website ? null : normaliseWebsite(websiteText);
    if (!website) fail('website', `"${websiteText}" is not a web address (https://…)`);
  }

  const email = text(draft.email)?.toLowerCase() ?? null;
  if (email && !isEmailAddress(email)) {
    fail('email', `"${email}" is not an email address`);
  }

  const phone = text(draft.phone);
  if (phone && !PHONE.test(phone)) fail('phone', `"${phone}" is not a phone number`);

  const employees = draft.employees ?? null;
  if (employees !== null && (!Number.isInteger(employees) || employees < 0 || employees > LIMITS.employees)) {
    fail('employees', `must be a whole number from 0 to ${LIMITS.employees}`);
  }

  const foundedYear = draft.foundedYear ?? null;
  if (
    foundedYear !== null &&
    (!Number.isInteger(foundedYear) ||
      foundedYear < LIMITS.firstFoundedYear ||
      foundedYear > context.currentYear)
  ) {
    fail('foundedYear', `must be a year from ${LIMITS.firstFoundedYear} to ${context.currentYear}`);
  }

  const descriptions: Record<Locale, string | null> = { CA: null, ES: null, EN: null };
  for (const { locale, text: value } of draft.descriptions ?? []) {
    const description = longText(value);
    const field = `descriptions.${locale}`;
    if (!(locale in descriptions)) fail('descriptions', `unknown locale "${locale}"`);
    else if (description && descriptions[locale] !== null) fail(field, 'is given twice');
    else if (description && description.length > LIMITS.description) {
      fail(field, `is longer than ${LIMITS.description} characters`);
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
  fail: (field: string, message: string) => void,
): AddressFields {
  if (!draft) return NO_ADDRESS;
  const street = text(draft.street);
  const postalCode = text(draft.postalCode);
  const city = text(draft.city);
  if (!street) fail('address.street', 'is required');
  else if (street.length > LIMITS.street)
    fail('address.street', `is longer than ${LIMITS.street} characters`);
  if (!postalCode) fail('address.postalCode', 'is required');
  else if (!POSTAL_CODE.test(postalCode))
    fail('address.postalCode', `"${postalCode}" is not a Spanish postal code`);
  if (!city) fail('address.city', 'is required');
  else if (city.length > LIMITS.city) fail('address.city', `is longer than ${LIMITS.city} characters`);

  const districtCode = text(draft.districtCode);
  const neighbourhoodCode = text(draft.neighbourhoodCode);
  const lat = draft.lat ?? null;
  const lng = draft.lng ?? null;
  const result: AddressFields = { ...NO_ADDRESS, street, postalCode, city };

  if ((lat === null) !== (lng === null)) {
    fail(lat === null ? 'address.lat' : 'address.lng', 'latitude and longitude go together');
    return result;
  }
  const hasLocation = lat !== null && lng !== null;
  if (hasLocation) {
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) fail('address.lat', 'must be between -90 and 90');
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) fail('address.lng', 'must be between -180 and 180');
  }
  if (districtCode && !places.districts.has(districtCode)) {
    fail('address.districtCode', `unknown district "${districtCode}" (01..10)`);
    return result;
  }
  const named = neighbourhoodCode ? places.neighbourhoods.get(neighbourhoodCode) : undefined;
  if (neighbourhoodCode && !named) {
    fail('address.neighbourhoodCode', `unknown neighbourhood "${neighbourhoodCode}" (01..73)`);
    return result;
  }
  if (named && districtCode && named.districtCode !== districtCode) {
    fail(
      'address.neighbourhoodCode',
      `neighbourhood ${named.code} (${named.name}) is in district ${named.districtCode}, not ${districtCode}`,
    );
    return result;
  }

  const inBarcelona = city !== null && isBarcelona(city);
  if (hasLocation) {
    const found = places.locate(lat, lng);
    if (!found) {
      if (inBarcelona || districtCode || neighbourhoodCode) {
        fail('address.lat', `the location ${lat}, ${lng} is outside Barcelona`);
      }
      return { ...result, latitude: lat, longitude: lng };
    }
    if (!inBarcelona && city) {
      fail('address.city', `the location is in Barcelona (${found.name}), not in ${city}`);
    }
    if (named && named.code !== found.code) {
      fail(
        'address.neighbourhoodCode',
        `the location is in neighbourhood ${found.code} (${found.name}), not ${named.code} (${named.name})`,
      );
    } else if (districtCode && found.districtCode !== districtCode) {
      fail('address.districtCode', `the location is in district ${found.districtCode}, not ${districtCode}`);
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
      districtCode ? 'address.districtCode' : 'address.neighbourhoodCode',
      'districts and neighbourhoods apply to addresses in Barcelona only',
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
