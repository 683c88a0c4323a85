import { queryFromInfo } from '@pothos/plugin-prisma';
import type { Db } from '@proximitat/db';
import {
  type EngineResult,
  type FacetField,
  isSearchUnavailable,
  type PointsResult,
  type Search,
  type SearchRequest,
} from '@proximitat/search';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { payloadWeight } from '../../limits/limits.ts';
import { CompanyRef } from '../directory/company.schema.ts';
import { cpvLabel, cpvOfBranch } from '../directory/cpv.ts';
import { type Locale, LocaleEnum, translatedName } from '../i18n/locale.schema.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { pointsPostgres, searchPostgres } from './search-postgres.ts';
import {
  encodeCursor,
  normaliseSearch,
  type Recognised,
  recogniseQuery,
  SEARCH_LIMITS,
  type SearchArgs,
} from './search-request.ts';

const CompanySortEnum = builder.enumType('CompanySort', {
  description:
    'RELEVANCE is the default with a query; without a query the default is NAME. DISTANCE needs `near`.',
  values: ['RELEVANCE', 'NAME', 'ESG_SCORE', 'DISTANCE', 'NEWEST'] as const,
});

const IntRangeInput = builder.inputType('IntRangeInput', {
  fields: (t) => ({ min: t.int(), max: t.int() }),
});

const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'With radiusMeters, only companies within it; without, no distance limit (used for sorting).',
  fields: (t) => ({
    lat: t.float({ required: true }),
    lng: t.float({ required: true }),
    radiusMeters: t.int(),
  }),
});

const CompanyFilterInput = builder.inputType('CompanyFilter', {
  description:
    'Every list is "any of" except certifications and socialClauses ("all of"). Codes are those of the reference data; `cpv` takes full codes or leading-digit prefixes.',
  fields: (t) => ({
    sectors: t.stringList(),
    legalForms: t.stringList(),
    districts: t.stringList(),
    neighbourhoods: t.stringList(),
    cpv: t.stringList(),
    certifications: t.stringList(),
    socialClauses: t.stringList({
      description: 'Social clause codes (`socialClauses`) the company declares it can fulfil: all of them.',
    }),
    reservedContractEligible: t.boolean(),
    homologated: t.boolean({ description: 'Has a VERIFIED, unexpired ESG assessment.' }),
    minEsgScore: t.int({ description: '0..100' }),
    employees: t.field({ type: IntRangeInput }),
  }),
});

interface FacetValue {
  value: string;
  label: string;
  count: number;
}

const FacetValueRef = builder.objectRef<FacetValue>('SearchFacetValue').implement({
  fields: (t) => ({
    value: t.exposeString('value'),
    label: t.exposeString('label', { description: 'In the locale of the search.' }),
    count: t.exposeInt('count'),
  }),
});

const FacetRef = builder.objectRef<{ field: FacetField; values: FacetValue[] }>('SearchFacet').implement({
  description: 'Counts of a CompanyFilter field over the whole result set, most first.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The CompanyFilter field it counts.' }),
    values: t.field({
      type: [FacetValueRef],
      complexity: { field: 1, multiplier: 3 },
      resolve: (facet) => facet.values,
    }),
  }),
});

const HighlightRef = builder
  .objectRef<{ name: string; description: string | null }>('SearchHighlight')
  .implement({
    description:
      'HTML safe to render as is: the text is escaped and the only elements are <mark> around the words that matched.',
    fields: (t) => ({
      name: t.exposeString('name'),
      description: t.exposeString('description', {
        nullable: true,
        description: 'A cropped passage of the description in the locale of the search.',
      }),
    }),
  });

interface SearchEdge {
  cursor: string;
  distanceMeters: number | null;
  highlight: { name: string; description: string | null };
  node: object;
}

const EdgeRef = builder.objectRef<SearchEdge>('CompanySearchEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    distanceMeters: t.exposeInt('distanceMeters', {
      nullable: true,
      description: 'From `near`, when given.',
    }),
    highlight: t.field({ type: HighlightRef, resolve: (edge) => edge.highlight }),
    node: t.field({ type: CompanyRef, resolve: (edge) => edge.node as never }),
  }),
});

const RecognisedKindEnum = builder.enumType('SearchRecognisedKind', {
  values: {
    CPV: { description: 'A CPV code or prefix: the companies with a CPV code under it.' },
    TAX_ID: { description: 'A Spanish tax ID (NIF/CIF/NIE): the published company that has it.' },
  } as const,
});

