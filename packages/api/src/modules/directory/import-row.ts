import { type UserError, userError } from '../../errors.ts';
import type { CompanyDraft } from './company-profile.ts';

/**
 * One row of a directory import (CSV or JSON) and its reading into a CompanyDraft. Cell-level
 * problems (a number that is not a number, a boolean that is not one) are reported by column;
 * the draft's own validation comes after.
 */

/** The columns of a company's address: a row with any of them has an address to check. */
const ADDRESS_COLUMNS = [
  'street',
  'postal_code',
  'city',
  'district_code',
  'neighbourhood_code',
  'lat',
  'lng',
] as const;

export const IMPORT_COLUMNS = [
  'tax_id',
  'name',
  'legal_name',
  'legal_form',
  'sectors',
  'cpv_codes',
  ...ADDRESS_COLUMNS,
  'website',
  'email',
  'phone',
  'employees',
  'founded_year',
  'description_ca',
  'description_es',
  'description_en',
  'certifications',
  'social_clauses',
  'insertion_company',
  'special_employment_centre',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['tax_id', 'name', 'legal_form', 'sectors'];

/** A row as read from the file: cells by column, strings from CSV, any JSON value from JSON. */
export type ImportRecord = Partial<Record<ImportColumn, unknown>>;

/** Where each field of CompanyProfileInput comes from in an import row. */
const COLUMN_OF_FIELD: Record<string, ImportColumn> = {
  taxId: 'tax_id',
  name: 'name',
  legalName: 'legal_name',
  legalForm: 'legal_form',
  sectors: 'sectors',
  cpvCodes: 'cpv_codes',
  'address.street': 'street',
  'address.postalCode': 'postal_code',
  'address.city': 'city',
  'address.districtCode': 'district_code',
  'address.neighbourhoodCode': 'neighbourhood_code',
  'address.lat': 'lat',
  'address.lng': 'lng',
  website: 'website',
  email: 'email',
  phone: 'phone',
  employees: 'employees',
  foundedYear: 'founded_year',
  'descriptions.CA': 'description_ca',
  'descriptions.ES': 'description_es',
  'descriptions.EN': 'description_en',
  certifications: 'certifications',
  socialClauses: 'social_clauses',
  insertionCompany: 'insertion_company',
  specialEmploymentCentre: 'special_employment_centre',
};

export function columnOfField(field: string): string {
  return COLUMN_OF_FIELD[field] ?? field;
}

const TRUE = new Set(['true', 'sí', 'si', 'yes', '1', 's', 'y']);
const FALSE = new Set(['false', 'no', '0', 'n']);

export interface RowReading {
  draft: CompanyDraft;
  /** Cells that could not be read, each with its column as the field. */
  errors: UserError[];
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function readImportRecord(record: ImportRecord): RowReading {
  const errors: UserError[] = [];
  const text = (column: ImportColumn): string | null => {
    const value = cell(record[column]);
    return value === '' ? null : value;
  };
  const list = (column: ImportColumn): string[] => {
    const value = record[column];
    if (Array.isArray(value)) return value.map(cell).filter((item) => item !== '');
    return cell(value)
      .split(/[;|]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  };
  const number = (column: ImportColumn, integer: boolean): number | null => {
    const raw = text(column);
    if (raw === null) return null;
    const normalised = integer ? raw : raw.replace(',', '.');
    const value = Number(normalised);
    if (
      !/^-?\d+(\.\d+)?$/.test(normalised) ||
      !Number.isFinite(value) ||
      (integer && !Number.isInteger(value))
    ) {
      errors.push(
        userError(integer ? 'IMPORT_NOT_A_WHOLE_NUMBER' : 'IMPORT_NOT_A_NUMBER', column, { value: raw }),
      );
      return null;
    }
    return value;
  };
  const boolean = (column: ImportColumn): boolean | null => {
    const raw = text(column);
    if (raw === null) return null;
    const value = raw.toLowerCase();
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    errors.push(userError('IMPORT_NOT_YES_OR_NO', column, { value: raw }));
    return null;
  };

  const hasAddress = ADDRESS_COLUMNS.some((column) => text(column) !== null);
  const lat = number('lat', false);
  const lng = number('lng', false);
  const draft: CompanyDraft = {
    taxId: text('tax_id') ?? '',
    name: text('name') ?? '',
    legalName: text('legal_name'),
    legalForm: text('legal_form') ?? '',
    sectors: list('sectors'),
    cpvCodes: list('cpv_codes'),
    address: hasAddress
      ? {
          street: text('street') ?? '',
          postalCode: text('postal_code') ?? '',
          city: text('city') ?? '',
          districtCode: normaliseCode(text('district_code')),
          neighbourhoodCode: normaliseCode(text('neighbourhood_code')),
          lat,
          lng,
        }
      : null,
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    employees: number('employees', true),
    foundedYear: number('founded_year', true),
    descriptions: (
      [
        ['CA', 'description_ca'],
        ['ES', 'description_es'],
        ['EN', 'description_en'],
      ] as const
    ).flatMap(([locale, column]) => {
      const value = text(column);
      return value ? [{ locale, text: value }] : [];
    }),
    certifications: list('certifications'),
    socialClauses: list('social_clauses'),
    insertionCompany: boolean('insertion_company'),
    specialEmploymentCentre: boolean('special_employment_centre'),
  };
  return { draft, errors };
}

/** Spreadsheets drop leading zeros: "1" is district "01". */
function normaliseCode(value: string | null): string | null {
  if (value === null) return null;
  return /^\d$/.test(value) ? `0${value}` : value;
}
