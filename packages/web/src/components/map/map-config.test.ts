import { describe, expect, it, vi } from 'vitest';
import { basemapFrom } from './map-config.ts';

describe('basemapFrom', () => {
  it('gives no basemap when no tile URL is configured: the maps show their vector layers alone', () => {
    expect(basemapFrom({})).toBeNull();
    expect(basemapFrom({ VITE_MAP_TILE_URL: '  ', VITE_MAP_ATTRIBUTION: '© someone' })).toBeNull();
  });

  it('reads the tile URL, its attribution, zoom limit and subdomains', () => {
    expect(
      basemapFrom({
        VITE_MAP_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png',
        VITE_MAP_ATTRIBUTION: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        VITE_MAP_MAX_ZOOM: '18',
        VITE_MAP_TILE_SUBDOMAINS: 'abc',
      }),
    ).toEqual({
      url: 'https://{s}.tiles.example/{z}/{x}/{y}.png',
      attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      maxZoom: 18,
      subdomains: 'abc',
    });
  });

  it('keeps the default zoom limit for a missing or unusable value', () => {
    const env = { VITE_MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png', VITE_MAP_ATTRIBUTION: '© x' };
    expect(basemapFrom(env)?.maxZoom).toBe(19);
    expect(basemapFrom({ ...env, VITE_MAP_MAX_ZOOM: 'deep' })?.maxZoom).toBe(19);
    expect(basemapFrom({ ...env, VITE_MAP_MAX_ZOOM: '40' })?.maxZoom).toBe(19);
  });

  it('leaves the basemap out, and says why, when the attribution its terms require is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(basemapFrom({ VITE_MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('VITE_MAP_ATTRIBUTION'));
    warn.mockRestore();
  });
});