const RecognisedRef = builder.objectRef<Recognised & { locale: Locale }>('SearchRecognised').implement({
  description: 'What the query was recognised as, and searched as, instead of words.',
  fields: (t) => ({
    kind: t.field({ type: RecognisedKindEnum, resolve: (recognised) => recognised.kind }),
    value: t.exposeString('value', {
      description: 'The CPV branch searched ("9091") or the tax ID, compact and upper case ("F08123453").',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'For a CPV branch that is a code of the vocabulary: the code ("90910000-9").',
    }),
    label: t.string({
      nullable: true,
      description:
        'For a CPV branch that is a code: its label in the locale of the search (Spanish for Catalan).',
      resolve: (recognised) => {
        if (recognised.kind !== 'CPV') return null;
        const entry = cpvOfBranch(recognised.value);
        return entry ? cpvLabel(entry.code, recognised.locale) : null;
      },
    }),
  }),
});

interface SearchResult {
  totalCount: number;
  degraded: boolean;
  recognised: (Recognised & { locale: Locale }) | null;
  facets: { field: FacetField; values: FacetValue[] }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: SearchEdge[];
}

const SearchPageInfoRef = builder.objectRef<SearchResult['pageInfo']>('SearchPageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const ResultRef = builder.objectRef<SearchResult>('CompanySearchConnection').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount'),
    recognised: t.field({
      type: RecognisedRef,
      nullable: true,
      description:
        'Set when the query was a CPV code or prefix, or a tax ID, and was searched as such (a filter) rather than as text.',
      resolve: (result) => result.recognised,
    }),
    degraded: t.exposeBoolean('degraded', {
      description:
        'True when the search engine was unreachable and PostgreSQL answered: simpler relevance, typos tolerated in names only, and the total and facets up to a minute old.',
    }),
    facets: t.field({
      type: [FacetRef],
      complexity: { field: 1, multiplier: 1 },
      resolve: (result) => result.facets,
    }),
    pageInfo: t.field({ type: SearchPageInfoRef, resolve: (result) => result.pageInfo }),
    edges: t.field({ type: [EdgeRef], resolve: (result) => result.edges }),
  }),
});

type Labels = Record<
  Exclude<FacetField, 'cpv' | 'reservedContractEligible' | 'homologated'>,
  Map<string, string>
>;
async function facetLabels(db: Db, locale: Locale): Promise<Labels> {
  const reference = await loadReference(db);
  const names = <T extends { nameCa: string; nameEs: string; nameEn: string }>(rows: Map<string, T>) =>
    new Map([...rows].map(([code, row]) => [code, translatedName(row, locale)]));
  const plain = (rows: Map<string, { name: string }>) =>
    new Map([...rows].map(([code, row]) => [code, row.name]));
  return {
    sectors: names(reference.sectors),
    legalForms: names(reference.legalForms),
    certifications: names(reference.certifications),
    socialClauses: names(reference.socialClauses),
    districts: plain(reference.districts),
    neighbourhoods: plain(reference.neighbourhoods),
  };
}

const YES_NO: Record<Locale, [string, string]> = { CA: ['Sí', 'No'], ES: ['Sí', 'No'], EN: ['Yes', 'No'] };

function label(field: FacetField, value: string, labels: Labels, locale: Locale): string {
  if (field === 'cpv') return cpvLabel(`${value.padEnd(8, '0')}`, locale);
  if (field === 'reservedContractEligible' || field === 'homologated') {
    return value === 'true' ? YES_NO[locale][0] : YES_NO[locale][1];
  }
  return labels[field].get(value) ?? value;
}

/** Meilisearch stays out of the way for a few seconds after it failed, so an outage costs no waiting. */
const unavailableUntil = new WeakMap<Search, number>();
const BREAK_MS = 5000;

async function runEngines(
  context: Context,
  request: SearchRequest,
): Promise<EngineResult & { degraded: boolean }> {
  if (request.impossible) {
    return { totalCount: 0, hits: [], facets: {} as EngineResult['facets'], degraded: false };
  }
  if (Date.now() >= (unavailableUntil.get(context.search) ?? 0)) {
    try {
      return { ...(await context.search.searchCompanies(request)), degraded: false };
    } catch (error) {
      if (!isSearchUnavailable(error)) throw error;
      unavailableUntil.set(context.search, Date.now() + BREAK_MS);
      context.log.warn({ err: error }, 'search engine unavailable: answering from PostgreSQL');
    }
  }
  return { ...(await searchPostgres(context.db, request)), degraded: true };
}

