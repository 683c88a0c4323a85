import type { SearchArgs } from '../modules/search/search-request.ts';
import { graphqlRequest, type LoadRequest } from './load-spec.ts';

/*
 * The search workload the benchmarks share (search, degraded search, hostile traffic): what
 * procurement officers and the public search for, and the operation the web client sends.
 */

/** Realistic searches of procurement officers and the public: text, typos, filters, CPV, geo, browsing. */
export const SEARCH_MIX: [string, SearchArgs][] = [
  ['text: neteja', { query: 'neteja' }],
  ['text: cooperativa de treball', { query: 'cooperativa de treball' }],
  ['text with a typo: cooperatva', { query: 'cooperatva' }],
  ['text, other language: limpieza oficinas', { query: 'limpieza oficinas' }],
  ['text: càtering ecològic', { query: 'càtering ecològic' }],
  ['filters: CURES in Eixample', { filter: { sectors: ['CURES'], districts: ['02'] } }],
  ['filter: CPV 90 (sanitation, cleaning)', { filter: { cpv: ['90'] } }],
  ['filter: reserved contracts', { filter: { reservedContractEligible: true } }],
  [
    'text + filters: neteja, reserved, 5-50 people',
    { query: 'neteja', filter: { reservedContractEligible: true, employees: { min: 5, max: 50 } } },
  ],
  [
    'geo: 1 km of Plaça de Catalunya, nearest',
    { near: { lat: 41.387, lng: 2.17, radiusMeters: 1000 }, sort: 'DISTANCE' },
  ],
  [
    'text + geo: cures within 2 km',
    { query: 'cures', near: { lat: 41.403, lng: 2.174, radiusMeters: 2000 } },
  ],
  ['browse: by name, page 3', { after: Buffer.from('o:40').toString('base64url') }],
];

/** The contract's SearchCompanies operation, as the web client sends it. */
export const SEARCH_OPERATION = `query SearchCompanies($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort, $first: Int, $after: String, $locale: Locale) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after, locale: $locale) {
    totalCount degraded
    facets { field values { value label count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters highlight { name description }
      node { id slug name legalForm description(locale: $locale) district { code name } neighbourhood { code name }
        sectors { code name(locale: $locale) } cpvCodes certifications { code name verified } esg { score status } reservedContractEligible } }
  }
}`;

/** The page size of the mix's searches. */
export const PAGE = 20;

export function graphqlSearchRequests(): LoadRequest[] {
  return SEARCH_MIX.map(([label, args]) =>
    graphqlRequest(label, SEARCH_OPERATION, { ...args, first: PAGE, locale: 'CA' }),
  );
}
