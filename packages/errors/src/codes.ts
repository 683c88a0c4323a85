/**
 * Stable codes of expected failures. Mutations return them in `userErrors { field message code }`;
 * queries raise them as GraphQL errors with `extensions.code`. Each code has one meaning; the
 * error's `reason` says which case of it happened.
 */
export const ErrorCode = {
  /** An input value is malformed or out of range; `field` names it. */
  VALIDATION: 'VALIDATION',
  /** The request needs a signed-in account. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The signed-in account may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** What the request names does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The change conflicts with the current state (a duplicate, a stale revision, ...). */
  CONFLICT: 'CONFLICT',
  /** A list argument asks for more than the API gives in one page or one request. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** Too many attempts; retry after the time given. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A service the platform depends on (the database) is unreachable for now; retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The interface and data languages; Catalan is the default and the fallback. */
export type Locale = 'CA' | 'ES' | 'EN';

export const LOCALE_TAGS: Record<Locale, string> = { CA: 'ca', ES: 'es', EN: 'en' };
