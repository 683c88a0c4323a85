import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { type Db, preparedQuery } from '@proximitat/db';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import Negotiator from 'negotiator';
import type { Context } from '../context.ts';
import { SESSION_COOKIE } from '../modules/account/session.service.ts';
import type { DataScope, DataVersions } from './data-versions.ts';

/**
 * Answers of public, read-only queries over data that changes seldom next to how often it is read
 * (the work plan, directory statistics, company pages and lists, districts, reference lists), kept in memory and served again while their data has
 * not changed. Every change moves a data version in PostgreSQL (triggers, migration
 * 20261124031500_data_versions), and every cacheable request reads the versions first (one small
 * statement): an answer is reused only when it was computed at the current versions, so a change
 * is visible to the very next request, in every API process. Only anonymous requests are cached
 * (a signed-in viewer may see more), and only answers without errors.
 */

/** The root fields whose answers may be reused, and the data they are computed from. */
export const CACHEABLE_FIELDS: Record<string, DataScope[]> = {
  workPlan: ['plan'],
  currentWorkPlan: ['plan'],
  workPlans: ['plan'],
  measure: ['plan'],
  ecosystemStats: ['directory'],
  company: ['directory'],
  companies: ['directory'],
  districts: ['plan', 'directory'],
  district: ['plan', 'directory'],
  sectors: ['directory'],
  legalForms: ['directory'],
  certifications: ['directory'],
  socialClauses: ['directory'],
};

/**
 * Bounds in bytes, not entries: an answer's size is what it costs to keep, and anonymous callers
 * choose the requests (ten 19 MB answers once exhausted the heap when the bound was 500 entries).
 */
export const CACHE_BOUNDS = {
  /** All stored answers together. */
  totalBytes: 16 * 1024 * 1024,
  /** Larger answers are sent but never stored. */
  entryBytes: 512 * 1024,
  /**
   * Some answers change with time alone, no data changing: an ESG homologation stops counting
   * the moment it expires. An answer is reused for a minute at most.
   */
  maxAgeMs: 60_000,
} as const;

/** The data scopes an operation reads, or null when it is not cacheable. */
export function cacheableScopes(operation: OperationDefinitionNode): DataScope[] | null {
  if (operation.operation !== 'query') return null;
  const scopes = new Set<DataScope>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === '__typename') continue;
    const fieldScopes = CACHEABLE_FIELDS[selection.name.value];
    if (!fieldScopes) return null;
    for (const scope of fieldScopes) scopes.add(scope);
  }
  return scopes.size > 0 ? [...scopes].sort() : null;
}

const VERSIONS_SQL = `SELECT (SELECT last_value FROM "data_version_plan")::text AS plan,
       (SELECT last_value FROM "data_version_directory")::text AS directory`;

async function readVersions(db: Db): Promise<DataVersions> {
  const [row] = await preparedQuery<DataVersions>(db, 'data_versions', VERSIONS_SQL);
  return { plan: row?.plan ?? '0', directory: row?.directory ?? '0' };
}

/** Media types of a single GraphQL answer, as Apollo Server negotiates them. */
const MEDIA_TYPES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8'];

function cacheKey(query: unknown, operationName: unknown, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([query, operationName ?? null, variables ?? {}]))
    .digest('base64url');
}

function versionsOf(scopes: DataScope[], all: DataVersions): string {
  return scopes.map((scope) => `${scope}:${all[scope]}`).join(',');
}

interface Entry {
  scopes: DataScope[];
  versions: string;
  /** When it was computed (Date.now()). */
  at: number;
  /** The answer as Apollo writes it, serialised once: the only copy kept. */
  body: Buffer;
}

/** The stored answer as Apollo's single result, for the requests the middleware did not answer. */
const resultOf = (entry: Entry) => JSON.parse(entry.body.toString('utf8')) as Record<string, unknown>;

export interface ResponseCache {
  plugin: ApolloServerPlugin<Context>;
  /**
   * Answers a repeated anonymous POST from memory before it reaches Apollo, when its data has not
   * changed: the same answer the plugin would give, without parsing, validating and executing the
   * document again. Anything else goes on to Apollo. Mount it where the body is parsed.
   */
  middleware(db: Db): RequestHandler;
  /** Answers reused (`early`: of them, before Apollo) and computed so far, for tests and benchmarks. */
  stats(): { hits: number; early: number; misses: number; entries: number; bytes: number; tooLarge: number };
}

