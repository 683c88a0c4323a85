/**
 * The data a cached answer is computed from, and the versions of it a request read. Types only, and
 * no imports: the request context (context.ts) carries the versions, and the response cache
 * (response-cache.ts) needs the context, so these live apart from both.
 */
export type DataScope = 'plan' | 'directory';

export type DataVersions = Record<DataScope, string>;
