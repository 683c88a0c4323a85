import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from 'meilisearch';

export interface Search {
  client: Meilisearch;
  /** Prepended to every index name, so that test runs and deployments can share one server. */
  indexPrefix: string;
  indexName(name: string): string;
}

export function createSearch(url: string, apiKey: string | undefined, indexPrefix = ''): Search {
  const client = new Meilisearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    timeout: 5000,
    // Uncompressed answers: the engine sits next to the API, and gzip cost both of them CPU for
    // nothing (measured by `pnpm bench search-throughput`).
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
  return { client, indexPrefix, indexName: (name) => `${indexPrefix}${name}` };
}

export async function isSearchHealthy(search: Search): Promise<boolean> {
  try {
    const health = await search.client.health();
    return health.status === 'available';
  } catch {
    return false;
  }
}

/**
 * True when an error means Meilisearch cannot answer now (down, unreachable, timing out, failing
 * on its side, or the index not there yet): callers fall back instead of failing.
 */
export function isSearchUnavailable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError)
    return true;
  if (error instanceof MeilisearchApiError) {
    const status = error.response?.status ?? 0;
    return status >= 500 || error.cause?.code === 'index_not_found';
  }
  return false;
}
