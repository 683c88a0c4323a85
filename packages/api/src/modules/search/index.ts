export { hasDrift, type OutboxWorker, verifyIndex } from '@proximitat/search';
export { deliverOutbox, reindexCompanies, startOutboxWorker } from './search-index.ts';
