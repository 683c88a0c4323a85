import { useQuery } from 'urql';
import { GeoMap } from '../../components/map/GeoMap.tsx';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const PointsQuery = graphql(`
  query SearchPage_Points($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort) {
    searchCompanyPoints(query: $query, filter: $filter, near: $near, sort: $sort) {
      totalCount
      capped
      cap
      points {
        id
        slug
        name
        lat
        lng
      }
    }
  }
`);

/**
 * The map of a search: every located company of its whole result set (not one page), read in one
 * request of lightweight points; the API caps it (and says so), which the text under it tells.
 */
export function SearchMap({
  variables,
  districts,
}: {
  variables: VariablesOf<typeof PointsQuery>;
  districts: { code: string; name: string; outline: string }[];
}) {
  const { t } = useI18n();
  const [result] = useQuery({ query: PointsQuery, variables });
  const data = result.data?.searchCompanyPoints;
  return (
    <div className="search-page__map">
      {result.error && (
        <p role="alert" className="error">
          {t('status.error')}
        </p>
      )}
      {data && (
        <>
          <GeoMap
            className="city-map search__map"
            shapes={districts.map((district) => ({
              id: district.code,
              geometry: district.outline,
              label: district.name,
            }))}
            points={data.points.map((point) => ({
              lat: point.lat,
              lng: point.lng,
              label: point.name,
              href: `/empreses/${point.slug}`,
            }))}
            title={t('search.mapAllTitle')}
            description={t('search.mapAllDescription')}
          />
          <p className="search-page__map-note">
            {data.capped
              ? t('search.mapCapped', { shown: data.points.length, cap: data.cap, total: data.totalCount })
              : t('search.mapShown', { shown: data.points.length, total: data.totalCount })}
          </p>
        </>
      )}
    </div>
  );
}
