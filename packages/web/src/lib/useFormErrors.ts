import { useState } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import { type FormError, formAlert, messagesFor } from './user-errors.ts';

type State = { errors: readonly FormError[]; requestFailed: boolean };
const NONE: State = { errors: [], requestFailed: false };

/**
 * The errors of a form whose fields are `fields` (as the API names them): the messages at each
 * field, and what is announced above the form (see formAlert).
 */
export function useFormErrors<const Field extends string>(fields: readonly Field[]) {
  const { t, locale } = useI18n();
  const [{ errors, requestFailed }, setState] = useState<State>(NONE);
  return {
    errors,
    /** The messages shown at `field`. */
    at: (field: Field) => messagesFor(errors, field, locale),
    alert: formAlert(t, locale, errors, requestFailed, fields),
    /** A mutation's answer: its payload, or nothing when the request got no answer. */
    answered: (payload: { userErrors: readonly FormError[] } | null | undefined) =>
      setState({ errors: payload?.userErrors ?? [], requestFailed: !payload }),
    /** Errors found before sending (or none, to clear the form's). */
    show: (found: readonly FormError[]) => setState({ errors: found, requestFailed: false }),
  };
}
