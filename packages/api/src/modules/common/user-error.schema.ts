import type { ZodError } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ErrorCode, type UserError } from '../../errors.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable codes of expected failures (see userErrors).',
  values: Object.values(ErrorCode),
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'An expected failure of a mutation: nothing was changed.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The input field at fault, as a dotted path.',
    }),
    message: t.exposeString('message'),
    code: t.expose('code', { type: ErrorCodeEnum }),
  }),
});

export function userError(code: ErrorCode, message: string, field: string | null = null): UserError {
  return { code, message, field };
}

/** The userError for a caller that scope-auth refused. */
export function notAllowed(context: Context): UserError {
  return context.viewer
    ? userError(ErrorCode.FORBIDDEN, 'You are not allowed to do this')
    : userError(ErrorCode.UNAUTHENTICATED, 'Sign in to do this');
}

export function validationErrors(error: ZodError, prefix = 'input'): UserError[] {
  return error.issues.map((issue) =>
    userError(ErrorCode.VALIDATION, issue.message, [prefix, ...issue.path.map(String)].join('.')),
  );
}
