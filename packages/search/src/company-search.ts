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
  /** Some list held only values that exist nowhere: the answer is empty. */
  impossible: boolean;
}

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
    q: request.query,
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

export async function searchMeilisearch(
  client: Meilisearch,
  uid: string,
  request: SearchRequest,
): Promise<EngineResult> {
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
