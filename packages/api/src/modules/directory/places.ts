import type { Db } from '@proximitat/db';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import { loadReference } from '../reference/reference-cache.ts';

/**
 * Barcelona's districts and neighbourhoods with their official boundaries, for placing companies:
 * which neighbourhood holds a location, and a point inside a neighbourhood when only it is known.
 */
export interface Place {
  code: string;
  name: string;
  districtCode: string;
  /** Padró 2019. */
  population: number;
  geometry: Polygon | MultiPolygon;
  box: [number, number, number, number];
  /** A point guaranteed to lie inside the boundary. */
  inside: { lat: number; lng: number };
}

export interface Places {
  neighbourhoods: Map<string, Place>;
  districts: Map<string, { code: string; name: string }>;
  /** The neighbourhood whose boundary holds the point, if any (none outside Barcelona). */
  locate(lat: number, lng: number): Place | undefined;
}

export function buildPlaces(
  districts: { code: string; name: string }[],
  neighbourhoods: {
    code: string;
    name: string;
    districtCode: string;
    population: number;
    boundary: unknown;
  }[],
): Places {
  const places = new Map<string, Place>();
  for (const row of neighbourhoods) {
    const geometry = row.boundary as Polygon | MultiPolygon;
    const [lng, lat] = pointOnFeature(geometry).geometry.coordinates as [number, number];
    places.set(row.code, {
      code: row.code,
      name: row.name,
      districtCode: row.districtCode,
      population: row.population,
      geometry,
      box: bbox(geometry) as [number, number, number, number],
      inside: { lat, lng },
    });
  }
  const list = [...places.values()];
  return {
    neighbourhoods: places,
    districts: new Map(districts.map((district) => [district.code, district])),
    locate(lat, lng) {
      for (const place of list) {
        const [west, south, east, north] = place.box;
        if (lng < west || lng > east || lat < south || lat > north) continue;
        if (booleanPointInPolygon([lng, lat], place.geometry)) return place;
      }
      return undefined;
    },
  };
}

const cache = new WeakMap<Db, Promise<Places>>();

/** The places of the database's reference data, built once per client from the reference cache. */
export function loadPlaces(db: Db): Promise<Places> {
  let places = cache.get(db);
  if (!places) {
    places = loadReference(db)
      .then((reference) =>
        buildPlaces([...reference.districts.values()], [...reference.neighbourhoods.values()]),
      )
      .catch((error: unknown) => {
        cache.delete(db);
        throw error;
      });
    cache.set(db, places);
  }
  return places;
}
