export { ensureCompaniesIndex } from './companies-index.ts';
export { hasDrift, reindexCompanies, verifyIndex } from './index-maintenance.ts';
export { deliverOutbox, startOutboxWorker } from './outbox.ts';
