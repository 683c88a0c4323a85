/** A street basemap served as raster tiles, from the build's configuration. */
export interface Basemap {
  url: string;
  attribution: string;
  maxZoom: number;
  subdomains: string;
}

interface MapEnv {
  VITE_MAP_TILE_URL?: string;
  VITE_MAP_ATTRIBUTION?: string;
  VITE_MAP_MAX_ZOOM?: string;
  VITE_MAP_TILE_SUBDOMAINS?: string;
}

const DEFAULT_MAX_ZOOM = 19;

/**
 * The basemap the build names in VITE_MAP_TILE_URL, or null when it names none: then the maps show
 * the vector layers alone and request nothing from a tile server. A tile service's terms require
 * its attribution, so a URL without VITE_MAP_ATTRIBUTION is refused (with a console warning).
 */
export function basemapFrom(env: MapEnv): Basemap | null {
  const url = env.VITE_MAP_TILE_URL?.trim();
  if (!url) return null;
  const attribution = env.VITE_MAP_ATTRIBUTION?.trim();
  if (!attribution) {
    // biome-ignore lint/suspicious/noConsole: a misconfigured build says why its basemap is missing
    console.warn('VITE_MAP_TILE_URL is set without VITE_MAP_ATTRIBUTION: the basemap is left out');
    return null;
  }
  const maxZoom = Number.parseInt(env.VITE_MAP_MAX_ZOOM ?? '', 10);
  return {
    url,
    attribution,
    maxZoom: Number.isFinite(maxZoom) && maxZoom > 0 && maxZoom <= 22 ? maxZoom : DEFAULT_MAX_ZOOM,
    subdomains: env.VITE_MAP_TILE_SUBDOMAINS?.trim() ?? '',
  };
}

export const BASEMAP: Basemap | null = basemapFrom(import.meta.env);
