import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { Db } from '@proximitat/db';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context.ts';

/**
 * Answers of public, read-only queries over data that changes seldom next to how often it is read
 * (the work plan, directory statistics, company pages and lists, districts, reference lists), kept in memory and served again while their data has
 * not changed. Every change moves a data version in PostgreSQL (triggers, migration
 * 20261124031500_data_versions), and every cacheable request reads the versions first (one small
 * statement): an answer is reused only when it was computed at the current versions, so a change
 * is visible to the very next request, in every API process. Only anonymous requests are cached
 * (a signed-in viewer may see more), and only answers without errors.
 */
export type DataScope = 'plan' | 'directory';

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

const MAX_ENTRIES = 500;

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

async function readVersions(db: Db): Promise<Record<DataScope, string>> {
  const [row] = await db.$queryRaw<{ plan: bigint; directory: bigint }[]>`
    SELECT (SELECT last_value FROM "data_version_plan") AS plan,
           (SELECT last_value FROM "data_version_directory") AS directory`;
  return { plan: String(row?.plan ?? 0), directory: String(row?.directory ?? 0) };
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<Context>;
  /** Answers reused and computed so far (for tests and benchmarks). */
  stats(): { hits: number; misses: number; entries: number };
}

export function createResponseCache(maxEntries = MAX_ENTRIES): ResponseCache {
  const entries = new Map<string, { versions: string; result: unknown }>();
  const counts = { hits: 0, misses: 0 };
  const pending = new WeakMap<object, { key: string; versions: string; done: (result: unknown) => void }>();
  // Answers being computed, by key and versions: identical requests arriving meanwhile wait for
  // the first instead of all computing it (a cold cache under load would otherwise run the same
  // heavy queries once per request, and exhaust the database pool on a large directory).
  const computing = new Map<string, Promise<unknown>>();

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
          const all = await readVersions(contextValue.db).catch(() => null);
          if (!all) return null;
          const versions = scopes.map((scope) => `${scope}:${all[scope]}`).join(',');
          const key = createHash('sha256')
            .update(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]))
            .digest('base64url');
          const cached = entries.get(key);
          if (cached && cached.versions === versions) {
            counts.hits += 1;
            // Most recently used last: the first entry is the one to drop when full.
            entries.delete(key);
            entries.set(key, cached);
            return {
              body: { kind: 'single', singleResult: cached.result as never },
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
          pending.set(requestContext.request, { key, versions, done });
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
          stash.done(body.singleResult);
          entries.set(stash.key, { versions: stash.versions, result: body.singleResult });
          while (entries.size > maxEntries) {
            const oldest = entries.keys().next().value;
            if (oldest === undefined) break;
            entries.delete(oldest);
          }
        },
      };
    },
  };
  return { plugin, stats: () => ({ ...counts, entries: entries.size }) };
}
