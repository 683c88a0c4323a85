import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { StatusBadge } from '../../components/ui/StatusBadge.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { DistrictMap } from './DistrictMap.tsx';
import './districts.css';

const DistrictQuery = graphql(`
  query DistrictPage_District($code: String!, $year: Int!, $locale: Locale) {
    district(code: $code) {
      code
      name
      population
      outline(detail: DISTRICT)
      hasDevelopmentPlan(year: $year)
      companyCount
      neighbourhoods {
        code
        name
        outline(detail: CITY)
      }
      measures(year: $year) {
        code
        title(locale: $locale)
        status
      }
      services(year: $year) {
        name(locale: $locale)
      }
    }
  }
`);

// The plan the platform was born from; later plans add their own year.
const PLAN_YEAR = 2018;

export function DistrictPage() {
  const { code = '' } = useParams();
  const { t, locale, formatNumber } = useI18n();
  const [result] = useQuery({ query: DistrictQuery, variables: { code, year: PLAN_YEAR, locale } });
  const district = result.data?.district;
  usePageTitle(district?.name);
  if (result.data && !district) return <NotFoundPage />;
  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {district && (
        <article aria-labelledby="district-title" className="district">
          <h1 id="district-title">{district.name}</h1>
          <div className="district__summary">
            <DistrictMap
              boundary={district.outline}
              neighbourhoods={district.neighbourhoods}
              title={`${t('district.map')}: ${district.name}`}
              description={`${t('district.mapDescription')}. ${t('district.neighbourhoods')}: ${district.neighbourhoods.map((n) => n.name).join(', ')}.`}
            />
            <dl>
              <dt>{t('district.population')}</dt>
              <dd>{formatNumber(district.population)}</dd>
              <dt>{t('district.pde')}</dt>
              <dd>{district.hasDevelopmentPlan ? `PDE ${district.name}` : t('district.noPde')}</dd>
              <dt>{t('district.neighbourhoods')}</dt>
              <dd lang="ca">{district.neighbourhoods.map((n) => n.name).join(', ')}</dd>
              <dt>{t('district.companies')}</dt>
              <dd>
                <Link to={`/empreses?districte=${district.code}`}>
                  {t('district.companiesCount', { count: district.companyCount })}
                </Link>
              </dd>
            </dl>
          </div>
          {district.hasDevelopmentPlan && (
            <>
              <h2>{t('district.accountability')}</h2>
              <p>
                <a
                  href={`/reports/accountability.csv?district=${district.code}&period=${PLAN_YEAR}`}
                  download
                >
                  {t('district.accountabilityCsv', { period: String(PLAN_YEAR) })}
                </a>
              </p>
            </>
          )}
          <h2>{t('district.measures')}</h2>
          {district.measures.length === 0 ? (
            <p>{t('district.noMeasures')}</p>
          ) : (
            <ul className="plain-list">
              {district.measures.map((measure) => (
                <li key={measure.code}>
                  <Link to={`/pla#objectiu-${measure.code.split('.').slice(0, 2).join('.')}`}>
                    {measure.code}
                  </Link>{' '}
                  {measure.title} <StatusBadge status={measure.status} />
                </li>
              ))}
            </ul>
          )}
          {district.services.length > 0 && (
            <>
              <h2>{t('district.services')}</h2>
              <ul>
                {district.services.map((service) => (
                  <li key={service.name}>{service.name}</li>
                ))}
              </ul>
            </>
          )}
        </article>
      )}
    </QueryState>
  );
}