export function createResponseCache(
  bounds: { totalBytes: number; entryBytes: number; maxAgeMs: number } = CACHE_BOUNDS,
): ResponseCache {
  const entries = new Map<string, Entry>();
  let storedBytes = 0;
  let tooLarge = 0;
  const counts = { hits: 0, early: 0, misses: 0 };
  const pending = new WeakMap<
    object,
    { key: string; scopes: DataScope[]; versions: string; done: (result: unknown) => void }
  >();
  // Answers being computed, by key and versions: identical requests arriving meanwhile wait for
  // the first instead of all computing it (a cold cache under load would otherwise run the same
  // heavy queries once per request, and exhaust the database pool on a large directory).
  const computing = new Map<string, Promise<unknown>>();

  /** The entry for a key, most recently used last: the first entry is the one to drop when full. */
  const touch = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
  };

  const fresh = (entry: Entry) => Date.now() - entry.at < bounds.maxAgeMs;

  const store = (key: string, entry: Entry) => {
    const previous = entries.get(key);
    if (previous) {
      entries.delete(key);
      storedBytes -= previous.body.length;
    }
    entries.set(key, entry);
    storedBytes += entry.body.length;
    while (storedBytes > bounds.totalBytes) {
      const oldest = entries.entries().next().value;
      if (!oldest) break;
      entries.delete(oldest[0]);
      storedBytes -= oldest[1].body.length;
    }
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext: GraphQLRequestContext<Context>) {
          const { contextValue, operation, request } = requestContext;
          if (!operation || contextValue.viewer || contextValue.sessionToken) return null;
          const scopes = cacheableScopes(operation);
          if (!scopes) return null;
          // Without the versions (the database unreachable) the request runs as any other and
          // reports the outage itself.
          const all = contextValue.dataVersions ?? (await readVersions(contextValue.db).catch(() => null));
          if (!all) return null;
          const versions = versionsOf(scopes, all);
          const key = cacheKey(request.query, request.operationName, request.variables);
          const cached = entries.get(key);
          if (cached && cached.versions === versions && fresh(cached)) {
            counts.hits += 1;
            touch(key, cached);
            return {
              body: { kind: 'single', singleResult: resultOf(cached) as never },
              http: requestContext.response.http,
            };
          }
          const flight = `${key} ${versions}`;
          const underWay = computing.get(flight);
          if (underWay) {
            const result = await underWay;
            if (result) {
              counts.hits += 1;
              return {
                body: { kind: 'single', singleResult: result as never },
                http: requestContext.response.http,
              };
            }
          }
          counts.misses += 1;
          let done: (result: unknown) => void = () => undefined;
          if (!underWay) {
            computing.set(
              flight,
              new Promise((resolveFlight) => {
                done = (result) => {
                  computing.delete(flight);
                  resolveFlight(result);
                };
              }),
            );
          }
          pending.set(requestContext.request, { key, scopes, versions, done });
          return null;
        },
        async willSendResponse(requestContext) {
          const stash = pending.get(requestContext.request);
          if (!stash) return;
          pending.delete(requestContext.request);
          const { body } = requestContext.response;
          if (body.kind !== 'single' || body.singleResult.errors?.length) {
            stash.done(null);
            return;
          }
          const result = body.singleResult;
          stash.done(result);
          // Serialised as Apollo does (its field order, a final newline).
          const serialised = JSON.stringify({ data: result.data, extensions: result.extensions });
          // Length in UTF-16 units is at most the byte length: most answers skip the exact count.
          if (
            serialised.length >= bounds.entryBytes ||
            Buffer.byteLength(serialised) + 1 > bounds.entryBytes
          ) {
            tooLarge += 1;
            return;
          }
          store(stash.key, {
            scopes: stash.scopes,
            versions: stash.versions,
            at: Date.now(),
            body: Buffer.from(`${serialised}\n`),
          });
        },
      };
    },
  };

  const middleware = (db: Db): RequestHandler => {
    return (req, res, next) => {
      const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
      if (
        req.method !== 'POST' ||
        typeof body?.query !== 'string' ||
        req.headers.authorization ||
        (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]
      )
        return next();
      const key = cacheKey(body.query, body.operationName, body.variables);
      const cached = entries.get(key);
      if (!cached || !fresh(cached)) return next();
      const accept = req.headers.accept;
      const mediaType = accept
        ? new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES)
        : MEDIA_TYPES[0];
      if (!mediaType) return next();
      readVersions(db).then(
        (all) => {
          if (res.headersSent) return;
          if (versionsOf(cached.scopes, all) !== cached.versions) {
            // Apollo computes the answer anew, at these versions.
            res.locals.dataVersions = all;
            return next();
          }
          counts.hits += 1;
          counts.early += 1;
          touch(key, cached);
          res
            .status(200)
            .setHeader('content-type', mediaType)
            .setHeader('content-length', cached.body.length);
          res.end(cached.body);
        },
        // Apollo runs the request and reports the outage itself.
        () => next(),
      );
    };
  };

  return {
    plugin,
    middleware,
    stats: () => ({ ...counts, entries: entries.size, bytes: storedBytes, tooLarge }),
  };
}
