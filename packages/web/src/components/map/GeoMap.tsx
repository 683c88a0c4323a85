import 'leaflet/dist/leaflet.css';
import './GeoMap.css';
import L from 'leaflet';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import Supercluster, { type ClusterFeature } from 'supercluster';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { BASEMAP, type Basemap } from './map-config.ts';

export interface MapShape {
  id: string;
  /** GeoJSON geometry (WGS84) as JSON text, as the API serves boundaries. */
  geometry: string;
  /** The shape's name: shown as a tooltip, and the accessible name of a linked shape. */
  label: string;
  /** A fill colour of its own (a choropleth); the outline stays dark for contrast. */
  fill?: string;
  /** Followed on click or Enter: the shape is then a link, reachable with Tab. */
  href?: string;
  /** Drawn as a district (bold outline) or a neighbourhood (finer outline); default district. */
  kind?: 'district' | 'neighbourhood';
}

export interface MapPoint {
  lat: number;
  lng: number;
  /** Plain text (not HTML): the accessible name and the tooltip, e.g. the company's name. */
  label: string;
  /** The company's page: the point is then a link, reachable with Tab and followed with Enter. */
  href?: string;
}

type PointProps = { index: number };

/** Path styles: outlines dark enough against the background and any basemap (WCAG 1.4.11). */
const SHAPE_STYLE = {
  district: { color: '#1d6b4c', weight: 2.5, fillColor: '#cfe3d8', fillOpacity: 0.45 },
  neighbourhood: { color: '#1d6b4c', weight: 2, fillColor: '#cfe3d8', fillOpacity: 0.5 },
} as const;

const CLUSTER_RADIUS_PX = 44;
// From this zoom on, every point stands alone (buildings apart).
const CLUSTER_MAX_ZOOM = 17;
const BOUNDARIES_ATTRIBUTION =
  '<a href="https://opendata-ajuntament.barcelona.cat/">Ajuntament de Barcelona</a> (CC BY 4.0)';

function reducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function follows(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A Leaflet map of official boundaries (styled vector layers) and points (clustered), over a street
 * basemap when the build names one (map-config.ts) and over nothing otherwise: then nothing is
 * fetched from a tile server. Linked shapes and points are links, one Tab stop each, named by
 * their label; a cluster is a button that zooms into it. The map is a group named by `title` and
 * described by `description`; pages give the same information as text next to it.
 */
export function GeoMap({
  shapes,
  points = [],
  title,
  description,
  className = '',
  basemap = BASEMAP,
}: {
  shapes: MapShape[];
  points?: MapPoint[];
  title: string;
  description: string;
  className?: string;
  /** The street basemap; by default the build's (none unless configured). */
  basemap?: Basemap | null;
}) {
  const id = useId();
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  // The view the layers ask for: fitted again when the map's size changes (it may have none yet
  // when the layers come, or the page's CSS may still be on its way), until the reader moves it.
  const fitRef = useRef<{ bounds: L.LatLngBounds; maxZoom: number; moved: boolean } | null>(null);

  // Callers build their arrays inline: the layers change only when what they show changes.
  const shapesKey = shapes
    .map((shape) =>
      [shape.id, shape.label, shape.fill, shape.href, shape.kind, shape.geometry.length].join('\u0001'),
    )
    .join('\u0002');
  const pointsKey = points
    .map((point) => [point.lat, point.lng, point.label, point.href].join('\u0001'))
    .join('\u0002');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not identity
  const stableShapes = useMemo(() => shapes, [shapesKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not identity
  const stablePoints = useMemo(() => points, [pointsKey]);
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const texts = {
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    cluster: (count: number) => t('map.cluster', { count }),
  };
  const textsRef = useRef(texts);
  textsRef.current = texts;
  const formatRef = useRef(formatNumber);
  formatRef.current = formatNumber;

  // The map itself, its controls and basemap.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const animate = !reducedMotion();
    const map = L.map(element, {
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      maxZoom: basemap?.maxZoom ?? 19,
      minZoom: 9,
      // Paths drawn just within the map's box: nothing past it, even clipped, widens the page.
      renderer: L.svg({ padding: 0 }),
    });
    L.control
      .zoom({ zoomInTitle: textsRef.current.zoomIn, zoomOutTitle: textsRef.current.zoomOut })
      .addTo(map);
    L.control
      .attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(BOUNDARIES_ATTRIBUTION)
      .addTo(map);
    if (basemap) {
      L.tileLayer(basemap.url, {
        attribution: basemap.attribution,
        maxZoom: basemap.maxZoom,
        ...(basemap.subdomains ? { subdomains: basemap.subdomains } : {}),
        crossOrigin: false,
      }).addTo(map);
    }
    // Not Leaflet's default view: the layers set it (a view is needed before they are added).
    map.setView([41.39, 2.16], 12, { animate: false });
    mapRef.current = map;
    let fitting = false;
    const fit = () => {
      const wanted = fitRef.current;
      const size = map.getSize();
      if (!wanted || wanted.moved || size.x === 0 || size.y === 0) return;
      fitting = true;
      // Room at the foot for the attribution, which sits over the map (two lines on a phone).
      const attribution = map.getContainer().querySelector<HTMLElement>('.leaflet-control-attribution');
      map.fitBounds(wanted.bounds, {
        paddingTopLeft: [12, 12],
        paddingBottomRight: [12, (attribution?.offsetHeight ?? 18) + 8],
        maxZoom: wanted.maxZoom,
        animate: false,
      });
      fitting = false;
    };
    fitRef.current = null;
    map.on('movestart', () => {
      if (!fitting && fitRef.current) fitRef.current.moved = true;
    });
    map.on('geomap:fit', fit);
    const resize = new ResizeObserver(() => {
      fitting = true;
      map.invalidateSize({ animate: false });
      fitting = false;
      fit();
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      mapRef.current = null;
      map.remove();
    };
  }, [basemap]);

  // Localised control labels follow the interface language without rebuilding the map.
  useEffect(() => {
    const element = container.current;
    const zoomIn = element?.querySelector('.leaflet-control-zoom-in');
    const zoomOut = element?.querySelector('.leaflet-control-zoom-out');
    for (const [control, label] of [
      [zoomIn, texts.zoomIn],
      [zoomOut, texts.zoomOut],
    ] as const) {
      control?.setAttribute('title', label);
      control?.setAttribute('aria-label', label);
    }
  }, [texts.zoomIn, texts.zoomOut]);

  // Shapes and points, fitted into view.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const basemapShown = Boolean(basemap);
    const shapeLayer = L.featureGroup();
    // Neighbourhoods inside a district: finer, dashed lines, lighter fill, under its bold boundary.
    const nested = stableShapes.some((shape) => (shape.kind ?? 'district') === 'district');
    for (const shape of stableShapes) {
      const kind = shape.kind ?? 'district';
      const style = {
        ...SHAPE_STYLE[kind],
        ...(kind === 'neighbourhood' && nested
          ? { weight: 1.5, dashArray: '4 3', fillColor: '#e3eee8', fillOpacity: 0.35 }
          : {}),
        // A choropleth's colours as its legend shows them; over streets, a little of them shows through.
        ...(shape.fill ? { fillColor: shape.fill, fillOpacity: basemapShown ? 0.8 : 1 } : {}),
        className: `geo-map__shape geo-map__shape--${kind}${shape.href ? ' geo-map__shape--link' : ''}`,
        interactive: true,
      };
      const layer = L.geoJSON(JSON.parse(shape.geometry) as GeoJSON.Geometry, { style: () => style });
      const label = document.createElement('span');
      label.textContent = shape.label;
      layer.bindTooltip(label, { sticky: true, className: 'geo-map__tooltip' });
      // Leaflet points aria-describedby at the open tooltip; a closed one leaves nothing to read.
      layer.on('tooltipclose', () =>
        layer.eachLayer((part) => (part as L.Path).getElement()?.removeAttribute('aria-describedby')),
      );
      if (shape.href) {
        const href = shape.href;
        layer.on('click', (event: L.LeafletMouseEvent) => {
          if (follows(event.originalEvent)) navigateRef.current(href);
        });
      }
      shapeLayer.addLayer(layer);
    }
    shapeLayer.addTo(map);
    // Paths exist once on the map: they get their colours, and linked ones become links.
    for (const [index, shape] of stableShapes.entries()) {
      const layer = shapeLayer.getLayers()[index] as L.GeoJSON;
      layer.eachLayer((part) => {
        const path = (part as L.Path).getElement() as SVGElement | undefined;
        if (!path) return;
        const { fillColor, color, weight } = (part as L.Path).options;
        path.style.setProperty('--geo-fill', fillColor ?? '#cfe3d8');
        path.style.setProperty('--geo-stroke', color ?? '#1d6b4c');
        path.style.setProperty('--geo-stroke-width', `${weight ?? 2}px`);
        if (!shape.href) return;
        const href = shape.href;
        path.setAttribute('tabindex', '0');
        path.setAttribute('role', 'link');
        path.setAttribute('aria-label', shape.label);
        path.addEventListener('keydown', (event) => {
          if ((event as KeyboardEvent).key === 'Enter') navigateRef.current(href);
        });
      });
    }

    const pointLayer = L.layerGroup().addTo(map);
    const clusters = new Supercluster<PointProps, Record<string, never>>({
      radius: CLUSTER_RADIUS_PX,
      maxZoom: CLUSTER_MAX_ZOOM,
    });
    clusters.load(
      stablePoints.map((point, pointIndex) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [point.lng, point.lat] },
        properties: { index: pointIndex },
      })),
    );
    const shown = new Map<string, L.Marker>();
    let focusPoint: number | null = null;

    const pointMarker = (pointIndex: number, at: L.LatLngExpression): L.Marker => {
      const point = stablePoints[pointIndex] as MapPoint;
      const pin = document.createElement(point.href ? 'a' : 'span');
      pin.className = 'geo-map__pin';
      const name = document.createElement('span');
      name.className = 'geo-map__pin-label';
      name.textContent = point.label;
      pin.append(name);
      if (point.href) {
        const href = point.href;
        pin.setAttribute('href', href);
        pin.addEventListener('click', (event) => {
          if (!follows(event as MouseEvent)) return;
          event.preventDefault();
          navigateRef.current(href);
        });
      } else {
        pin.tabIndex = 0;
        pin.setAttribute('role', 'img');
        pin.setAttribute('aria-label', point.label);
        name.setAttribute('aria-hidden', 'true');
      }
      pin.dataset.point = String(pointIndex);
      return L.marker(at, {
        icon: L.divIcon({
          html: pin,
          className: 'geo-map__marker',
          iconSize: [22, 22],
          iconAnchor: [11, 11],
        }),
        keyboard: false,
        riseOnHover: true,
      });
    };

    const clusterMarker = (cluster: ClusterFeature<Record<string, never>>): L.Marker => {
      const [lng = 0, lat = 0] = cluster.geometry.coordinates;
      const count = cluster.properties.point_count;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'geo-map__cluster';
      button.textContent = formatRef.current(count);
      button.setAttribute('aria-label', textsRef.current.cluster(count));
      const size = count < 10 ? 32 : count < 100 ? 38 : 46;
      button.style.setProperty('--size', `${size}px`);
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        const zoom = Math.min(
          clusters.getClusterExpansionZoom(cluster.properties.cluster_id),
          map.getMaxZoom(),
        );
        const [first] = clusters.getLeaves(cluster.properties.cluster_id, 1);
        // After the zoom, the keyboard stays in the cluster: on its first point.
        if (event.detail === 0 && first) focusPoint = first.properties.index;
        map.setView([lat, lng], zoom);
      });
      return L.marker([lat, lng], {
        icon: L.divIcon({ html: button, className: 'geo-map__marker', iconSize: [size, size] }),
        keyboard: false,
      });
    };

    const render = () => {
      const bounds = map.getBounds().pad(0.25);
      const features = clusters.getClusters(
        [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
        Math.floor(map.getZoom()),
      );
      // North to south, then west to east: the order Tab visits them in.
      features.sort(
        (a, b) =>
          (b.geometry.coordinates[1] ?? 0) - (a.geometry.coordinates[1] ?? 0) ||
          (a.geometry.coordinates[0] ?? 0) - (b.geometry.coordinates[0] ?? 0),
      );
      const wanted = new Set<string>();
      for (const feature of features) {
        const [lng = 0, lat = 0] = feature.geometry.coordinates;
        const properties = feature.properties;
        const key =
          'cluster' in properties && properties.cluster
            ? `c${properties.cluster_id}`
            : `p${(properties as PointProps).index}`;
        wanted.add(key);
        if (shown.has(key)) continue;
        const marker =
          'cluster' in properties && properties.cluster
            ? clusterMarker(feature as ClusterFeature<Record<string, never>>)
            : pointMarker((properties as PointProps).index, [lat, lng]);
        shown.set(key, marker);
        pointLayer.addLayer(marker);
      }
      for (const [key, marker] of shown) {
        if (wanted.has(key)) continue;
        pointLayer.removeLayer(marker);
        shown.delete(key);
      }
      if (focusPoint !== null) {
        const target = map.getContainer().querySelector<HTMLElement>(`[data-point="${focusPoint}"]`);
        focusPoint = null;
        (target ?? map.getContainer()).focus();
      }
    };

    const bounds = L.latLngBounds([]);
    if (stableShapes.length > 0) bounds.extend(shapeLayer.getBounds());
    for (const point of stablePoints) bounds.extend([point.lat, point.lng]);
    if (bounds.isValid()) {
      fitRef.current = { bounds, maxZoom: stableShapes.length > 0 ? 18 : 16, moved: false };
      map.fire('geomap:fit');
    }
    map.on('moveend', render);
    render();
    return () => {
      map.off('moveend', render);
      shapeLayer.remove();
      pointLayer.remove();
    };
  }, [stableShapes, stablePoints, basemap]);

  return (
    <div className={`geo-map ${className}`.trim()}>
      <span id={`${id}-title`} className="visually-hidden">
        {title}
      </span>
      <span id={`${id}-desc`} className="visually-hidden">
        {description} {t('map.keys')}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: Leaflet's container, not a set of form controls */}
      <div
        ref={container}
        className="geo-map__canvas"
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      />
    </div>
  );
}
