import {
  type ErrorCode,
  type ErrorParam,
  type Locale,
  type ParamValues,
  paramList,
  REASONS,
  type Reason,
  type ReasonParams,
  reasonMessage,
} from '@proximitat/errors';
import { GraphQLError } from 'graphql';

export { ErrorCode, type Locale, type Reason } from '@proximitat/errors';

/**
 * An expected failure of a mutation: a generic `code`, a specific `reason` with its parameters,
 * and the input field at fault. The API writes its `message` in the caller's language when it
 * answers (see UserError in user-error.schema.ts); services never write messages.
 */
export interface UserError {
  field: string | null;
  code: ErrorCode;
  reason: Reason;
  params: ErrorParam[];
}

/** A reason's parameters, when it has any (so that `fail('REQUIRED', 'name')` needs none). */
type ParamsArgument<R extends Reason> = keyof ReasonParams<R> extends never ? [] : [params: ReasonParams<R>];

/** The UserError for a reason, at a field (a dotted path such as `input.answers.2.level`). */
export function userError<R extends Reason>(
  reason: R,
  field: string | null,
  ...[params]: ParamsArgument<R>
): UserError {
  return reasonError(reason, field, params);
}

/** userError for a reason known only at run time (from a zod issue, a parsed row): params unchecked. */
export function reasonError(reason: Reason, field: string | null, params?: ParamValues): UserError {
  return { code: REASONS[reason].code, reason, params: paramList(params), field };
}

/** What a service that changes something answers: the changed object's id, or what was wrong. */
export type ServiceResult<T = { id: string }> =
  | ({ ok: true } & T)
  | { ok: false; errors: UserError[]; retryAfterSeconds?: number };

/** The failed ServiceResult for these userErrors. */
export const rejected = (...errors: UserError[]): { ok: false; errors: UserError[] } => ({
  ok: false,
  errors,
});

/**
 * An expected failure raised from a query: its code and reason reach the client unmasked, and the
 * server writes its message in the caller's language when it answers (`localizeErrors`).
 */
export class AppError extends GraphQLError {
  constructor(reason: Reason, params: ErrorParam[] = [], extensions: Record<string, unknown> = {}) {
    super(reasonMessage('EN', reason, params), {
      extensions: {
        ...extensions,
        code: REASONS[reason].code,
        reason,
        params: Object.fromEntries(params.map((param) => [param.name, param.value])),
      },
    });
  }
}

/** The AppError for a reason, about an argument (`field`, a dotted path) or the whole request (null). */
export function appError<R extends Reason>(
  reason: R,
  field: string | null,
  ...[params]: ParamsArgument<R>
): AppError {
  return new AppError(reason, paramList(params), field ? { field } : {});
}

/**
 * The body of an error answered outside GraphQL's execution (an HTTP limit, a timeout), written in
 * the language of the request's Accept-Language.
 */
export function errorBody<R extends Reason>(
  locale: Locale,
  reason: R,
  ...[params]: ParamsArgument<R>
): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  const list = paramList(params);
  return {
    errors: [
      {
        message: reasonMessage(locale, reason, list),
        extensions: {
          code: REASONS[reason].code,
          reason,
          params: Object.fromEntries(list.map((param) => [param.name, param.value])),
        },
      },
    ],
  };
}

/** A GraphQL error's extensions for a reason (for errors raised where AppError cannot be, such as validation rules). */
export function reasonExtensions<R extends Reason>(
  reason: R,
  ...[params]: ParamsArgument<R>
): Record<string, unknown> {
  const list = paramList(params);
  return {
    code: REASONS[reason].code,
    reason,
    params: Object.fromEntries(list.map((param) => [param.name, param.value])),
  };
}

/** The message of a userError or a GraphQL error's reason in a language. */
export function messageOf(locale: Locale, reason: Reason, params: readonly ErrorParam[]): string {
  return reasonMessage(locale, reason, params);
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
