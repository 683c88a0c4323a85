type Position = number[];
type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

const WIDTH = 400;

/** The district's official boundary drawn as SVG: no map tiles, nothing fetched from elsewhere. */
export function DistrictMap({
  boundary,
  title,
  description,
}: {
  boundary: string;
  title: string;
  description: string;
}) {
  const geometry = JSON.parse(boundary) as Geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points = polygons.flat(2);
  const lngs = points.map((point) => point[0] ?? 0);
  const lats = points.map((point) => point[1] ?? 0);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  // Equirectangular projection, scaled by the cosine of Barcelona's latitude.
  const scaleX = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = (maxLng - minLng) * scaleX || 1;
  const spanY = maxLat - minLat || 1;
  const height = Math.round((WIDTH * spanY) / spanX);
  const x = (lng: number) => (((lng - minLng) * scaleX) / spanX) * WIDTH;
  const y = (lat: number) => ((maxLat - lat) / spanY) * height;
  const path = polygons
    .map((rings) =>
      rings
        .map(
          (ring) =>
            `M${ring.map((point) => `${x(point[0] ?? 0).toFixed(1)},${y(point[1] ?? 0).toFixed(1)}`).join('L')}Z`,
        )
        .join(''),
    )
    .join('');
  return (
    <svg
      className="district-map"
      viewBox={`-4 -4 ${WIDTH + 8} ${height + 8}`}
      role="img"
      aria-labelledby="district-map-title district-map-desc"
    >
      <title id="district-map-title">{title}</title>
      <desc id="district-map-desc">{description}</desc>
      <path d={path} fillRule="evenodd" />
    </svg>
  );
}
