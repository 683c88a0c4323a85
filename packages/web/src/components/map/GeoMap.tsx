import { useId } from 'react';
import { Link } from 'react-router';

type Position = number[];
type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface MapShape {
  id: string;
  /** GeoJSON geometry (WGS84) as JSON text, as the API serves boundaries. */
  geometry: string;
  /** Read by assistive technology for linked shapes, shown as a tooltip. */
  label: string;
  fill?: string;
  href?: string;
}

export interface MapPoint {
  lat: number;
  lng: number;
  label: string;
}

const WIDTH = 400;

function polygonsOf(geometry: string): Position[][][] {
  const parsed = JSON.parse(geometry) as Geometry;
  return parsed.type === 'Polygon' ? [parsed.coordinates] : parsed.coordinates;
}

/**
 * Official boundaries drawn as SVG, with optional points: no map tiles, nothing fetched from
 * elsewhere. The map is an image with a title and description; linked shapes can be reached and
 * followed with the keyboard. Pages give the same information as text next to it.
 */
export function GeoMap({
  shapes,
  points = [],
  title,
  description,
  className = 'geo-map',
}: {
  shapes: MapShape[];
  points?: MapPoint[];
  title: string;
  description: string;
  className?: string;
}) {
  const id = useId();
  const polygons = shapes.map((shape) => polygonsOf(shape.geometry));
  const coordinates = polygons.flat(3);
  const lngs = coordinates.map((point) => point[0] ?? 0).concat(points.map((point) => point.lng));
  const lats = coordinates.map((point) => point[1] ?? 0).concat(points.map((point) => point.lat));
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  // Equirectangular projection, scaled by the cosine of the latitude: right for a city.
  const scaleX = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = (maxLng - minLng) * scaleX || 1;
  const spanY = maxLat - minLat || 1;
  const height = Math.round((WIDTH * spanY) / spanX);
  const x = (lng: number) => (((lng - minLng) * scaleX) / spanX) * WIDTH;
  const y = (lat: number) => ((maxLat - lat) / spanY) * height;
  const pathOf = (rings: Position[][][]) =>
    rings
      .map((polygon) =>
        polygon
          .map(
            (ring) =>
              `M${ring.map((p) => `${x(p[0] ?? 0).toFixed(1)},${y(p[1] ?? 0).toFixed(1)}`).join('L')}Z`,
          )
          .join(''),
      )
      .join('');

  return (
    <svg
      className={className}
      viewBox={`-6 -6 ${WIDTH + 12} ${height + 12}`}
      // With links inside, the map is a group of them rather than a single image.
      role={shapes.some((shape) => shape.href) ? 'group' : 'img'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {shapes.map((shape, index) => (
        <g key={shape.id}>
          {shape.href ? (
            <Link to={shape.href} aria-label={shape.label} className="geo-map__link">
              <ShapePath d={pathOf(polygons[index] ?? [])} fill={shape.fill} label={shape.label} />
            </Link>
          ) : (
            <ShapePath d={pathOf(polygons[index] ?? [])} fill={shape.fill} label={shape.label} />
          )}
        </g>
      ))}
      {points.map((point) => (
        <g key={`${point.lat},${point.lng}`} className="geo-map__point">
          <circle cx={x(point.lng)} cy={y(point.lat)} r={7} />
          <circle cx={x(point.lng)} cy={y(point.lat)} r={2.5} className="geo-map__point-centre" />
          <title>{point.label}</title>
        </g>
      ))}
    </svg>
  );
}

function ShapePath({ d, fill, label }: { d: string; fill: string | undefined; label: string }) {
  return (
    <path d={d} fillRule="evenodd" style={fill ? { fill } : undefined}>
      <title>{label}</title>
    </path>
  );
}
