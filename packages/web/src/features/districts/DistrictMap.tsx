import { GeoMap, type MapShape } from '../../components/map/GeoMap.tsx';

/** The district's boundary with its neighbourhoods inside, at the detail of a map of one district. */
export function DistrictMap({
  boundary,
  neighbourhoods = [],
  title,
  description,
}: {
  boundary: string;
  /** The neighbourhoods with their outlines, drawn inside the district's boundary. */
  neighbourhoods?: { code: string; name: string; outline: string }[];
  title: string;
  description: string;
}) {
  const shapes: MapShape[] = [
    { id: 'district', geometry: boundary, label: title, kind: 'district' },
    ...neighbourhoods.map(
      (neighbourhood): MapShape => ({
        id: `neighbourhood-${neighbourhood.code}`,
        geometry: neighbourhood.outline,
        label: neighbourhood.name,
        kind: 'neighbourhood',
      }),
    ),
  ];
  return <GeoMap className="district-map" shapes={shapes} title={title} description={description} />;
}
