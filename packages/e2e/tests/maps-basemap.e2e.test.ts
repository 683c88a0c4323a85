import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { addSampleCompanies, startTestApi, type TestApi } from '@proximitat/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  LOCALES,
  launchBrowser,
  settled,
  setWidth,
  type TestBrowser,
  WIDTHS,
} from '../src/index.ts';

const WEB = resolve(import.meta.dirname, '../../web');
const SCREENS = '/work/notes/screens/B';
const ATTRIBUTION = '© Test tiles contributors';
// A 1×1 PNG: Leaflet stretches it over its 256 px tile.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A client built with VITE_MAP_TILE_URL pointing at a tile server of the test's own (another
 * origin, as a real tile service is): the maps ask it for tiles and show its attribution.
 */
describe.runIf(browserAvailable())('maps with a basemap configured, in Chromium', { timeout: 90_000 }, () => {
  let tiles: Server;
  const requested: string[] = [];
  let dist: string;
  let api: TestApi;
  let browser: TestBrowser;

  beforeAll(async () => {
    tiles = createServer((request, response) => {
      requested.push(request.url ?? '');
      if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
        response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
        response.end(PNG);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done));
    const { port } = tiles.address() as AddressInfo;
    const tileUrl = `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`;
    dist = mkdtempSync(join(tmpdir(), 'proximitat-web-tiles-'));
    await promisify(execFile)(
      join(WEB, 'node_modules/.bin/vite'),
      ['build', '--outDir', dist, '--emptyOutDir'],
      {
        cwd: WEB,
        env: {
          ...process.env,
          VITE_MAP_TILE_URL: tileUrl,
          VITE_MAP_ATTRIBUTION: ATTRIBUTION,
          VITE_MAP_MAX_ZOOM: '18',
        },
      },
    );
    // The server reads the same variable: its Content-Security-Policy lets the tiles' origin in.
    api = await startTestApi({ WEB_DIST: dist, VITE_MAP_TILE_URL: tileUrl });
    await addSampleCompanies(api, 20, 'maps-basemap-e2e');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((done) => tiles?.close(done));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('requests the tiles of the configured server and shows its attribution', async () => {
    const company = await api.db.company.findFirstOrThrow({
      where: { status: 'PUBLISHED', latitude: { not: null }, neighbourhoodCode: { not: null } },
      orderBy: { name: 'asc' },
    });
    mkdirSync(SCREENS, { recursive: true });
    for (const locale of LOCALES) {
      const context = await browser.browser.newContext({ baseURL: api.url });
      await context.addInitScript((chosen) => localStorage.setItem('proximitat.locale', chosen), locale);
      const page = await context.newPage();
      for (const [label, width] of Object.entries(WIDTHS)) {
        requested.length = 0;
        await setWidth(page, width);
        await page.goto(`/empreses/${company.slug}`);
        await settled(page);
        const map = page.locator('.geo-map');
        await map.locator('img.leaflet-tile-loaded').first().waitFor({ timeout: 10_000 });
        expect(requested.filter((url) => url.startsWith('/tiles/')).length).toBeGreaterThan(0);
        expect(await map.locator('.leaflet-control-attribution').innerText()).toContain(ATTRIBUTION);
        expect(await accessibilityViolations(page)).toEqual([]);
        if (locale === 'CA') {
          await map.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SCREENS, `company-map-basemap-${label}.png`) });
        }
      }
      await context.close();
    }
  });
});
