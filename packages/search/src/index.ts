/**
 * Search: Meilisearch and the `companies` index, behind operations. This package owns the client
 * (no caller gets it), the index's settings, the shape of its documents and how they are built from
 * a company, the search call (query, filters, facets, sort, geo, highlights), the outbox that keeps
 * the index in step with PostgreSQL, reindexing and the drift check.
 *
 * What it takes from outside, and why:
 * - PostgreSQL, as a Prisma client passed in (types from @proximitat/db): the outbox is a table of
 *   the database, rows are enqueued in the writer's own transaction (`enqueueCompanies(tx, ...)`)
 *   and delivered under row and advisory locks with the company's current state read in the same
 *   transaction; splitting that across packages would lose the guarantee that an older state never
 *   overwrites a newer one.
 * - The CPV vocabulary (`Vocabulary`): documents are searched by the names of their CPV codes, and
 *   the vocabulary is the directory's reference data, so the API passes it to the outbox and
 *   reindexing (packages/api/src/modules/search/search-index.ts) instead of this package reading it.
 * The API keeps the GraphQL schema, the validation that turns arguments into a SearchRequest, and
 * the PostgreSQL fallback that answers the same SearchRequest when Meilisearch is unreachable.
 * Tests and benchmarks that must reach behind the boundary use `@proximitat/search/testing`.
 */
export { createSearch, isSearchUnavailable, type Search, type TextMatch } from './client.ts';
export { COMPANIES_INDEX } from './companies-index.ts';
export type { CompanyDocument, Vocabulary } from './company-document.ts';
export {
  type CompanySort,
  distanceMeters,
  type EngineHit,
  type EngineResult,
  escapeHtml,
  type FacetField,
  type MapPoint,
  type PointsResult,
  type SearchRequest,
  withoutElisions,
} from './company-search.ts';
export { type Drift, hasDrift, reindexCompanies, verifyIndex } from './index-maintenance.ts';
export {
  type Delivery,
  deliverOutbox,
  enqueueCompanies,
  type OutboxWorker,
  startOutboxWorker,
} from './outbox.ts';
