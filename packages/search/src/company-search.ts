import type { Locale } from '@proximitat/db';
import type { Meilisearch } from 'meilisearch';
import type { CompanyDocument } from './company-document.ts';

export type CompanySort = 'RELEVANCE' | 'NAME' | 'ESG_SCORE' | 'DISTANCE' | 'NEWEST';

/**
 * A search as both engines (Meilisearch here, and PostgreSQL in the API when Meilisearch is
 * unreachable) run it, already validated by the API (search-request.ts): codes are ones that
 * exist and CPV values are digits, so no caller's string ever becomes filter syntax.
 */
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
  sort: CompanySort;
  offset: number;
  limit: number;
  locale: Locale;
  /**
   * A CPV prefix (2 to 8 digits) the query was recognised as: every result has a CPV code under it,
   * on top of `cpv` (which is "any of"). The query text is then empty.
   */
  queryCpv: string | null;
  /** Only these companies (a tax ID typed in the query names one): the query text is then empty. */
  companyIds: string[] | null;
  /** Some list held only values that exist nowhere: the answer is empty. */
  impossible: boolean;
}

/**
 * Catalan elided articles, prepositions and pronouns (l', d', s', n', m', t', qu') before a word,
 * with a straight, curly or modifier apostrophe, in any case: "d'inserció" is the word "inserció".
 */
