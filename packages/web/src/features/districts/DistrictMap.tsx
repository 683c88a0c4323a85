import { GeoMap } from '../../components/map/GeoMap.tsx';

/** The district's boundary, drawn at the detail of a map of one district. */
export function DistrictMap({
  boundary,
  title,
  description,
}: {
  boundary: string;
  title: string;
  description: string;
}) {
  return (
    <GeoMap
      className="district-map"
      shapes={[{ id: 'district', geometry: boundary, label: title }]}
      title={title}
      description={description}
    />
  );
}
