/** The map's build-time configuration (Vite exposes VITE_* variables to the client). */
interface ImportMetaEnv {
  /** A street basemap's tile URL template (Leaflet's {z}/{x}/{y}, optional {s} and {r}); none: vector layers only. */
  readonly VITE_MAP_TILE_URL?: string;
  /** The basemap's required attribution, as HTML (links allowed). */
  readonly VITE_MAP_ATTRIBUTION?: string;
  /** The deepest zoom the tile service serves (default 19). */
  readonly VITE_MAP_MAX_ZOOM?: string;
  /** Subdomains for {s} in the URL, e.g. "abc" (default none). */
  readonly VITE_MAP_TILE_SUBDOMAINS?: string;
}
