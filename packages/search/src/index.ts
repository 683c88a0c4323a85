export type { Settings } from 'meilisearch';
export { createSearch, isSearchHealthy, isSearchUnavailable, type Search } from './client.ts';
