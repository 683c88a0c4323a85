import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from 'meilisearch';
import { COMPANIES_INDEX, ensureIndex, SearchTaskError, settled } from './companies-index.ts';
import type { CompanyDocument } from './company-document.ts';
import {
  type EngineResult,
  needWords,
  type PointsResult,
  pointsMeilisearch,
  type SearchRequest,
  searchMeilisearch,
} from './company-search.ts';

/** The indexed attributes that are a company's own words, not reference labels. */
const OWN_TEXT = /^(name|legalName|descriptions)(\.|$)/;

/** A company whose own text answers a need, with the share of the need's words it matches (0..1). */
export interface TextMatch {
  id: string;
  score: number;
}

/**
 * Meilisearch as the platform uses it. The client stays inside this package: callers get the
 * operations below, and the writes to the index (the outbox, reindexing) are functions of this
 * package that take PostgreSQL as well, so that nothing else writes documents.
 */
export interface Search {
  /** Prepended to every index name, so that test runs and deployments can share one server. */
  readonly indexPrefix: string;
  indexName(name: string): string;
  /** True when Meilisearch answers its health check. */
  healthy(): Promise<boolean>;
  /**
   * Creates the companies index when missing and applies its settings; running it again changes
   * nothing. `uid` names another index with the same settings (a reindex's build, a benchmark's).
   */
  ensureCompaniesIndex(uid?: string): Promise<void>;
  /** A page of companies for a search, with its total and facets (one multi-search request). */
  searchCompanies(request: SearchRequest): Promise<EngineResult>;
  /** The located companies of a search's whole result set (its first `cap`), for a map. */
  companyPoints(request: SearchRequest, cap: number): Promise<PointsResult>;
  /**
   * The companies whose indexed text answers `text`, best first (at most `limit`). Words may be
   * left out from the last one, so a long text still finds companies that answer part of it.
   */
  matchCompanies(text: string, limit: number): Promise<TextMatch[]>;
  /** A page of the companies index's documents, for checks (verify, tests, benchmarks). */
  companyDocuments<K extends keyof CompanyDocument = keyof CompanyDocument>(options?: {
    offset?: number;
    limit?: number;
    fields?: K[];
  }): Promise<{ results: Pick<CompanyDocument, K | 'id'>[]; total: number }>;
  /** One document of the companies index, or null. */
  companyDocument(id: string): Promise<CompanyDocument | null>;
  /** How many documents the companies index holds (0 when it does not exist). */
  companyCount(): Promise<number>;
  /** The uids of the indexes under this prefix. */
  indexes(): Promise<string[]>;
  /** Deletes an index; a missing one is not an error. */
  deleteIndex(uid: string): Promise<void>;
  /** Deletes every index under this prefix (tests and benchmarks clean up with it); refused without a prefix. */
  dropIndexes(): Promise<void>;
}

const clients = new WeakMap<Search, Meilisearch>();

/** The client behind a Search, for this package's own writes (outbox, reindexing). */
export function clientOf(search: Search): Meilisearch {
  const client = clients.get(search);
  if (!client) throw new Error('not a Search made by createSearch');
  return client;
}

const isMissingIndex = (error: unknown) =>
  (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') ||
  (error instanceof SearchTaskError && error.code === 'index_not_found');
const isMissingDocument = (error: unknown) =>
  error instanceof MeilisearchApiError && error.cause?.code === 'document_not_found';

export function createSearch(url: string, apiKey: string | undefined, indexPrefix = ''): Search {
  const client = new Meilisearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    timeout: 5000,
    // Uncompressed answers: the engine sits next to the API, and gzip cost both of them CPU for
    // nothing (measured by `pnpm bench search-throughput`).
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
  const indexName = (name: string) => `${indexPrefix}${name}`;
  const companies = () => client.index<CompanyDocument>(indexName(COMPANIES_INDEX));
  const indexes = async () =>
    (await client.getIndexes({ limit: 1000 })).results
      .map((index) => index.uid)
      .filter((uid) => uid.startsWith(indexPrefix));
  const deleteIndex = async (uid: string) => {
    await settled(client.deleteIndex(uid)).catch((error: unknown) => {
      if (!isMissingIndex(error)) throw error;
    });
  };
  const search: Search = {
    indexPrefix,
    indexName,
    async healthy() {
      try {
        return (await client.health()).status === 'available';
      } catch {
        return false;
      }
    },
    ensureCompaniesIndex: (uid = indexName(COMPANIES_INDEX)) => ensureIndex(client, uid),
    searchCompanies: (request) => searchMeilisearch(client, indexName(COMPANIES_INDEX), request),
    companyPoints: (request, cap) => pointsMeilisearch(client, indexName(COMPANIES_INDEX), request, cap),
    async matchCompanies(text, limit) {
      const result = await companies().search(needWords(text), {
        limit,
        attributesToRetrieve: ['id'],
        showRankingScoreDetails: true,
        showMatchesPosition: true,
        matchingStrategy: 'last',
      });
      // The share of the need's words a company matches (the `words` rule's own score; the later
      // rules are tuned for the search box), counted only when its own texts (name, descriptions)
      // answer: a word shared with a sector's or a CPV code's label alone says nothing of its own.
      return result.hits.map((hit) => {
        const details = hit._rankingScoreDetails as
          | Record<string, { score?: number } | undefined>
          | undefined;
        const own = Object.keys(hit._matchesPosition ?? {}).some((field) => OWN_TEXT.test(field));
        return { id: String(hit.id), score: own ? (details?.words?.score ?? 0) : 0 };
      });
    },
    async companyDocuments(options = {}) {
      const page = await companies().getDocuments({
        offset: options.offset ?? 0,
        limit: options.limit ?? 1000,
        ...(options.fields ? { fields: [...new Set(['id' as const, ...options.fields])] } : {}),
      });
      return { results: page.results, total: page.total };
    },
    async companyDocument(id) {
      try {
        return await companies().getDocument<CompanyDocument>(id);
      } catch (error) {
        if (isMissingDocument(error) || isMissingIndex(error)) return null;
        throw error;
      }
    },
    async companyCount() {
      try {
        return (await companies().getStats()).numberOfDocuments;
      } catch (error) {
        if (isMissingIndex(error)) return 0;
        throw error;
      }
    },
    indexes,
    deleteIndex,
    async dropIndexes() {
      if (!indexPrefix) throw new Error('dropIndexes needs an index prefix: it would delete every index');
      for (const uid of await indexes()) await deleteIndex(uid);
    },
  };
  clients.set(search, client);
  return search;
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
