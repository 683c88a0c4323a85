import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { CompanyCard, CompanyCardFragment } from './CompanyCard.tsx';
import './companies.css';

const PAGE_SIZE = 25;

const OptionsQuery = graphql(`
  query CompaniesPage_Options($locale: Locale) {
    districts {
      code
      name
    }
    sectors {
      code
      name(locale: $locale)
    }
    legalForms {
      code
      name(locale: $locale)
    }
  }
`);

const CompaniesQuery = graphql(
  `
  query CompaniesPage_Companies($filter: CompanyListFilter, $first: Int, $after: String, $locale: Locale) {
    companies(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...CompanyCard_Company
        }
      }
    }
  }
`,
  [CompanyCardFragment],
);

/** The directory as a plain list with a few filters; the filters live in the address, so it can be shared. */
export function CompaniesPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const district = params.get('districte') ?? '';
  const sector = params.get('sector') ?? '';
  const legalForm = params.get('forma') ?? '';
  const reserved = params.get('reservat') === '1';
  // Cursors of the pages before the current one, for "previous".
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;

  const [options] = useQuery({ query: OptionsQuery, variables: { locale } });
  const filter = {
    ...(district ? { districts: [district] } : {}),
    ...(sector ? { sectors: [sector] } : {}),
    ...(legalForm ? { legalForms: [legalForm] } : {}),
    ...(reserved ? { reservedContractEligible: true } : {}),
  };
  const [result] = useQuery({
    query: CompaniesQuery,
    variables: { filter, first: PAGE_SIZE, after, locale },
  });
  const connection = result.data?.companies;

  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setCursors([null]);
  };
  const page = cursors.length;

  return (
    <section aria-labelledby="companies-title">
      <h1 id="companies-title">{t('companies.title')}</h1>
      <p className="lead">{t('companies.intro')}</p>
      <form
        className="filters"
        aria-label={t('companies.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <FilterSelect
          label={t('companies.district')}
          value={district}
          options={options.data?.districts ?? []}
          onChange={(value) => update('districte', value)}
        />
        <FilterSelect
          label={t('companies.sector')}
          value={sector}
          options={options.data?.sectors ?? []}
          onChange={(value) => update('sector', value)}
        />
        <FilterSelect
          label={t('companies.legalForm')}
          value={legalForm}
          options={options.data?.legalForms ?? []}
          onChange={(value) => update('forma', value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={reserved}
            onChange={(event) => update('reservat', event.target.checked ? '1' : '')}
          />
          {t('companies.reservedOnly')}
        </label>
      </form>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {connection && (
          <>
            <p role="status" aria-live="polite">
              {t('count.companies', { count: connection.totalCount })}
              {connection.totalCount > PAGE_SIZE ? ` · ${t('companies.page')} ${page}` : ''}
            </p>
            <ul className="company-list">
              {connection.edges.map(({ node }) => (
                <CompanyCard key={node.id} company={node} headingLevel={2} />
              ))}
            </ul>
            <nav className="pager" aria-label={t('companies.pages')}>
              <button type="button" disabled={page === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('companies.previous')}
              </button>
              <button
                type="button"
                disabled={!connection.pageInfo.hasNextPage}
                onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
              >
                {t('companies.next')}
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </section>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { code: string; name: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('companies.all')}</option>
        {options.map((item) => (
          <option key={item.code} value={item.code}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
}
