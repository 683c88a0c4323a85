export { createSearch, isSearchHealthy, type Search } from './client.ts';
