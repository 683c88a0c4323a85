import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const DistrictsPageQuery = graphql(`
  query DistrictsPage_Districts {
    districts {
      code
      name
      population
      neighbourhoods {
        code
      }
    }
  }
`);

export function DistrictsPage() {
  const { t, formatNumber } = useI18n();
  const [result] = useQuery({ query: DistrictsPageQuery });
  return (
    <section aria-labelledby="districts-title">
      <h1 id="districts-title">{t('districts.title')}</h1>
      <QueryState fetching={result.fetching} error={result.error}>
        <TableScroll label={t('districts.caption')}>
          <table className="data-table">
            <caption>{t('districts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('districts.code')}</th>
                <th scope="col">{t('districts.name')}</th>
                <th scope="col" className="numeric">
                  {t('districts.population')}
                </th>
                <th scope="col" className="numeric">
                  {t('districts.neighbourhoods')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.data?.districts.map((district) => (
                <tr key={district.code}>
                  <td>{district.code}</td>
                  <th scope="row">
                    <Link to={`/districtes/${district.code}`}>{district.name}</Link>
                  </th>
                  <td className="numeric">{formatNumber(district.population)}</td>
                  <td className="numeric">{district.neighbourhoods.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </QueryState>
    </section>
  );
}
