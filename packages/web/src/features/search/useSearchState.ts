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
  after: string;
  view: 'llista' | 'mapa';
}

/** The whole state of a search lives in the URL, so that a search can be shared and bookmarked. */
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
      after: params.get('despres') ?? '',
      view: params.get('vista') === 'mapa' ? 'mapa' : 'llista',
    };
  }, [params]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void, options: { keepPage?: boolean } = {}) => {
      const next = new URLSearchParams(params);
      change(next);
      if (!options.keepPage) next.delete('despres');
      setParams(next, { replace: true });
    },
    [params, setParams],
  );

  return { state, update };
}
