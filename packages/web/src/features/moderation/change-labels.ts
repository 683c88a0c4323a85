import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { MessageKey } from '../../lib/i18n/messages.ca.ts';

/** The reference data a change is read with: the names of the codes a profile stores. */
export const ChangeLabelsQuery = graphql(`
  query Moderation_ChangeLabels($locale: Locale) {
    legalForms {
      code
      name(locale: $locale)
    }
    sectors {
      code
      name(locale: $locale)
    }
    certifications {
      code
      name(locale: $locale)
    }
    socialClauses {
      code
      name(locale: $locale)
    }
    districts {
      code
      name
      neighbourhoods {
        code
        name
      }
    }
  }
`);

export type ChangeLabels = ResultOf<typeof ChangeLabelsQuery>;

/**
 * The label of each field a revision's changes name (the stored profile's keys, see the API's
 * CompanyProfile), as the profile form calls it.
 */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'profile.name',
  legalName: 'profile.legalName',
  taxId: 'company.taxId',
  legalFormCode: 'companies.legalForm',
  sectorCodes: 'company.sectors',
  cpvCodes: 'company.cpv',
  street: 'profile.street',
  postalCode: 'profile.postalCode',
  city: 'profile.city',
  districtCode: 'company.district',
  neighbourhoodCode: 'company.neighbourhood',
  latitude: 'profile.latitude',
  longitude: 'profile.longitude',
  website: 'company.website',
  email: 'company.email',
  phone: 'company.phone',
  employees: 'company.employees',
  foundedYear: 'company.foundedYear',
  descriptionCa: 'profile.description.CA',
  descriptionEs: 'profile.description.ES',
  descriptionEn: 'profile.description.EN',
  certificationCodes: 'company.certifications',
  socialClauses: 'company.socialClauses',
  insertionCompany: 'company.insertionCompany',
  specialEmploymentCentre: 'company.specialEmploymentCentre',
};

/** How each field's value is written in a change: codes joined by ", ", yes/no as "true"/"false". */
type Kind = 'text' | 'codes' | 'boolean' | 'count' | 'year' | 'coordinate';

const KINDS: Record<string, Kind> = {
  legalFormCode: 'codes',
  sectorCodes: 'codes',
  certificationCodes: 'codes',
  socialClauses: 'codes',
  districtCode: 'codes',
  neighbourhoodCode: 'codes',
  insertionCompany: 'boolean',
  specialEmploymentCentre: 'boolean',
  employees: 'count',
  foundedYear: 'year',
  latitude: 'coordinate',
  longitude: 'coordinate',
};

/** What reads a change to staff: each field's label and its values with names instead of codes. */
export function changeReader(
  t: (key: MessageKey) => string,
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string,
  labels: ChangeLabels | undefined,
) {
  const names: Record<string, Map<string, string>> = {
    legalFormCode: new Map(labels?.legalForms.map((entry) => [entry.code, entry.name])),
    sectorCodes: new Map(labels?.sectors.map((entry) => [entry.code, entry.name])),
    certificationCodes: new Map(labels?.certifications.map((entry) => [entry.code, entry.name])),
    socialClauses: new Map(labels?.socialClauses.map((entry) => [entry.code, entry.name])),
    districtCode: new Map(labels?.districts.map((entry) => [entry.code, entry.name])),
    neighbourhoodCode: new Map(
      labels?.districts.flatMap((district) => district.neighbourhoods.map((n) => [n.code, n.name] as const)),
    ),
  };
  return {
    /** The field's label in the interface language (the stored name if the interface has none). */
    field: (field: string): string => {
      const key = FIELD_LABELS[field];
      return key ? t(key) : field;
    },
    /** A value as staff read it: names for codes, yes/no, numbers as the interface language writes them. */
    value: (field: string, value: string | null): string | null => {
      if (value === null) return null;
      switch (KINDS[field] ?? 'text') {
        case 'codes': {
          const known = names[field];
          return value
            .split(', ')
            .map((code) => known?.get(code) ?? code)
            .join(', ');
        }
        case 'boolean':
          return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
        case 'count':
          return Number.isFinite(Number(value)) ? formatNumber(Number(value)) : value;
        case 'year':
          return value;
        case 'coordinate':
          return Number.isFinite(Number(value))
            ? formatNumber(Number(value), { maximumFractionDigits: 6 })
            : value;
        default:
          return value;
      }
    },
  };
}
