import { isReason, type Locale, type Reason, reasonMessage } from '@proximitat/errors';
import { graphql, type ResultOf } from './graphql.ts';

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

/** The messages of the errors whose field is `field` (or lies under it: `input.answers` holds `input.answers.2.level`). */
export function messagesFor(errors: readonly FormError[], field: string, locale: Locale): string[] {
  return errors
    .filter((e) => e.field === field || e.field?.startsWith(`${field}.`))
    .map((e) => errorMessage(e, locale));
}

/** The value of a reason's parameter (for example the criterion an ESG error is about). */
export function paramOf(error: FormError, name: string): string | undefined {
  return error.params.find((param) => param.name === name)?.value;
}
