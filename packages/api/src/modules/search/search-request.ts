import type { Db } from '@proximitat/db';
import { AppError, ErrorCode } from '../../errors.ts';
import { loadPlaces } from '../directory/places.ts';
import { loadReferenceCodes } from '../directory/validation-context.ts';
import type { Locale } from '../i18n/locale.schema.ts';

/**
 * A search as both engines (Meilisearch, and PostgreSQL when it is unreachable) run it. Filter
 * values are data: codes are kept only when they exist in the reference data and CPV values only
 * when they are digits, so no caller's string ever becomes filter syntax. A list whose values are
 * all unknown cannot match anything (`impossible`).
 */
export type CompanySort = 'RELEVANCE' | 'NAME' | 'ESG_SCORE' | 'DISTANCE' | 'NEWEST';

export interface SearchRequest {
  query: string;
  sectors: string[] | null;
  legalForms: string[] | null;
  districts: string[] | null;
  neighbourhoods: string[] | null;
  /** Digit prefixes, 2 to 8 digits. */
  cpv: string[] | null;
  /** All of them. */
  certifications: string[];
  /** All of them. */
  socialClauses: string[];
  reservedContractEligible: boolean | null;
  homologated: boolean | null;
  minEsgScore: number | null;
  employeesMin: number | null;
  employeesMax: number | null;
  near: { lat: number; lng: number; radiusMeters: number | null } | null;
  sort: Exclude<CompanySort, 'RELEVANCE'> | 'RELEVANCE';
  offset: number;
  limit: number;
  locale: Locale;
  /** Some list held only values that exist nowhere: the answer is empty. */
  impossible: boolean;
}

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
  if (!match) throw new AppError(ErrorCode.VALIDATION, 'after: not a cursor of this search');
  return Number(match[1]);
}

function invalid(field: string, message: string): never {
  throw new AppError(ErrorCode.VALIDATION, `${field}: ${message}`);
}

export async function normaliseSearch(db: Db, args: SearchArgs): Promise<SearchRequest> {
  const [codes, places] = await Promise.all([loadReferenceCodes(db), loadPlaces(db)]);
  const query = (args.query ?? '').trim();
  if (query.length > SEARCH_LIMITS.queryLength) {
    throw new AppError(ErrorCode.LIMIT_EXCEEDED, `query: at most ${SEARCH_LIMITS.queryLength} characters`);
  }
  const filter = args.filter ?? {};
  let impossible = false;
  const known = (field: string, values: string[] | null | undefined, valid: (value: string) => boolean) => {
    if (values === null || values === undefined || values.length === 0) return null;
    if (values.length > SEARCH_LIMITS.filterValues) {
      throw new AppError(
        ErrorCode.LIMIT_EXCEEDED,
        `filter.${field}: at most ${SEARCH_LIMITS.filterValues} values`,
      );
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
    throw new AppError(ErrorCode.LIMIT_EXCEEDED, `first: at most ${SEARCH_LIMITS.pageSize}`);
  }
  const near = args.near ?? null;
  if (near) {
    if (!Number.isFinite(near.lat) || Math.abs(near.lat) > 90)
      invalid('near.lat', 'must be between -90 and 90');
    if (!Number.isFinite(near.lng) || Math.abs(near.lng) > 180)
      invalid('near.lng', 'must be between -180 and 180');
    const radius = near.radiusMeters;
    if (radius !== null && radius !== undefined && (radius <= 0 || radius > SEARCH_LIMITS.radiusMeters)) {
      invalid('near.radiusMeters', `must be from 1 to ${SEARCH_LIMITS.radiusMeters}`);
    }
  }
  const minEsgScore = filter.minEsgScore ?? null;
  if (minEsgScore !== null && (minEsgScore < 0 || minEsgScore > 100))
    invalid('filter.minEsgScore', 'must be from 0 to 100');
  const employeesMin = filter.employees?.min ?? null;
  const employeesMax = filter.employees?.max ?? null;
  if (employeesMin !== null && employeesMax !== null && employeesMin > employeesMax) {
    invalid('filter.employees', 'min is greater than max');
  }
  const requested = args.sort ?? (query ? 'RELEVANCE' : 'NAME');
  if (requested === 'DISTANCE' && !near) invalid('sort', 'DISTANCE needs near');

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

/** Great-circle distance in metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** Lower case without accents: how both engines compare words. */
export function fold(text: string): string {
  return text.replace(/l·l/gi, 'll').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Markers Meilisearch puts around matches: control characters that company texts never hold. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * Highlights are HTML that is safe to render: the text is escaped first and only then are the
 * match markers turned into <mark> elements, so the only markup in them is <mark>.
 */
export function markedToHtml(marked: string): string {
  // Other control characters are dropped, so text cannot forge the markers' neighbours.
  const text = [...marked]
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code >= 32 || char === MARK_START || char === MARK_END || char === '\n' || char === '\t';
    })
    .join('');
  return escapeHtml(text).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}
