import type { Db, Locale } from '@proximitat/db';
import type { ParamValues, Reason } from '@proximitat/errors';
import type { CompanySort, SearchRequest } from '@proximitat/search';
import { z } from 'zod';
import { AppError, appError } from '../../errors.ts';
import { reasonIssue, zodErrors } from '../common/validation.ts';
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

/** A refinement whose failure is the given reason (zod's own checks cannot carry one). */
function within<T>(ok: (value: T) => boolean, reason: Reason, values: ParamValues = {}) {
  return [ok, { params: { reason, values } }] as const;
}

const codeList = z
  .array(z.string())
  .nullish()
  .refine(
    ...within<string[] | null | undefined>(
      (values) => !values || values.length <= SEARCH_LIMITS.filterValues,
      'TOO_MANY_VALUES',
      { max: SEARCH_LIMITS.filterValues },
    ),
  );
const count = z.number().int().nullish();
const inRange = (min: number, max: number, minExclusive = false) =>
  within<number | null | undefined>(
    (value) =>
      value === null ||
      value === undefined ||
      (Number.isFinite(value) && (minExclusive ? value > min - 1 : value >= min) && value <= max),
    'OUT_OF_RANGE',
    { min, max },
  );

/**
 * The shape and limits of a search's arguments, checked at the edge: each failure is the reason
 * the API raises (the first one, as a GraphQL error naming the argument). What needs the reference
 * data (which codes exist) is left to normaliseSearch.
 */
const SearchArgsSchema = z
  .object({
    query: z
      .string()
      .nullish()
      .refine(
        ...within<string | null | undefined>(
          (query) => (query ?? '').trim().length <= SEARCH_LIMITS.queryLength,
          'QUERY_TOO_LONG',
          { max: SEARCH_LIMITS.queryLength },
        ),
      ),
    filter: z
      .object({
        sectors: codeList,
        legalForms: codeList,
        districts: codeList,
        neighbourhoods: codeList,
        cpv: codeList,
        certifications: codeList,
        socialClauses: codeList,
        minEsgScore: z
          .number()
          .nullish()
          .refine(...inRange(0, 100)),
        employees: z
          .object({ min: count, max: count })
          .nullish()
          .refine(
            ...within<{ min?: number | null; max?: number | null } | null | undefined>(
              (range) => range?.min == null || range.max == null || range.min <= range.max,
              'RANGE_REVERSED',
            ),
          ),
      })
      .passthrough()
      .nullish(),
    near: z
      .object({
        lat: z.number().refine(...inRange(-90, 90)),
        lng: z.number().refine(...inRange(-180, 180)),
        radiusMeters: z
          .number()
          .nullish()
          .refine(...inRange(1, SEARCH_LIMITS.radiusMeters, true)),
      })
      .nullish(),
    first: count.refine(
      ...within<number | null | undefined>(
        (first) => first === null || first === undefined || (first >= 0 && first <= SEARCH_LIMITS.pageSize),
        'PAGE_TOO_LARGE',
        { max: SEARCH_LIMITS.pageSize },
      ),
    ),
  })
  .passthrough()
  .superRefine((args, context) => {
    if (args.sort === 'DISTANCE' && !args.near)
      context.addIssue(reasonIssue('DISTANCE_NEEDS_NEAR', {}, ['sort']));
  });

export async function normaliseSearch(db: Db, args: SearchArgs): Promise<SearchRequest> {
  const checked = SearchArgsSchema.safeParse(args);
  if (!checked.success) {
    const [problem] = zodErrors(checked.error, '');
    if (problem)
      throw new AppError(problem.reason, problem.params, problem.field ? { field: problem.field } : {});
  }
  const [codes, places] = await Promise.all([loadReferenceCodes(db), loadPlaces(db)]);
  const query = (args.query ?? '').trim();
  const filter = args.filter ?? {};
  let impossible = false;
  const known = (values: string[] | null | undefined, valid: (value: string) => boolean) => {
    if (values === null || values === undefined || values.length === 0) return null;
    const kept = [...new Set(values.filter(valid))];
    if (kept.length === 0) impossible = true;
    return kept;
  };
  const certifications = known(filter.certifications, (code) => codes.certifications.has(code));
  // "All of": one unknown certification already makes the filter impossible.
  if (certifications && certifications.length !== new Set(filter.certifications ?? []).size)
    impossible = true;
  const socialClauses = known(filter.socialClauses, (code) => codes.socialClauses.has(code));
  if (socialClauses && socialClauses.length !== new Set(filter.socialClauses ?? []).size) impossible = true;

  const first = args.first ?? SEARCH_LIMITS.defaultPageSize;
  const near = args.near ?? null;
  const minEsgScore = filter.minEsgScore ?? null;
  const employeesMin = filter.employees?.min ?? null;
  const employeesMax = filter.employees?.max ?? null;
  const requested = args.sort ?? (query ? 'RELEVANCE' : 'NAME');

  return {
    query,
    sectors: known(filter.sectors, (code) => codes.sectors.has(code)),
    legalForms: known(filter.legalForms, (code) => codes.legalForms.has(code)),
    districts: known(filter.districts, (code) => places.districts.has(code)),
    neighbourhoods: known(filter.neighbourhoods, (code) => places.neighbourhoods.has(code)),
    cpv: known(
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
