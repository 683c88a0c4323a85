import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { GeoMap } from '../../components/map/GeoMap.tsx';
import { Highlight } from '../../components/ui/Highlight.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { CompanyCard, CompanyCardFragment } from '../companies/CompanyCard.tsx';
import { AddToShortlistButton, SearchShortlist } from '../procurement/SearchShortlist.tsx';
import {
  FILTER_PARAMS,
  type ListFilter,
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
    $after: String
    $locale: Locale
  ) {
    searchCompanies(
      query: $query
      filter: $filter
      near: $near
      sort: $sort
      first: $first
      after: $after
      locale: $locale
    ) {
      totalCount
      degraded
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
        endCursor
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
          address {
            location {
              lat
              lng
            }
          }
          ...CompanyCard_Company
        }
      }
    }
  }
`,
  [CompanyCardFragment],
);

const FACET_ORDER: ListFilter[] = [
  'sectors',
  'districts',
  'legalForms',
  'cpv',
  'certifications',
  'socialClauses',
];
const RADII = [500, 1000, 2000, 5000];

export function SearchPage() {
  const { t, locale, formatNumber } = useI18n();
  const { state, update } = useSearchState();
  const [text, setText] = useState(state.query);
  const [previous, setPrevious] = useState<string[]>([]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const searchId = useId();

  // Results follow the text as it is typed, a moment after the last key.
  useEffect(() => {
    if (text === state.query) return;
    const timer = setTimeout(() => {
      update((next) => (text.trim() ? next.set('q', text) : next.delete('q')));
      setPrevious([]);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, state.query, update]);

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
  const [result] = useQuery({
    query: SearchQuery,
    variables: {
      query: state.query || null,
      filter,
      near,
      sort,
      first: PAGE_SIZE,
      after: state.after || null,
      locale,
    },
  });
  const data = result.data?.searchCompanies;

  const toggle = (field: ListFilter, value: string) => {
    setPrevious([]);
    update((next) => {
      const param = FILTER_PARAMS[field];
      const values = next.getAll(param);
      next.delete(param);
      for (const kept of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) {
        next.append(param, kept);
      }
    });
  };
  const labelOf = (field: ListFilter, value: string) =>
    data?.facets.find((facet) => facet.field === field)?.values.find((v) => v.value === value)?.label ??
    (field === 'neighbourhoods' ? neighbourhoods.find((n) => n.code === value)?.name : undefined) ??
    value;
  const chips = (Object.keys(FILTER_PARAMS) as ListFilter[]).flatMap((field) =>
    state.lists[field].map((value) => ({ field, value, label: labelOf(field, value) })),
  );
  const page = previous.length + 1;

  const goNext = () => {
    if (!data?.pageInfo.endCursor) return;
    setPrevious([...previous, state.after]);
    update((next) => next.set('despres', data.pageInfo.endCursor ?? ''), { keepPage: true });
    resultsHeading.current?.focus();
  };
  const goPrevious = () => {
    const before = previous[previous.length - 1] ?? '';
    setPrevious(previous.slice(0, -1));
    update((next) => (before ? next.set('despres', before) : next.delete('despres')), { keepPage: true });
    resultsHeading.current?.focus();
  };

  return (
    <section aria-labelledby="search-title" className="search">
      <h1 id="search-title">{t('search.title')}</h1>
      <search>
        <form className="search__box" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={`${searchId}-q`}>{t('search.label')}</label>
          <input
            id={`${searchId}-q`}
            type="search"
            value={text}
            maxLength={200}
            placeholder={t('search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </form>
      </search>

      <div className="search__layout">
        <aside className="search__facets" aria-labelledby="facets-title">
          <h2 id="facets-title">{t('search.refine')}</h2>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.reserved}
              onChange={(event) =>
                update((next) => (event.target.checked ? next.set('reservat', '1') : next.delete('reservat')))
              }
            />
            {t('companies.reservedOnly')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={state.homologated}
              onChange={(event) =>
                update((next) =>
                  event.target.checked ? next.set('homologada', '1') : next.delete('homologada'),
                )
              }
            />
            {t('search.homologatedOnly')}
          </label>
          <fieldset className="search__near">
            <legend>{t('search.near')}</legend>
            <label>
              {t('search.neighbourhood')}
              <select
                value={state.near}
                onChange={(event) =>
                  update((next) =>
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
                onChange={(event) => update((next) => next.set('radi', event.target.value))}
              >
                {RADII.map((radius) => (
                  <option key={radius} value={radius}>
                    {radius < 1000 ? `${radius} m` : `${radius / 1000} km`}
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
                      {field === 'cpv' ? `${value.value} · ${value.label}` : value.label}{' '}
                      <span className="facet__count">({formatNumber(value.count)})</span>
                    </label>
                  ))}
                </fieldset>
              </details>
            );
          })}
        </aside>

        <div className="search__results">
          {chips.length > 0 && (
            <ul className="chips" aria-label={t('search.activeFilters')}>
              {chips.map((chip) => (
                <li key={`${chip.field}:${chip.value}`}>
                  <button type="button" className="chip" onClick={() => toggle(chip.field, chip.value)}>
                    {chip.label} <span aria-hidden="true">×</span>
                    <span className="visually-hidden"> — {t('search.remove')}</span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    update((next) => {
                      for (const param of Object.values(FILTER_PARAMS)) next.delete(param);
                    })
                  }
                >
                  {t('search.clear')}
                </button>
              </li>
            </ul>
          )}
          <div className="search__toolbar">
            <label>
              {t('search.sort')}
              <select
                value={sort && sortChoices.includes(sort) ? sort : ''}
                onChange={(event) =>
                  update((next) =>
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
            <fieldset className="search__view">
              <legend className="visually-hidden">{t('search.view')}</legend>
              {(['llista', 'mapa'] as const).map((view) => (
                <label key={view} className="checkbox">
                  <input
                    type="radio"
                    name="view"
                    checked={state.view === view}
                    onChange={() =>
                      update((next) => (view === 'mapa' ? next.set('vista', 'mapa') : next.delete('vista')), {
                        keepPage: true,
                      })
                    }
                  />
                  {t(`search.view.${view}`)}
                </label>
              ))}
            </fieldset>
          </div>

          <h2 id="results-title" ref={resultsHeading} tabIndex={-1} className="search__count">
            <span role="status" aria-live="polite">
              {result.fetching && !data
                ? t('status.loading')
                : data
                  ? `${formatNumber(data.totalCount)} ${t('companies.count')}${data.totalCount > PAGE_SIZE ? ` · ${t('companies.page')} ${page}` : ''}`
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
          {data && state.view === 'mapa' && places.data && (
            <GeoMap
              className="city-map search__map"
              shapes={places.data.districts.map((district) => ({
                id: district.code,
                geometry: district.outline,
                label: district.name,
              }))}
              points={data.edges.flatMap((edge) =>
                edge.node.address?.location
                  ? [{ ...edge.node.address.location, label: edge.highlight.name.replace(/<\/?mark>/g, '') }]
                  : [],
              )}
              title={t('search.mapTitle')}
              description={t('search.mapDescription')}
            />
          )}
          {data && (
            <SearchShortlist companyIds={data.edges.map((edge) => edge.node.id)}>
              <ol className="company-list">
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
          {data && data.totalCount > PAGE_SIZE && (
            <nav className="pager" aria-label={t('companies.pages')}>
              <button type="button" disabled={!state.after} onClick={goPrevious}>
                {t('companies.previous')}
              </button>
              <button type="button" disabled={!data.pageInfo.hasNextPage} onClick={goNext}>
                {t('companies.next')}
              </button>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
