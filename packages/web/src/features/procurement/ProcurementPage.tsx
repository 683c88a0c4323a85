import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { useFormats } from '../../lib/format-locale.ts';
import { graphql } from '../../lib/graphql.ts';
import { Lang, useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from '../session/useSession.ts';
import { AwardForm } from './AwardForm.tsx';
import './procurement.css';

const AWARD_TYPES = { additionalTypenames: ['ContractAward'] };

const IndicatorsQuery = graphql(`
  query ProcurementPage_Indicators($locale: Locale) {
    procurementIndicators {
      year
      awardCount
      totalAmount
      essAmount
      essShare
      reservedAmount
      reservedShare
      socialClauseAmount
      socialClauseShare
      byDistrict {
        code
        label(locale: $locale)
        totalAmount
        essAmount
        essShare
      }
      bySector {
        code
        label(locale: $locale)
        totalAmount
        essAmount
        essShare
      }
    }
  }
`);

/** Public: what the city's awarded contracts gave the social economy, year by year. */
export function ProcurementPage() {
  const { t, locale, formatNumber, formatCurrency } = useI18n();
  const { euros } = useFormats();
  const uid = useId();
  const { isProcurement } = useSession();
  const [result, refetch] = useQuery({
    query: IndicatorsQuery,
    variables: { locale },
    context: AWARD_TYPES,
  });
  const years = result.data?.procurementIndicators ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const current = years.find((row) => row.year === chosen) ?? years[years.length - 1];
  const percent = (value: number | null) =>
    value === null ? '—' : formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('procurement.title')}</h1>
      <p>{t('procurement.intro')}</p>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {!current ? (
          <p>{t('procurement.none')}</p>
        ) : (
          <>
            <p>
              <label htmlFor={`${uid}-year`}>{t('procurement.year')}</label>{' '}
              <select
                id={`${uid}-year`}
                value={current.year}
                onChange={(event) => setChosen(Number(event.target.value))}
              >
                {years.map((row) => (
                  <option key={row.year} value={row.year}>
                    {row.year}
                  </option>
                ))}
              </select>{' '}
              <a href={`/exports/awards.ocds.json?year=${current.year}`} download>
                {t('procurement.ocds')}
              </a>
            </p>
            <dl className="stats-summary">
              <div>
                <dt>{t('procurement.total')}</dt>
                <dd>
                  {euros(current.totalAmount)} ({t('count.contracts', { count: current.awardCount })})
                </dd>
              </div>
              <div>
                <dt>{t('procurement.ess')}</dt>
                <dd>
                  {percent(current.essShare)} ({euros(current.essAmount)})
                </dd>
              </div>
              <div>
                <dt>{t('procurement.reserved')}</dt>
                <dd>
                  {percent(current.reservedShare)} ({euros(current.reservedAmount)})
                </dd>
              </div>
              <div>
                <dt>{t('procurement.clauses')}</dt>
                <dd>
                  {percent(current.socialClauseShare)} ({euros(current.socialClauseAmount)})
                </dd>
              </div>
            </dl>

            <section aria-labelledby={`${uid}-trend`}>
              <h2 id={`${uid}-trend`}>{t('procurement.trend')}</h2>
              <BarChart
                title={t('procurement.trendChart')}
                unit="%"
                bars={years.map((row) => ({
                  key: String(row.year),
                  label: String(row.year),
                  value: Math.round((row.essShare ?? 0) * 1000) / 10,
                }))}
              />
            </section>

            {(['byDistrict', 'bySector'] as const).map((dimension) => (
              <section key={dimension} aria-labelledby={`${uid}-${dimension}`}>
                <h2 id={`${uid}-${dimension}`}>{t(`procurement.${dimension}`)}</h2>
                <BarChart
                  title={`${t(`procurement.${dimension}`)}: ${t('procurement.essAmount')}`}
                  unit="EUR"
                  format={(value) => formatCurrency(value)}
                  bars={current[dimension].map((row) => ({
                    key: row.code,
                    label: row.label,
                    value: row.essAmount,
                  }))}
                />
                <TableScroll label={t(`procurement.${dimension}`)}>
                  <table className="data-table">
                    <caption className="visually-hidden">{t(`procurement.${dimension}`)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t(`procurement.${dimension}Column`)}</th>
                        <th scope="col" className="numeric">
                          {t('procurement.total')}
                        </th>
                        <th scope="col" className="numeric">
                          {t('procurement.essAmount')}
                        </th>
                        <th scope="col" className="numeric">
                          {t('procurement.essShareColumn')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {current[dimension].map((row) => (
                        <tr key={row.code}>
                          <th scope="row">
                            {/* The CPV vocabulary has no Catalan: a sector's name on a Catalan page is Spanish. */}
                            {dimension === 'bySector' && locale === 'CA' ? (
                              <Lang locale="ES">{row.label}</Lang>
                            ) : (
                              row.label
                            )}
                          </th>
                          <td className="numeric">{euros(row.totalAmount)}</td>
                          <td className="numeric">{euros(row.essAmount)}</td>
                          <td className="numeric">{percent(row.essShare)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>
            ))}
          </>
        )}
      </QueryState>
      {isProcurement && <AwardForm onRecorded={() => refetch({ requestPolicy: 'network-only' })} />}
    </section>
  );
}
