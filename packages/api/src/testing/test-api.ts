import { createServer } from 'node:http';
import type { Db } from '@proximitat/db';
import { createLogger, readEnv } from '@proximitat/runtime';
import type { Search } from '@proximitat/search';
import { createTestDatabase, createTestSearch } from '@proximitat/testing';
import type { ResponseCache } from '../response-cache/response-cache.ts';
import { schema } from '../schema.ts';
import { createApp } from '../server.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  db: Db;
  /** The connection string of this API's database. */
  databaseUrl: string;
  search: Search;
  /** Sends an operation over HTTP, as a client would. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** What the response cache reused and computed so far. */
  cacheStats(): ReturnType<ResponseCache['stats']>;
  close(): Promise<void>;
}

/** The real API on a free port, over a database and search indexes of this test file's own. */
export async function startTestApi(
  envOverrides: Record<string, string> = {},
  options: { search?: Search; database?: { url: string; db: Db; drop(): Promise<void> } } = {},
): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const testSearch = options.search
    ? { search: options.search, drop: async () => undefined }
    : createTestSearch();
  const env = readEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...envOverrides });
  const log = createLogger(env.logLevel, 'test-api');
  const httpServer = createServer();
  const { app, apollo, responseCache } = await createApp({
    env,
    services: { db: database.db, search: testSearch.search, log },
    schema,
    httpServer,
  });
  httpServer.on('request', app);
  await new Promise<void>((resolveListen) => httpServer.listen(0, '127.0.0.1', resolveListen));
  const address = httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    db: database.db,
    databaseUrl: database.url,
    search: testSearch.search,
    async graphql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    cacheStats: () => responseCache.stats(),
    async close() {
      await apollo.stop();
      await testSearch.drop();
      await database.drop();
    },
  };
}
