import type { Search } from '@proximitat/search';
import { COMPANIES_INDEX } from './companies-index.ts';
import type { CompanyDocument } from './company-document.ts';
import { distanceMeters, MARK_END, MARK_START, markedToHtml, type SearchRequest } from './search-request.ts';

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
    filter.push(`_geoRadius(${Number(lat)}, ${Number(lng)}, ${Number(radiusMeters)})`);
  }
  return filter;
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
        ? [`_geoPoint(${Number(request.near.lat)}, ${Number(request.near.lng)}):asc`]
        : undefined;
    default:
      return undefined;
  }
}

const DESCRIPTION = { CA: 'descriptionCa', ES: 'descriptionEs', EN: 'descriptionEn' } as const;

/** The multi-search queries that answer a request: a page, plus a count when it is not page-aligned. */
export function meiliQueries(search: Search, request: SearchRequest) {
  const uid = search.indexName(COMPANIES_INDEX);
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

export async function searchMeilisearch(search: Search, request: SearchRequest): Promise<EngineResult> {
  const descriptionField = DESCRIPTION[request.locale];
  const { results } = await search.client.multiSearch({ queries: meiliQueries(search, request) });
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
