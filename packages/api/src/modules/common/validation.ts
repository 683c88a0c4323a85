import type { ParamValues, Reason } from '@proximitat/errors';
import type { z } from 'zod';
import { reasonError, type UserError } from '../../errors.ts';

/**
 * Validation at the edge: resolvers parse their input with a zod schema before calling a service,
 * which then trusts its types. Each zod issue becomes a userError with a reason and the field path.
 */
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: UserError[] };

export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = 'input',
): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: zodErrors(result.error, prefix) };
}

/** The params of a custom issue that names its reason: `ctx.addIssue(reasonIssue('TAX_ID_CHECK', {...}))`. */
export function reasonIssue(
  reason: Reason,
  params: ParamValues = {},
  path: (string | number)[] = [],
): {
  code: 'custom';
  message: string;
  path: (string | number)[];
  params: { reason: Reason; values: ParamValues };
} {
  return { code: 'custom', message: reason, path, params: { reason, values: params } };
}

export function zodErrors(error: z.ZodError, prefix = 'input'): UserError[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.') || null;
    const { reason, params } = reasonOfIssue(issue);
    return reasonError(reason, field, params);
  });
}

function reasonOfIssue(issue: z.core.$ZodIssue): { reason: Reason; params: ParamValues } {
  switch (issue.code) {
    case 'custom': {
      const named = issue.params as { reason?: Reason; values?: ParamValues } | undefined;
      if (named?.reason) return { reason: named.reason, params: named.values ?? {} };
      return { reason: 'INVALID_VALUE', params: {} };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { reason: 'REQUIRED', params: {} } : { reason: 'TOO_SHORT', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? { reason: 'REQUIRED', params: {} } : { reason: 'TOO_FEW_VALUES', params: { min } };
      return { reason: 'AT_LEAST', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'TOO_LONG', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { reason: 'TOO_MANY_VALUES', params: { max } };
      return { reason: 'AT_MOST', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { reason: 'NOT_AN_EMAIL', params: {} };
      if (issue.format === 'url') return { reason: 'NOT_A_URL', params: {} };
      if (issue.format === 'date' || issue.format === 'datetime')
        return { reason: 'INVALID_DATE', params: {} };
      return { reason: 'INVALID_VALUE', params: {} };
    case 'invalid_value':
      return { reason: 'UNKNOWN_VALUE', params: { value: String(issue.input ?? '') } };
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int')
        return { reason: 'NOT_A_NUMBER', params: {} };
      if (issue.input === undefined || issue.input === null) return { reason: 'REQUIRED', params: {} };
      return { reason: 'INVALID_VALUE', params: {} };
    default:
      return { reason: 'INVALID_VALUE', params: {} };
  }
}
