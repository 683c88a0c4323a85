import { ErrorCode, type ErrorParam, REASONS, type Reason } from '@proximitat/errors';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { messageOf, type UserError, userError } from '../../errors.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    'Stable codes of expected failures (see userErrors); `reason` says which case of the code happened.',
  values: Object.values(ErrorCode),
});

export const ErrorReasonEnum = builder.enumType('ErrorReason', {
  description:
    'The specific, stable reason of an expected failure. Each reason belongs to one ErrorCode and has documented parameters (`params`).',
  values: Object.fromEntries(
    Object.entries(REASONS).map(([name, definition]) => [
      name,
      {
        description: `${definition.code}. ${definition.description}${
          definition.params.length > 0 ? ` Parameters: ${definition.params.join(', ')}.` : ''
        }`,
      },
    ]),
  ) as Record<Reason, { description: string }>,
});

export const ErrorParamRef = builder.objectRef<ErrorParam>('ErrorParam').implement({
  description: 'One parameter of an error reason, such as `max` of TOO_LONG.',
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeString('value', { description: 'The value as text (numbers in plain digits).' }),
  }),
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'An expected failure of a mutation: nothing was changed.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The input field at fault, as a dotted path (`input.answers.2.level`).',
    }),
    message: t.string({
      description:
        "What went wrong, in the caller's language: the request's `locale`, the account's, or Accept-Language, falling back to Catalan.",
      resolve: (error, _args, context) => messageOf(context.locale, error.reason, error.params),
    }),
    code: t.expose('code', { type: ErrorCodeEnum }),
    reason: t.expose('reason', { type: ErrorReasonEnum }),
    params: t.field({
      type: [ErrorParamRef],
      description: "The reason's parameters, for clients that write their own message.",
      resolve: (error) => error.params,
    }),
  }),
});

/** The userError for a caller that scope-auth refused. */
export function notAllowed(context: Context): UserError {
  return context.viewer ? userError('NOT_ALLOWED', null) : userError('SIGN_IN_REQUIRED', null);
}
