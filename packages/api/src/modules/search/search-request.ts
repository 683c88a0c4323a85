import type { Db, Locale } from '@proximitat/db';
import type { CompanySort, SearchRequest } from '@proximitat/search';
import { appError } from '../../errors.ts';
import { loadPlaces } from '../directory/places.ts';
import { loadReferenceCodes } from '../directory/validation-context.ts';

/**
 * The validation of a search: the GraphQL arguments become the SearchRequest both engines run
 * (Meilisearch through packages/search, PostgreSQL in search-postgres.ts). Filter values are data:
 * codes are kept only when they exist in the reference data and CPV values only when they are
 * digits, so no caller's string ever becomes filter syntax. A list whose values are all unknown
 * cannot match anything (`impossible`).
 */
export interface SearchArgs {
  query?: string | null;
  filter?: {
    sectors?: string[] | null;
    legalForms?: string[] | null;
    districts?: string[] | null;
    neighbourhoods?: string[] | null;
    cpv?: string[] | null;
    certifications?: string[] | null;
    socialClauses?: string[] | null;
    reservedContractEligible?: boolean | null;
    homologated?: boolean | null;
    minEsgScore?: number | null;
    employees?: { min?: number | null; max?: number | null } | null;
  } | null;
  near?: { lat: number; lng: number; radiusMeters?: number | null } | null;
  sort?: CompanySort | null;
  first?: number | null;
  after?: string | null;
  locale?: Locale | null;
}

export const SEARCH_LIMITS = {
  queryLength: 200,
  filterValues: 50,
  pageSize: 100,
  defaultPageSize: 20,
  radiusMeters: 50_000,
} as const;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw appError('INVALID_CURSOR', 'after');
  return Number(match[1]);
}

export async function normaliseSearch(db: Db, args: SearchArgs): Promise<SearchRequest> {
  const [codes, places] = await Promise.all([loadReferenceCodes(db), loadPlaces(db)]);
  const query = (args.query ?? '').trim();
  if (query.length > SEARCH_LIMITS.queryLength) {
    throw appError('QUERY_TOO_LONG', 'query', { max: SEARCH_LIMITS.queryLength });
  }
  const filter = args.filter ?? {};
  let impossible = false;
  const known = (field: string, values: string[] | null | undefined, valid: (value: string) => boolean) => {
    if (values === null || values === undefined || values.length === 0) return null;
    if (values.length > SEARCH_LIMITS.filterValues) {
      throw appError('TOO_MANY_VALUES', `filter.${field}`, { max: SEARCH_LIMITS.filterValues });
    }
    const kept = [...new Set(values.filter(valid))];
    if (kept.length === 0) impossible = true;
    return kept;
  };
  const certifications = known('certifications', filter.certifications, (code) =>
    codes.certifications.has(code),
  );
  // "All of": one unknown certification already makes the filter impossible.
  if (certifications && certifications.length !== new Set(filter.certifications ?? []).size)
    impossible = true;
  const socialClauses = known('socialClauses', filter.socialClauses, (code) => codes.socialClauses.has(code));
  if (socialClauses && socialClauses.length !== new Set(filter.socialClauses ?? []).size) impossible = true;

  const first = args.first ?? SEARCH_LIMITS.defaultPageSize;
  if (first < 0 || first > SEARCH_LIMITS.pageSize) {
    throw appError('PAGE_TOO_LARGE', 'first', { max: SEARCH_LIMITS.pageSize });
  }
  const near = args.near ?? null;
  if (near) {
    if (!Number.isFinite(near.lat) || Math.abs(near.lat) > 90)
      throw appError('OUT_OF_RANGE', 'near.lat', { min: -90, max: 90 });
    if (!Number.isFinite(near.lng) || Math.abs(near.lng) > 180)
      throw appError('OUT_OF_RANGE', 'near.lng', { min: -180, max: 180 });
    const radius = near.radiusMeters;
    if (radius !== null && radius !== undefined && (radius <= 0 || radius > SEARCH_LIMITS.radiusMeters)) {
      throw appError('OUT_OF_RANGE', 'near.radiusMeters', { min: 1, max: SEARCH_LIMITS.radiusMeters });
    }
  }
  const minEsgScore = filter.minEsgScore ?? null;
  if (minEsgScore !== null && (minEsgScore < 0 || minEsgScore > 100))
    throw appError('OUT_OF_RANGE', 'filter.minEsgScore', { min: 0, max: 100 });
  const employeesMin = filter.employees?.min ?? null;
  const employeesMax = filter.employees?.max ?? null;
  if (employeesMin !== null && employeesMax !== null && employeesMin > employeesMax) {
    throw appError('RANGE_REVERSED', 'filter.employees');
  }
  const requested = args.sort ?? (query ? 'RELEVANCE' : 'NAME');
  if (requested === 'DISTANCE' && !near) throw appError('DISTANCE_NEEDS_NEAR', 'sort');

  return {
    query,
    sectors: known('sectors', filter.sectors, (code) => codes.sectors.has(code)),
    legalForms: known('legalForms', filter.legalForms, (code) => codes.legalForms.has(code)),
    districts: known('districts', filter.districts, (code) => places.districts.has(code)),
    neighbourhoods: known('neighbourhoods', filter.neighbourhoods, (code) => places.neighbourhoods.has(code)),
    cpv: known(
      'cpv',
      filter.cpv?.map((value) => value.trim().replace(/-\d$/, '')),
      (value) => /^\d{2,8}$/.test(value),
    ),
    certifications: certifications ?? [],
    socialClauses: socialClauses ?? [],
    reservedContractEligible: filter.reservedContractEligible ?? null,
    homologated: filter.homologated ?? null,
    minEsgScore,
    employeesMin,
    employeesMax,
    near: near ? { lat: near.lat, lng: near.lng, radiusMeters: near.radiusMeters ?? null } : null,
    sort: requested === 'RELEVANCE' && !query ? 'NAME' : requested,
    offset: args.after ? decodeCursor(args.after) : 0,
    limit: first,
    locale: args.locale ?? 'CA',
    impossible,
  };
}

/** Lower case without accents: how both engines compare words. */
export function fold(text: string): string {
  return text.replace(/l·l/gi, 'll').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