const ELISION = /(^|[^\p{L}\p{N}])(?:qu|[dlsmnt])['’ʼ`´]/giu;

/** The query's text without Catalan elisions (the index drops them too: its stop words). */
export function withoutElisions(text: string): string {
  return text.replace(ELISION, '$1 ').replace(/\s+/g, ' ').trim();
}

/**
 * The words of a need's paragraph that say nothing about what is needed (articles, prepositions,
 * conjunctions in Catalan, Spanish and English): a tender's text is matched by its other words, so
 * that sharing "de" with a description does not count as answering the need.
 */
const FUNCTION_WORDS = new Set(
  (
    'a al als amb de del dels el els en es i la les o per pel pels un una uns unes que ' +
    'con las los lo para por y e u unos unas ' +
    'an and for in of on or the to with'
  ).split(' '),
);

/** A need's text without elisions and function words, for matching suppliers to it. */
export function needWords(text: string): string {
  return withoutElisions(text)
    .split(' ')
    .filter((word) => word && !FUNCTION_WORDS.has(word.toLocaleLowerCase('ca')))
    .join(' ');
}

/** The elided forms the index does not keep as words (so "d'inserció" is indexed as "inserció"). */
export const ELIDED_WORDS = ['d', 'l', 's', 'n', 'm', 't', 'qu'];

/** Index attribute -> the CompanyFilter field a facet is reported under. */
export const FACETS = {
  sectors: 'sectors',
  legalForm: 'legalForms',
  district: 'districts',
  neighbourhood: 'neighbourhoods',
  certifications: 'certifications',
  socialClauses: 'socialClauses',
  cpvDivisions: 'cpv',
  reservedContractEligible: 'reservedContractEligible',
  homologated: 'homologated',
} as const;

export type FacetField = (typeof FACETS)[keyof typeof FACETS];

export interface EngineHit {
  id: string;
  distanceMeters: number | null;
  highlight: { name: string; description: string | null };
}

export interface EngineResult {
  totalCount: number;
  hits: EngineHit[];
  facets: Record<FacetField, Record<string, number>>;
}

/** A quoted filter value. Values reaching here are reference codes or digits already; quoting is a second guard. */
export function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export function meiliFilter(request: SearchRequest): string[] {
  const filter: string[] = [];
  const anyOf = (attribute: string, values: string[] | null) => {
    if (values) filter.push(`${attribute} IN [${values.map(quote).join(', ')}]`);
  };
  anyOf('sectors', request.sectors);
  anyOf('legalForm', request.legalForms);
  anyOf('district', request.districts);
  anyOf('neighbourhood', request.neighbourhoods);
  anyOf('cpvPrefixes', request.cpv);
  if (request.queryCpv) filter.push(`cpvPrefixes = ${quote(request.queryCpv)}`);
  anyOf('id', request.companyIds);
  for (const certification of request.certifications) filter.push(`certifications = ${quote(certification)}`);
  for (const clause of request.socialClauses) filter.push(`socialClauses = ${quote(clause)}`);
  if (request.reservedContractEligible !== null)
    filter.push(`reservedContractEligible = ${request.reservedContractEligible}`);
  // Homologation counts only until its validUntil: checked against the time of the search.
  const now = Date.now();
  if (request.homologated === true) filter.push(`esgValidUntil > ${now}`);
  if (request.homologated === false) filter.push(`(esgValidUntil IS NULL OR esgValidUntil <= ${now})`);
  if (request.minEsgScore !== null)
    filter.push(`esgScore >= ${Number(request.minEsgScore)} AND esgValidUntil > ${now}`);
  if (request.employeesMin !== null) filter.push(`employees >= ${Number(request.employeesMin)}`);
  if (request.employeesMax !== null) filter.push(`employees <= ${Number(request.employeesMax)}`);
  if (request.near?.radiusMeters) {
    const { lat, lng, radiusMeters } = request.near;
    filter.push(`_geoRadius(${coordinate(lat)}, ${coordinate(lng)}, ${Math.round(Number(radiusMeters))})`);
  }
  return filter;
}

/**
 * A coordinate as Meilisearch's filter syntax reads it: plain decimals (a tiny value such as
 * -5e-324 would otherwise be written in exponent notation, which the filter cannot parse), to the
 * centimetre.
 */
function coordinate(value: number): string {
  return Number(value).toFixed(7);
}

export function meiliSort(request: SearchRequest): string[] | undefined {
  switch (request.sort) {
    case 'NAME':
      return ['nameSort:asc'];
    case 'ESG_SCORE':
      return ['esgScore:desc', 'nameSort:asc'];
    case 'NEWEST':
      return ['createdAt:desc'];
    case 'DISTANCE':
      return request.near
        ? [`_geoPoint(${coordinate(request.near.lat)}, ${coordinate(request.near.lng)}):asc`]
        : undefined;
    default:
      return undefined;
  }
}

const DESCRIPTION = { CA: 'descriptionCa', ES: 'descriptionEs', EN: 'descriptionEn' } as const;

/** The multi-search queries that answer a request: a page, plus a count when it is not page-aligned. */
export function meiliQueries(uid: string, request: SearchRequest) {
  const descriptionField = DESCRIPTION[request.locale];
  const common = {
    indexUid: uid,
    q: withoutElisions(request.query),
    // Every word must match, as in the PostgreSQL fallback: the total and facets count the
    // companies that answer the whole text, and a chosen sort orders only those (with "last",
    // companies matching the first word alone would be sorted in among them).
    matchingStrategy: 'all' as const,
    filter: meiliFilter(request),
    ...(meiliSort(request) ? { sort: meiliSort(request) } : {}),
  };
  const aligned = request.limit > 0 && request.offset % request.limit === 0;
  // One request: a page (exact total when aligned), plus a count when a client changed page sizes.
  return [
    {
      ...common,
      ...(aligned
        ? { page: request.offset / request.limit + 1, hitsPerPage: request.limit }
        : { offset: request.offset, limit: request.limit }),
      facets: Object.keys(FACETS),
      attributesToRetrieve: ['id', '_geo', 'name', descriptionField],
      attributesToHighlight: ['name', descriptionField],
      attributesToCrop: [descriptionField],
      cropLength: 24,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    },
    ...(aligned ? [] : [{ ...common, page: 1, hitsPerPage: 0 }]),
  ];
}

/** A query that was only elisions ("d'") names no word: it finds nothing, as in PostgreSQL. */
export function namesNoWord(request: SearchRequest): boolean {
  return request.query !== '' && withoutElisions(request.query).replace(/[^\p{L}\p{N}]/gu, '') === '';
}

const EMPTY_FACETS = Object.fromEntries(Object.values(FACETS).map((field) => [field, {}])) as Record<
  FacetField,
  Record<string, number>
>;

export async function searchMeilisearch(
  client: Meilisearch,
  uid: string,
  request: SearchRequest,
): Promise<EngineResult> {
  if (namesNoWord(request)) return { totalCount: 0, hits: [], facets: structuredClone(EMPTY_FACETS) };
  const descriptionField = DESCRIPTION[request.locale];
  const { results } = await client.multiSearch({ queries: meiliQueries(uid, request) });
  const [page, count] = results;
  if (!page) throw new Error('Meilisearch returned no result');
  const totalCount = (count ?? page).totalHits ?? page.estimatedTotalHits ?? 0;
  const facets = Object.fromEntries(
    Object.entries(FACETS).map(([attribute, field]) => [field, page.facetDistribution?.[attribute] ?? {}]),
  ) as EngineResult['facets'];
  return {
    totalCount,
    facets,
    hits: page.hits.map((hit) => {
      const document = hit as unknown as Pick<CompanyDocument, 'id' | '_geo'> & {
        _formatted?: Record<string, string | null | undefined>;
      };
      const description = document._formatted?.[descriptionField];
      return {
        id: document.id,
        distanceMeters: request.near && document._geo ? distanceMeters(request.near, document._geo) : null,
        highlight: {
          name: markedToHtml(document._formatted?.name ?? ''),
          description: description ? markedToHtml(description) : null,
        },
      };
    }),
  };
}

/** A company of a search's result set as a map draws it. */
export interface MapPoint {
  id: string;
  slug: string;
  name: string;
  lat: number;
  lng: number;
}

export interface PointsResult {
  /** Companies in the whole result set (located or not). */
  totalCount: number;
  /** The located ones among the first `cap` of the result set, in its order. */
  points: MapPoint[];
  /** True when the result set held more than `cap` companies: only the first `cap` were read. */
  capped: boolean;
}

/** The query that reads the points of a search's whole result set, up to `cap` companies. */
export function meiliPointsQuery(uid: string, request: SearchRequest, cap: number) {
  return {
    indexUid: uid,
    q: withoutElisions(request.query),
    matchingStrategy: 'all' as const,
    filter: meiliFilter(request),
    ...(meiliSort(request) ? { sort: meiliSort(request) } : {}),
    // A page of `cap`: its total is exact (an offset/limit search only estimates it).
    page: 1,
    hitsPerPage: cap,
    attributesToRetrieve: ['id', 'slug', 'name', '_geo'],
  };
}

export async function pointsMeilisearch(
  client: Meilisearch,
  uid: string,
  request: SearchRequest,
  cap: number,
): Promise<PointsResult> {
  if (namesNoWord(request)) return { totalCount: 0, points: [], capped: false };
  const { results } = await client.multiSearch({ queries: [meiliPointsQuery(uid, request, cap)] });
  const [result] = results;
  if (!result) throw new Error('Meilisearch returned no result');
  const totalCount = result.totalHits ?? result.estimatedTotalHits ?? result.hits.length;
  const points = result.hits.flatMap((hit) => {
    const document = hit as unknown as Pick<CompanyDocument, 'id' | 'slug' | 'name' | '_geo'>;
    return document._geo
      ? [
          {
            id: document.id,
            slug: document.slug,
            name: document.name,
            lat: document._geo.lat,
            lng: document._geo.lng,
          },
        ]
      : [];
  });
  return { totalCount, points, capped: totalCount > cap };
}

/** Great-circle distance in metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Highlights of both engines are escaped with it, so the only markup in them is <mark>. */
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
