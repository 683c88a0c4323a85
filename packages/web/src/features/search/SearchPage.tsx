import './SearchPage.css';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { Highlight } from '../../components/ui/Highlight.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { CompanyCard, CompanyCardFragment } from '../companies/CompanyCard.tsx';
import { AddToShortlistButton, SearchShortlist } from '../procurement/SearchShortlist.tsx';
import { CpvPicker } from './CpvPicker.tsx';
import { SearchMap } from './SearchMap.tsx';
import {
  clearFilters,
  FILTER_PARAMS,
  filterCount,
  type ListFilter,
  MAX_PAGE,
  SORT_LABELS,
  SORTS,
  type Sort,
  useSearchState,
} from './useSearchState.ts';

const PAGE_SIZE = 20;

const PlacesQuery = graphql(`
  query SearchPage_Places {
    districts {
      code
      name
      outline
      neighbourhoods {
        code
        name
        centre {
          lat
          lng
        }
      }
    }
  }
`);

const SearchQuery = graphql(
  `
  query SearchPage_Search(
    $query: String
    $filter: CompanyFilter
    $near: GeoPointInput
    $sort: CompanySort
    $first: Int
    $page: Int
    $locale: Locale
  ) {
    searchCompanies(
      query: $query
      filter: $filter
      near: $near
      sort: $sort
      first: $first
      page: $page
      locale: $locale
    ) {
      totalCount
      degraded
      recognised {
        kind
        value
        code
        label
      }
      facets {
        field
        values {
          value
          label
          count
        }
      }
      pageInfo {
        hasNextPage
      }
      edges {
        cursor
        distanceMeters
        highlight {
          name
          description
        }
        node {
          id
          name
          ...CompanyCard_Company
        }
      }
    }
  }
`,
  [CompanyCardFragment],
);

const CpvLabelsQuery = graphql(`
  query SearchPage_CpvLabels($codes: [String!]!, $locale: Locale) {
    cpvEntries(codes: $codes) {
      branch
      code
      label(locale: $locale)
      labelLanguage(locale: $locale)
    }
  }
`);

const FACET_ORDER: ListFilter[] = ['sectors', 'districts', 'legalForms', 'certifications', 'socialClauses'];
const RADII = [500, 1000, 2000, 5000];

