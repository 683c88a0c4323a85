import { GraphQLError } from 'graphql';

/**
 * Stable codes of expected failures. Mutations return them in `userErrors { field message code }`;
 * queries raise them as GraphQL errors with `extensions.code`. Each code has one meaning.
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
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface UserError {
  field: string | null;
  message: string;
  code: ErrorCode;
}

/** An expected failure raised from a query: its message and code reach the client unmasked. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}
