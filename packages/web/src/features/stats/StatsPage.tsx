import { useQuery } from 'urql';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { GeoMap } from '../../components/map/GeoMap.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const StatsQuery = graphql(`
  query StatsPage_Stats($locale: Locale) {
    ecosystemStats {
      totalCompanies
      totalEmployees
      reservedContractEligible
      outsideBarcelona
      byDistrict {
        district {
          code
          name
          population
          outline
        }
        count
        perTenThousandInhabitants
      }
      byLegalForm {
        legalForm
        name(locale: $locale)
        count
      }
      bySector {
        sector {
          code
          name(locale: $locale)
        }
        count
      }
    }
  }
`);

/** Five steps of one hue, light to dark; text on the map is never drawn over them. */
const SCALE = ['#e8f3ee', '#b9dccb', '#7fbfa2', '#3f9a74', '#1d6b4c'];

export function StatsPage() {
  const { t, locale, formatNumber } = useI18n();
  const [result] = useQuery({ query: StatsQuery, variables: { locale } });
  const stats = result.data?.ecosystemStats;
  const rates = stats?.byDistrict.map((row) => row.perTenThousandInhabitants) ?? [];
  const max = Math.max(0.01, ...rates);
  const step = (rate: number) => Math.min(SCALE.length - 1, Math.floor((rate / max) * SCALE.length));
  const bounds = SCALE.map((_, index) => [(max * index) / SCALE.length, (max * (index + 1)) / SCALE.length]);
  const decimals = { format: (value: number) => formatNumber(value, { maximumFractionDigits: 1 }) };

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {stats && (
          <>
            <dl className="stats-summary">
              <div>
                <dt>{t('stats.companies')}</dt>
                <dd>{formatNumber(stats.totalCompanies)}</dd>
              </div>
              <div>
                <dt>{t('stats.employees')}</dt>
                <dd>{formatNumber(stats.totalEmployees)}</dd>
              </div>
              <div>
                <dt>{t('stats.reserved')}</dt>
                <dd>{formatNumber(stats.reservedContractEligible)}</dd>
              </div>
              <div>
                <dt>{t('stats.outside')}</dt>
                <dd>{formatNumber(stats.outsideBarcelona)}</dd>
              </div>
            </dl>

            <section aria-labelledby="stats-districts">
              <h2 id="stats-districts">{t('stats.byDistrict')}</h2>
              <div className="stats-map">
                <GeoMap
                  className="city-map"
                  shapes={stats.byDistrict.map((row) => ({
                    id: row.district.code,
                    geometry: row.district.outline,
                    fill: SCALE[step(row.perTenThousandInhabitants)],
                    href: `/districtes/${row.district.code}`,
                    label: t('stats.districtRate', {
                      district: row.district.name,
                      rate: row.perTenThousandInhabitants,
                      count: row.count,
                    }),
                  }))}
                  title={t('stats.mapTitle')}
                  description={t('stats.mapDescription')}
                />
                <div>
                  <p id="stats-legend-title">{t('stats.legend')}</p>
                  <ul className="legend" aria-labelledby="stats-legend-title">
                    {bounds.map(([from = 0, to = 0], index) => (
                      <li key={SCALE[index]}>
                        <span
                          className="legend__swatch"
                          style={{ background: SCALE[index] }}
                          aria-hidden="true"
                        />
                        {decimals.format(from)}–{decimals.format(to)}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
              <TableScroll label={t('stats.districtTable')}>
                <table className="data-table">
                  <caption>{t('stats.districtTable')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('districts.name')}</th>
                      <th scope="col" className="numeric">
                        {t('stats.companies')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('districts.population')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('stats.perTenThousandHeader')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.byDistrict.map((row) => (
                      <tr key={row.district.code}>
                        <th scope="row">{row.district.name}</th>
                        <td className="numeric">{formatNumber(row.count)}</td>
                        <td className="numeric">{formatNumber(row.district.population)}</td>
                        <td className="numeric">{decimals.format(row.perTenThousandInhabitants)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>

            <section aria-labelledby="stats-forms">
              <h2 id="stats-forms">{t('stats.byLegalForm')}</h2>
              <BarChart
                title={t('stats.byLegalForm')}
                unit={t('stats.companiesColumn')}
                spoken={(count) => t('count.companies', { count })}
                bars={stats.byLegalForm.map((row) => ({
                  key: row.legalForm,
                  label: row.name,
                  value: row.count,
                }))}
              />
            </section>

            <section aria-labelledby="stats-sectors">
              <h2 id="stats-sectors">{t('stats.bySector')}</h2>
              <p className="hint">{t('stats.sectorNote')}</p>
              <BarChart
                title={t('stats.bySector')}
                unit={t('stats.companiesColumn')}
                spoken={(count) => t('count.companies', { count })}
                bars={stats.bySector.map((row) => ({
                  key: row.sector.code,
                  label: row.sector.name,
                  value: row.count,
                }))}
              />
            </section>
          </>
        )}
      </QueryState>
    </section>
  );
}
