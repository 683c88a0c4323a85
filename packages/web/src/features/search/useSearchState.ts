import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { graphql } from '../../lib/graphql.ts';
import type { MessageKey } from '../../lib/i18n/messages.ca.ts';

/** Filters of the search page, as CompanyFilter fields, and the URL parameter each one lives in. */
export const FILTER_PARAMS = {
  sectors: 'sector',
  legalForms: 'forma',
  districts: 'districte',
  neighbourhoods: 'barri',
  cpv: 'cpv',
  certifications: 'certificacio',
  socialClauses: 'clausula',
} as const satisfies { [Field in keyof ReturnType<typeof graphql.scalar<'CompanyFilter'>>]?: string };

export type ListFilter = keyof typeof FILTER_PARAMS;
/** The schema's CompanySort. */
export type Sort = ReturnType<typeof graphql.scalar<'CompanySort'>>;

/** Every sort the schema offers, in the order the sort select lists them, each with its label. */
export const SORT_LABELS = {
  RELEVANCE: 'search.sort.RELEVANCE',
  NAME: 'search.sort.NAME',
  NEWEST: 'search.sort.NEWEST',
  ESG_SCORE: 'search.sort.ESG_SCORE',
  DISTANCE: 'search.sort.DISTANCE',
} as const satisfies Record<Sort, MessageKey>;

export const SORTS = Object.keys(SORT_LABELS) as Sort[];

/** The sort named in the address, or '' (the default) for a missing or unknown one. */
export function parseSort(value: string | null): Sort | '' {
  return SORTS.find((sort) => sort === value) ?? '';
}

export interface SearchState {
  query: string;
  lists: Record<ListFilter, string[]>;
  reserved: boolean;
  homologated: boolean;
  near: string;
  radius: number;
  sort: Sort | '';
  /** 1-based page of the results. */
  page: number;
  view: 'llista' | 'mapa';
}

/** Parameters that are not filters: clearing the filters keeps them. */
const NOT_FILTERS = new Set(['q', 'ordre', 'vista']);

/** The deepest page the API answers. */
export const MAX_PAGE = 1000;

/** The page named in the address: a whole number from 1 (1 for anything else). */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** How many filters the address holds (each value of a list counts). */
export function filterCount(params: URLSearchParams): number {
  let count = 0;
  for (const [key] of params) if (!NOT_FILTERS.has(key) && key !== 'pagina' && key !== 'radi') count += 1;
  return count;
}

/** Removes every filter (lists, reserved contracts, homologation, the place and its radius), keeping the text, sort and view. */
export function clearFilters(params: URLSearchParams): void {
  for (const key of [...new Set(params.keys())]) if (!NOT_FILTERS.has(key)) params.delete(key);
}

/** The whole state of a search lives in the URL, the page included, so that a search can be shared and bookmarked, and reload and Back keep it. */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<SearchState>(() => {
    const lists = Object.fromEntries(
      Object.entries(FILTER_PARAMS).map(([field, param]) => [field, params.getAll(param)]),
    ) as Record<ListFilter, string[]>;
    return {
      query: params.get('q') ?? '',
      lists,
      reserved: params.get('reservat') === '1',
      homologated: params.get('homologada') === '1',
      near: params.get('prop') ?? '',
      radius: Number(params.get('radi') ?? '1000') || 1000,
      sort: parseSort(params.get('ordre')),
      page: parsePage(params.get('pagina')),
      view: params.get('vista') === 'mapa' ? 'mapa' : 'llista',
    };
  }, [params]);

  /**
   * Changes the search: a new entry in the history (Back returns to the search before), except
   * with `replace` (the text as it is typed). Any change but of the page or view starts at page 1.
   */
  const update = useCallback(
    (change: (next: URLSearchParams) => void, options: { keepPage?: boolean; replace?: boolean } = {}) => {
      const next = new URLSearchParams(params);
      change(next);
      if (!options.keepPage) next.delete('pagina');
      // An address from before page numbers.
      next.delete('despres');
      if (next.toString() === params.toString()) return;
      setParams(next, { replace: options.replace ?? false, preventScrollReset: true });
    },
    [params, setParams],
  );

  return { state, update, params };
}
