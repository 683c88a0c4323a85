import { Meilisearch } from 'meilisearch';

export interface Search {
  client: Meilisearch;
  /** Prepended to every index name, so that test runs and deployments can share one server. */
  indexPrefix: string;
  indexName(name: string): string;
}

export function createSearch(url: string, apiKey: string | undefined, indexPrefix = ''): Search {
  const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}), timeout: 5000 });
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
