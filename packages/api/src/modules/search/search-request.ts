import type { Db, Locale } from '@proximitat/db';
import type { ParamValues, Reason } from '@proximitat/errors';
import type { CompanySort, SearchRequest } from '@proximitat/search';
import { z } from 'zod';
import { AppError, appError } from '../../errors.ts';
import { reasonIssue, zodErrors } from '../common/validation.ts';
import { cpvBranch, cpvOfBranch, isKnownCpvPrefix } from '../directory/cpv.ts';
import { loadPlaces } from '../directory/places.ts';
import { validateTaxId } from '../directory/tax-id.ts';
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
  /** 1-based page of `first` results, instead of `after`. */
  page?: number | null;
  locale?: Locale | null;
}

export const SEARCH_LIMITS = {
  queryLength: 200,
  filterValues: 50,
  pageSize: 100,
  defaultPageSize: 20,
  radiusMeters: 50_000,
  /** Deepest page (`page`): 1,000 pages of up to 100. */
  pages: 1_000,
  /** The most points searchCompanyPoints answers (the first ones of the result set, in its order). */
  mapPoints: 5_000,
} as const;

/** What a search text was recognised as, instead of words to look for. */
export type Recognised =
  | { kind: 'CPV'; value: string; code: string | null }
  | { kind: 'TAX_ID'; value: string; code: null };

/**
 * A CPV code ("90910000-9", "90910000"), a CPV prefix of the vocabulary ("9091", "45") or a valid
 * Spanish tax ID in any case, with or without dashes, dots or spaces ("f-08.123.453"), typed as the
 * whole query: searched as such (a CPV branch filter, the company with that tax ID), not as words.
 * Digits no CPV code starts with (a postal code "08014", a year) stay text.
 */
export function recogniseQuery(text: string | null | undefined): Recognised | null {
  const query = (text ?? '').trim();
  if (query === '' || query.length > 20) return null;
  const compact = query.replace(/[\s.]/g, '');
  if (/^\d{2,8}(-?\d)?$/.test(compact)) {
    const digits = compact.replace('-', '');
    // Nine digits are a code and its check digit.
    const normal = digits.length === 9 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : compact;
    const branch = cpvBranch(normal);
    if (branch && isKnownCpvPrefix(digits.slice(0, 8))) {
      const code = cpvOfBranch(branch)?.code ?? null;
      return { kind: 'CPV', value: branch, code };
    }
  }
  const taxId = validateTaxId(query);
  if (taxId.valid && /\d/.test(query)) return { kind: 'TAX_ID', value: taxId.value, code: null };
  return null;
}

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
    page: count.refine(...inRange(1, SEARCH_LIMITS.pages)),
  })
  .passthrough()
  .superRefine((args, context) => {
    if (args.sort === 'DISTANCE' && !args.near)
      context.addIssue(reasonIssue('DISTANCE_NEEDS_NEAR', {}, ['sort']));
    // A page and a cursor would name two places to start from.
    if (args.page != null && args.after != null) context.addIssue(reasonIssue('INVALID_VALUE', {}, ['page']));
  });

export async function normaliseSearch(db: Db, args: SearchArgs): Promise<SearchRequest> {
  const checked = SearchArgsSchema.safeParse(args);
  if (!checked.success) {
    const [problem] = zodErrors(checked.error, '');
    if (problem)
      throw new AppError(problem.reason, problem.params, problem.field ? { field: problem.field } : {});
  }
  const [codes, places] = await Promise.all([loadReferenceCodes(db), loadPlaces(db)]);
  const recognised = recogniseQuery(args.query);
  const query = recognised ? '' : (args.query ?? '').trim();
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
  let companyIds: string[] | null = null;
  if (recognised?.kind === 'TAX_ID') {
    const company = await db.company.findUnique({
      where: { taxId: recognised.value },
      select: { id: true, status: true },
    });
    if (company?.status === 'PUBLISHED') companyIds = [company.id];
    else impossible = true;
  }

  return {
    query,
    sectors: known(filter.sectors, (code) => codes.sectors.has(code)),
    legalForms: known(filter.legalForms, (code) => codes.legalForms.has(code)),
    districts: known(filter.districts, (code) => places.districts.has(code)),
    neighbourhoods: known(filter.neighbourhoods, (code) => places.neighbourhoods.has(code)),
    // A full code stands for its branch of the hierarchy (the codes under it too).
    cpv: known(
      filter.cpv?.map((value) => cpvBranch(value) ?? ''),
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
    offset: args.after ? decodeCursor(args.after) : args.page ? (args.page - 1) * first : 0,
    limit: first,
    locale: args.locale ?? 'CA',
    queryCpv: recognised?.kind === 'CPV' ? recognised.value : null,
    companyIds,
    impossible,
  };
}

/** Lower case without accents: how both engines compare words. */
export function fold(text: string): string {
  return text.replace(/l·l/gi, 'll').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