builder.queryField('searchCompanies', (t) =>
  t.field({
    type: ResultRef,
    description:
      'Full-text, typo-tolerant, accent-insensitive search over published companies, with filters, facets and geo. Filter values are data, never syntax.',
    args: {
      query: t.arg.string(),
      filter: t.arg({ type: CompanyFilterInput }),
      near: t.arg({ type: GeoPointInput }),
      sort: t.arg({ type: CompanySortEnum }),
      first: t.arg.int(),
      after: t.arg.string(),
      page: t.arg.int({
        description: `The page (1 to ${SEARCH_LIMITS.pages}) of \`first\` results to answer, instead of \`after\`: page numbers in an address.`,
      }),
      locale: t.arg({
        type: LocaleEnum,
        description: 'The language of facet labels and highlights (default Catalan).',
      }),
    },
    // Edges count as ten by default; a page of `first` weighs first / 10 times that.
    complexity: (args) => ({ field: 5, multiplier: Math.max(1, Math.ceil((args.first ?? 20) / 10)) }),
    resolve: async (_root, args, context, info) => {
      const request = await normaliseSearch(context.db, args);
      const result = await runEngines(context, request);
      const ids = result.hits.map((hit) => hit.id);
      const query = queryFromInfo({ context, info, path: ['edges', 'node'] });
      // The index may lag behind PostgreSQL for a moment: only companies published now are shown.
      const rows = ids.length
        ? await context.db.company.findMany({
            ...(query as object),
            where: { id: { in: ids }, status: 'PUBLISHED' },
          })
        : [];
      const byId = new Map(rows.map((row) => [(row as { id: string }).id, row]));
      const edges = result.hits.flatMap((hit, index) => {
        const node = byId.get(hit.id);
        return node
          ? [
              {
                cursor: encodeCursor(request.offset + index + 1),
                distanceMeters: hit.distanceMeters,
                highlight: hit.highlight,
                node,
              },
            ]
          : [];
      });
      const labels = await facetLabels(context.db, request.locale);
      const facets = (Object.entries(result.facets) as [FacetField, Record<string, number>][]).map(
        ([field, counts]) => ({
          field,
          values: Object.entries(counts)
            .map(([value, count]) => ({ value, count, label: label(field, value, labels, request.locale) }))
            .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
        }),
      );
      const end = request.offset + result.hits.length;
      const recognised = recogniseQuery(args.query);
      return {
        totalCount: result.totalCount,
        degraded: result.degraded,
        recognised: recognised ? { ...recognised, locale: request.locale } : null,
        facets,
        edges,
        pageInfo: {
          hasNextPage: end < result.totalCount,
          hasPreviousPage: request.offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor:
            result.hits.length > 0
              ? encodeCursor(end)
              : request.offset > 0
                ? encodeCursor(request.offset)
                : null,
        },
      };
    },
  }),
);

/** The most points searchCompanyPoints answers: the first ones of the result set, in its order. */
const POINTS_CAP = SEARCH_LIMITS.mapPoints;

/** What a point weighs in the answer, at most (id, slug, name, two coordinates, keys: about 150 bytes, twice that to spare). */
const POINT_BYTES = 300;

const MapPointRef = builder.objectRef<PointsResult['points'][number]>('SearchMapPoint').implement({
  description: 'A located company of a search, as a map draws it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    lat: t.exposeFloat('lat'),
    lng: t.exposeFloat('lng'),
  }),
});

const PointsRef = builder
  .objectRef<PointsResult & { cap: number; degraded: boolean }>('SearchMapPoints')
  .implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'Companies in the whole result set.' }),
      capped: t.exposeBoolean('capped', {
        description:
          'True when the result set held more than `cap` companies: only the first `cap` (in the order of the search) were read.',
      }),
      cap: t.exposeInt('cap'),
      degraded: t.exposeBoolean('degraded', {
        description: 'PostgreSQL answered (the search engine was unreachable).',
      }),
      points: t.field({
        type: [MapPointRef],
        description: 'The located companies among them.',
        resolve: (result) => result.points,
      }),
    }),
  });

async function runPoints(
  context: Context,
  request: SearchRequest,
): Promise<PointsResult & { degraded: boolean }> {
  if (request.impossible) return { totalCount: 0, points: [], capped: false, degraded: false };
  if (Date.now() >= (unavailableUntil.get(context.search) ?? 0)) {
    try {
      return { ...(await context.search.companyPoints(request, POINTS_CAP)), degraded: false };
    } catch (error) {
      if (!isSearchUnavailable(error)) throw error;
      unavailableUntil.set(context.search, Date.now() + BREAK_MS);
      context.log.warn({ err: error }, 'search engine unavailable: answering from PostgreSQL');
    }
  }
  return { ...(await pointsPostgres(context.db, request, POINTS_CAP)), degraded: true };
}

builder.queryField('searchCompanyPoints', (t) =>
  t.field({
    type: PointsRef,
    description: `The located companies of a search's whole result set (the arguments of searchCompanies, without paging), for a map: at most the first ${POINTS_CAP.toLocaleString('en')} of it, in its order, with \`capped\` when there were more. Public; each costs as much as the largest answer it can give, so a request holds at most one.`,
    args: {
      query: t.arg.string(),
      filter: t.arg({ type: CompanyFilterInput }),
      near: t.arg({ type: GeoPointInput }),
      sort: t.arg({ type: CompanySortEnum }),
    },
    complexity: payloadWeight(POINTS_CAP * POINT_BYTES),
    resolve: async (_root, args, context) => {
      const request = await normaliseSearch(context.db, { ...(args as SearchArgs), first: null });
      const result = await runPoints(context, request);
      return { ...result, cap: POINTS_CAP };
    },
  }),
);
