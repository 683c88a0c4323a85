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
  /** A service the platform depends on (the database) is unreachable for now; retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface UserError {
  field: string | null;
  message: string;
  code: ErrorCode;
}

/** What a service that changes something answers: the changed object's id, or what was wrong. */
export type ServiceResult<T = { id: string }> = ({ ok: true } & T) | { ok: false; errors: UserError[] };

/** The failed ServiceResult for these userErrors. */
export const rejected = (...errors: UserError[]): { ok: false; errors: UserError[] } => ({
  ok: false,
  errors,
});

/** An expected failure raised from a query: its message and code reach the client unmasked. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection failures.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  // Prisma: can't reach the server, the server closed the connection, pool timeout.
  'P1001',
  'P1017',
  'P2024',
]);
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection error and is not queryable|terminating connection|database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|timeout exceeded when trying to connect/i;

/** The fields of an error (a pg, Prisma or GraphQL one) that say what went wrong. */
export interface ErrorFacts {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  originalCode?: unknown;
}

/** Whether the error, or any error it wraps (`originalError`, `cause`), matches. */
export function anyCause(error: unknown, matches: (facts: ErrorFacts) => boolean): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const candidate = current as ErrorFacts & { cause?: unknown; originalError?: unknown };
    if (matches(candidate)) return true;
    current = candidate.originalError ?? candidate.cause;
  }
  return false;
}

/** Whether an error (or what caused it) means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyCause(
    error,
    (facts) =>
      (typeof facts.code === 'string' && UNREACHABLE_CODES.has(facts.code)) ||
      (typeof facts.originalCode === 'string' && UNREACHABLE_CODES.has(facts.originalCode)) ||
      (typeof facts.kind === 'string' && UNREACHABLE_KINDS.has(facts.kind)) ||
      (typeof facts.message === 'string' && UNREACHABLE_MESSAGE.test(facts.message)),
  );
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable: try again in a moment';
