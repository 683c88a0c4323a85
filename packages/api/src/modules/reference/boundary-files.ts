import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '@proximitat/db';
import type { Request, RequestHandler, Response } from 'express';
import { loadReference } from './reference-cache.ts';

/**
 * The official boundaries as static GeoJSON files: `/geo/districts.geojson` (the ten, as a
 * FeatureCollection), `/geo/districts/<code>.geojson` and `/geo/neighbourhoods/<code>.geojson`.
 * Together they are 1.6 MB of coordinates: as files they are built and gzipped once, served with
 * an ETag and cached by browsers and proxies, where through GraphQL every request would serialise
 * them again (the cost model keeps them out of GraphQL answers: maps ask for outlines).
 */
interface BoundaryFile {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

type Place = { code: string; name: string; boundary: unknown; population: number };

function feature(kind: 'district' | 'neighbourhood', place: Place) {
  return {
    type: 'Feature',
    id: place.code,
    properties: { kind, code: place.code, name: place.name, population: place.population },
    geometry: place.boundary,
  };
}

function boundaryFile(value: unknown): BoundaryFile {
  const body = Buffer.from(JSON.stringify(value));
  return {
    body,
    gzipped: gzipSync(body),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

async function buildFiles(db: Db): Promise<Map<string, BoundaryFile>> {
  const reference = await loadReference(db);
  const files = new Map<string, BoundaryFile>();
  const districts = [...reference.districts.values()];
  files.set(
    'districts',
    boundaryFile({ type: 'FeatureCollection', features: districts.map((d) => feature('district', d)) }),
  );
  for (const district of districts) {
    files.set(`districts/${district.code}`, boundaryFile(feature('district', district)));
  }
  for (const neighbourhood of reference.neighbourhoods.values()) {
    files.set(`neighbourhoods/${neighbourhood.code}`, boundaryFile(feature('neighbourhood', neighbourhood)));
  }
  return files;
}

function send(req: Request, res: Response, file: BoundaryFile): void {
  res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
  // Reference data changes only with a new release of the data: a day, then revalidated by ETag.
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.setHeader('ETag', file.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped : file.body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/** Mounted at `/geo`: the files above, 404 for any other path under it. */
export function boundaryFilesHandler(db: Db): RequestHandler {
  let files: Promise<Map<string, BoundaryFile>> | undefined;
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = /^\/(districts|(?:districts|neighbourhoods)\/\d{2})\.geojson$/.exec(req.path)?.[1];
    if (!name) {
      res.status(404).type('text/plain').send('No such boundary');
      return;
    }
    files ??= buildFiles(db).catch((error: unknown) => {
      files = undefined;
      throw error;
    });
    files.then((built) => {
      const file = built.get(name);
      if (!file) {
        res.status(404).type('text/plain').send('No such boundary');
        return;
      }
      send(req, res, file);
    }, next);
  };
}
