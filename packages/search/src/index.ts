export type { Settings } from 'meilisearch';
export { createSearch, isSearchHealthy, type Search } from './client.ts';
