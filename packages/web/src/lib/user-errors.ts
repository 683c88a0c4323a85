import { isReason, type Locale, type Reason, reasonMessage } from '@proximitat/errors';
import { graphql, type ResultOf } from './graphql.ts';
import type { MessageKey } from './i18n/messages.ca.ts';

/**
 * What every form selects of a mutation's userErrors. The message shown is written here, from the
 * reason and its parameters, in the interface language: the client never reads the server's text.
 */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError @_unmask {
    field
    code
    reason
    params {
      name
      value
    }
  }
`);

export type UserErrorFields = ResultOf<typeof UserErrorFields>;

// The schema's ErrorReason and the shared catalogue are the same list: a reason added to one and
// not the other fails the type check here.
type SchemaReason = UserErrorFields['reason'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reasonsMatch: Same<SchemaReason, Reason> = true;
void reasonsMatch;

/** An error shown beside a field or above a form: a userError, or a failure of the request itself. */
export type FormError = Pick<UserErrorFields, 'field' | 'reason' | 'params'>;

/** The message of a userError in the interface language. */
export function errorMessage(error: FormError, locale: Locale): string {
  return isReason(error.reason)
    ? reasonMessage(locale, error.reason, error.params)
    : reasonMessage(locale, 'INVALID_VALUE');
}

/** Whether an error is about `field` or lies under it (`input.answers` holds `input.answers.2.level`). */
export const isAt = (error: FormError, field: string): boolean =>
  error.field === field || (error.field?.startsWith(`${field}.`) ?? false);

/** The messages of the errors about `field` or under it. */
export function messagesFor(errors: readonly FormError[], field: string, locale: Locale): string[] {
  return errors.filter((e) => isAt(e, field)).map((e) => errorMessage(e, locale));
}

/** The errors no field of the form shows (about the whole form, or the list, the account...). */
export const errorsElsewhere = (errors: readonly FormError[], fields: readonly string[]): FormError[] =>
  errors.filter((error) => !fields.some((field) => isAt(error, field)));

/**
 * What a form announces above its fields (role alert): that the request failed; the messages of
 * the errors no field of the form shows (the list is not yours, you may not do this); or, when
 * every error sits at its field, that the fields marked need looking at.
 */
export function formAlert(
  t: (key: MessageKey) => string,
  locale: Locale,
  errors: readonly FormError[],
  requestFailed: boolean,
  fields: readonly string[],
): string | null {
  if (requestFailed) return t('status.error');
  const elsewhere = errorsElsewhere(errors, fields);
  if (elsewhere.length > 0) return elsewhere.map((error) => errorMessage(error, locale)).join(' ');
  return errors.length > 0 ? t('form.fix') : null;
}

/** An error found before anything is sent (a value the API's types cannot carry). */
export const localError = (field: string, reason: 'REQUIRED' | 'NOT_A_NUMBER'): FormError => ({
  field,
  reason,
  params: [],
});

/** The value of a reason's parameter (for example the criterion an ESG error is about). */
export function paramOf(error: FormError, name: string): string | undefined {
  return error.params.find((param) => param.name === name)?.value;
}