export function SearchPage() {
  const { t, locale, formatNumber } = useI18n();
  const { state, update, params } = useSearchState();
  const [text, setText] = useState(state.query);
  // The tab and the history name the search itself (WCAG 2.4.2), not only "search".
  usePageTitle(state.query.trim() ? t('search.titleFor', { query: state.query.trim() }) : null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // The text as it is typed replaces the history entry its first change made (Back skips the letters).
  const typing = useRef(false);
  const searchId = useId();

  // Back, Forward or a link change the address: the box follows it.
  useEffect(() => {
    setText((current) => (current.trim() === state.query.trim() ? current : state.query));
  }, [state.query]);

  // Results follow the text as it is typed, a moment after the last key.
  useEffect(() => {
    if (text.trim() === state.query.trim()) return;
    const timer = setTimeout(() => {
      update((next) => (text.trim() ? next.set('q', text.trim()) : next.delete('q')), {
        replace: typing.current,
      });
      typing.current = true;
    }, 300);
    return () => clearTimeout(timer);
  }, [text, state.query, update]);

  /** A change of the search other than its text: its own entry in the history. */
  const change: typeof update = (edit, options) => {
    typing.current = false;
    update(edit, options);
  };
  const focusResults = () => requestAnimationFrame(() => resultsHeading.current?.focus());

  const [places] = useQuery({ query: PlacesQuery });
  const neighbourhoods = places.data?.districts.flatMap((district) => district.neighbourhoods) ?? [];
  const centre = neighbourhoods.find((n) => n.code === state.near)?.centre ?? null;

  const filter = {
    ...Object.fromEntries(
      (Object.keys(FILTER_PARAMS) as ListFilter[])
        .filter((field) => state.lists[field].length > 0)
        .map((field) => [field, state.lists[field]]),
    ),
    ...(state.reserved ? { reservedContractEligible: true } : {}),
    ...(state.homologated ? { homologated: true } : {}),
  };
  const near = centre ? { lat: centre.lat, lng: centre.lng, radiusMeters: state.radius } : null;
  const sort: Sort | null = state.sort === 'DISTANCE' && !near ? null : state.sort || null;
  // The first option, "", is the server's default: relevance for a text, else the name.
  const defaultSort: Sort = state.query ? 'RELEVANCE' : 'NAME';
  const sortChoices = SORTS.filter(
    (choice) =>
      choice !== defaultSort && (choice !== 'RELEVANCE' || state.query) && (choice !== 'DISTANCE' || near),
  );
  const searchVariables = { query: state.query || null, filter, near, sort };
  const [result] = useQuery({
    query: SearchQuery,
    variables: { ...searchVariables, first: PAGE_SIZE, page: state.page, locale },
  });
  const data = result.data?.searchCompanies;
  const [cpvLabels] = useQuery({
    query: CpvLabelsQuery,
    variables: { codes: state.lists.cpv, locale },
    pause: state.lists.cpv.length === 0,
  });

  const toggle = (field: ListFilter, value: string) => {
    change((next) => {
      const param = FILTER_PARAMS[field];
      const values = next.getAll(param);
      next.delete(param);
      for (const kept of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) {
        next.append(param, kept);
      }
    });
  };
  const labelOf = (field: ListFilter, value: string): ReactNode => {
    if (field === 'cpv') {
      const entry = cpvLabels.data?.cpvEntries.find((e) => e.branch === value);
      // The CPV's labels are in Spanish or English: marked with the language they are in.
      return entry ? (
        <>
          {entry.code} · <span lang={entry.labelLanguage}>{entry.label}</span>
        </>
      ) : (
        value
      );
    }
    return (
      data?.facets.find((facet) => facet.field === field)?.values.find((v) => v.value === value)?.label ??
      (field === 'neighbourhoods' ? neighbourhoods.find((n) => n.code === value)?.name : undefined) ??
      value
    );
  };
  const nearName = neighbourhoods.find((n) => n.code === state.near)?.name;
  const chips = [
    ...(Object.keys(FILTER_PARAMS) as ListFilter[]).flatMap((field) =>
      state.lists[field].map((value) => ({
        key: `${field}:${value}`,
        label: labelOf(field, value),
        remove: () => toggle(field, value),
      })),
    ),
    ...(state.reserved
      ? [
          {
            key: 'reservat',
            label: t('companies.reservedOnly'),
            remove: () => change((n) => n.delete('reservat')),
          },
        ]
      : []),
    ...(state.homologated
      ? [
          {
            key: 'homologada',
            label: t('search.homologatedOnly'),
            remove: () => change((n) => n.delete('homologada')),
          },
        ]
      : []),
    ...(state.near
      ? [
          {
            key: 'prop',
            label: `${t('search.near')} ${nearName ?? state.near}`,
            remove: () =>
              change((n) => {
                n.delete('prop');
                n.delete('radi');
              }),
          },
        ]
      : []),
  ];
  const filters = filterCount(params);
  const pages = data ? Math.min(MAX_PAGE, Math.max(1, Math.ceil(data.totalCount / PAGE_SIZE))) : 1;
  const goTo = (page: number) => {
    change((next) => (page > 1 ? next.set('pagina', String(page)) : next.delete('pagina')), {
      keepPage: true,
    });
    focusResults();
  };
  const cpvCounts = new Map(
    (data?.facets.find((facet) => facet.field === 'cpv')?.values ?? []).map((v) => [v.value, v.count]),
  );
  const recognised = data?.recognised;

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">{t('search.title')}</h1>
      <search>
        <form className="search-page__box" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={`${searchId}-q`}>{t('search.label')}</label>
          <input
            id={`${searchId}-q`}
            type="search"
            value={text}
            maxLength={200}
            aria-describedby={`${searchId}-q-hint`}
            placeholder={t('search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${searchId}-q-hint`} className="search-page__hint">
            {t('search.codesHint')}
          </p>
        </form>
      </search>

      <div className="search-page__layout">
        <div className="search-page__bar">
          <button
            type="button"
            className="search-page__filters-button"
            aria-expanded={filtersOpen}
            aria-controls="search-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {t('search.filtersButton', { count: filters })}
          </button>
        </div>

        <aside
          id="search-filters"
          className="search-page__filters"
          data-open={filtersOpen}
          aria-labelledby="facets-title"
        >
          <h2 id="facets-title" tabIndex={-1}>
            {t('search.refine')}
          </h2>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.reserved}
              onChange={(event) =>
                change((next) => (event.target.checked ? next.set('reservat', '1') : next.delete('reservat')))
              }
            />
            {t('companies.reservedOnly')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.homologated}
              onChange={(event) =>
                change((next) =>
                  event.target.checked ? next.set('homologada', '1') : next.delete('homologada'),
                )
              }
            />
            {t('search.homologatedOnly')}
          </label>
          <fieldset className="search-page__near">
            <legend>{t('search.near')}</legend>
            <label>
              {t('search.neighbourhood')}
              <select
                value={state.near}
                onChange={(event) =>
                  change((next) =>
                    event.target.value ? next.set('prop', event.target.value) : next.delete('prop'),
                  )
                }
              >
                <option value="">{t('search.anywhere')}</option>
                {neighbourhoods.map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('search.radius')}
              <select
                value={state.radius}
                disabled={!state.near}
                onChange={(event) => change((next) => next.set('radi', event.target.value))}
              >
                {RADII.map((radius) => (
                  <option key={radius} value={radius}>
                    {radius < 1000 ? `${formatNumber(radius)} m` : `${formatNumber(radius / 1000)} km`}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          {FACET_ORDER.map((field) => {
            const facet = data?.facets.find((f) => f.field === field);
            if (!facet || facet.values.length === 0) return null;
            return (
              <details
                key={field}
                className="facet"
                open={field === 'sectors' || state.lists[field].length > 0}
              >
                <summary>{t(`search.facet.${field}`)}</summary>
                <fieldset>
                  <legend className="visually-hidden">{t(`search.facet.${field}`)}</legend>
                  {facet.values.slice(0, 40).map((value) => (
                    <label key={value.value} className="checkbox">
                      <input
                        type="checkbox"
                        checked={state.lists[field].includes(value.value)}
                        onChange={() => toggle(field, value.value)}
                      />
                      {value.label} <span className="facet__count">({formatNumber(value.count)})</span>
                    </label>
                  ))}
                </fieldset>
              </details>
            );
          })}
          <details className="facet" open={state.lists.cpv.length > 0}>
            <summary>{t('search.cpv.title')}</summary>
            <CpvPicker
              selected={state.lists.cpv}
              counts={cpvCounts}
              onToggle={(branch) => toggle('cpv', branch)}
            />
          </details>
          <button
            type="button"
            className="search-page__show-results"
            onClick={() => {
              setFiltersOpen(false);
              focusResults();
            }}
          >
            {t('search.showResults')}
          </button>
        </aside>

        <div className="search-page__results">
          {chips.length > 0 && (
            <ul className="chips" aria-label={t('search.activeFilters')}>
              {chips.map((chip) => (
                <li key={chip.key}>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => {
                      chip.remove();
                      focusResults();
                    }}
                  >
                    {chip.label} <span aria-hidden="true">×</span>
                    <span className="visually-hidden"> — {t('search.remove')}</span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    change((next) => clearFilters(next));
                    focusResults();
                  }}
                >
                  {t('search.clear')}
                </button>
              </li>
            </ul>
          )}
          <div className="search-page__toolbar">
            <label>
              {t('search.sort')}
              <select
                value={sort && sortChoices.includes(sort) ? sort : ''}
                onChange={(event) =>
                  change((next) =>
                    event.target.value ? next.set('ordre', event.target.value) : next.delete('ordre'),
                  )
                }
              >
                <option value="">{t(SORT_LABELS[defaultSort])}</option>
                {sortChoices.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(SORT_LABELS[choice])}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="search-page__view">
              <legend className="visually-hidden">{t('search.view')}</legend>
              {(['llista', 'mapa'] as const).map((view) => (
                <label key={view} className="checkbox">
                  <input
                    type="radio"
                    name="view"
                    checked={state.view === view}
                    onChange={() =>
                      change((next) => (view === 'mapa' ? next.set('vista', 'mapa') : next.delete('vista')), {
                        keepPage: true,
                      })
                    }
                  />
                  {t(`search.view.${view}`)}
                </label>
              ))}
            </fieldset>
          </div>

          {recognised && (
            <p className="search-page__recognised">
              {recognised.kind === 'CPV' ? (
                <>
                  {t('search.recognisedCpv', { code: recognised.code ?? recognised.value })}
                  {recognised.label && (
                    <>
                      {' ('}
                      <span lang={locale === 'EN' ? 'en' : 'es'}>{recognised.label}</span>
                      {')'}
                    </>
                  )}
                </>
              ) : (
                t('search.recognisedTaxId', { value: recognised.value })
              )}
            </p>
          )}
          <h2 id="results-title" ref={resultsHeading} tabIndex={-1} className="search-page__count">
            <span role="status" aria-live="polite">
              {result.fetching && !data
                ? t('status.loading')
                : data
                  ? `${t('count.companies', { count: data.totalCount })}${pages > 1 ? ` · ${t('search.pageOf', { page: state.page, pages })}` : ''}`
                  : ''}
            </span>
          </h2>
          {result.error && (
            <p role="alert" className="error">
              {t('status.error')}
            </p>
          )}
          {data?.degraded && (
            <p className="notice" role="note">
              {t('search.degraded')}
            </p>
          )}
          {data && data.totalCount === 0 && <p className="search__empty">{t('search.empty')}</p>}
          {state.view === 'mapa' && places.data && data && data.totalCount > 0 && (
            <SearchMap variables={searchVariables} districts={places.data.districts} />
          )}
          {data && (
            <SearchShortlist companyIds={data.edges.map((edge) => edge.node.id)}>
              <ol
                className="company-list"
                start={(state.page - 1) * PAGE_SIZE + 1}
                aria-busy={result.fetching || undefined}
              >
                {data.edges.map((edge) => (
                  <CompanyCard
                    key={edge.node.id}
                    company={edge.node}
                    headingLevel={3}
                    title={<Highlight html={edge.highlight.name} />}
                    distanceMeters={edge.distanceMeters}
                    excerpt={edge.highlight.description && <Highlight html={edge.highlight.description} />}
                  >
                    <AddToShortlistButton companyId={edge.node.id} companyName={edge.node.name} />
                  </CompanyCard>
                ))}
              </ol>
            </SearchShortlist>
          )}
          {data && (pages > 1 || state.page > 1) && (
            <nav className="pager" aria-label={t('companies.pages')}>
              <button type="button" disabled={state.page <= 1} onClick={() => goTo(state.page - 1)}>
                {t('companies.previous')}
              </button>
              <span className="search-page__page">{t('search.pageOf', { page: state.page, pages })}</span>
              <button
                type="button"
                disabled={!data.pageInfo.hasNextPage || state.page >= MAX_PAGE}
                onClick={() => goTo(state.page + 1)}
              >
                {t('companies.next')}
              </button>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
