import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import { type FormError, formAlert, messagesFor } from './user-errors.ts';

type State = { errors: readonly FormError[]; requestFailed: boolean; attempt: number };
const NONE: State = { errors: [], requestFailed: false, attempt: 0 };

// The form last submitted on the page: where focus goes when its answer comes back with errors.
let lastSubmitted: HTMLFormElement | null = null;
globalThis.document?.addEventListener(
  'submit',
  (event) => {
    if (event.target instanceof HTMLFormElement) lastSubmitted = event.target;
  },
  true,
);

/** The alert (FormAlert, or an element marked data-form-alert) that speaks for `form`: inside it or just before it. */
function alertOf(form: HTMLElement): HTMLElement | null {
  let scope: HTMLElement | null = form;
  for (let depth = 0; scope && depth < 4; depth += 1, scope = scope.parentElement) {
    const found = scope.querySelector<HTMLElement>('[data-form-alert]');
    if (found) return found;
  }
  return null;
}

/**
 * After a submission with errors, focus goes to the first field marked invalid (its message is
 * read with it), or, when no field shows an error (the request failed, the refusal is about the
 * whole form), to the form's alert.
 */
export function focusFirstError(form: HTMLElement): void {
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = invalid ?? alertOf(form);
  target?.focus();
}

/**
 * The errors of a form whose fields are `fields` (as the API names them): the messages at each
 * field, and what is announced above the form (see formAlert). When an answer has errors, focus
 * moves to the first field marked, or to the form's FormAlert (focusFirstError).
 */
export function useFormErrors<const Field extends string>(fields: readonly Field[]) {
  const { t, locale } = useI18n();
  const [{ errors, requestFailed, attempt }, setState] = useState<State>(NONE);
  const form = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (attempt > 0 && form.current?.isConnected) focusFirstError(form.current);
  }, [attempt]);
  /** Keeps what was found, and moves the focus to it when something is wrong. */
  const keep = (found: readonly FormError[], failed: boolean) => {
    const wrong = failed || found.length > 0;
    if (wrong) form.current = lastSubmitted;
    setState((state) => ({ errors: found, requestFailed: failed, attempt: state.attempt + (wrong ? 1 : 0) }));
  };
  return {
    errors,
    /** The messages shown at `field`. */
    at: (field: Field) => messagesFor(errors, field, locale),
    alert: formAlert(t, locale, errors, requestFailed, fields),
    /** A mutation's answer: its payload, or nothing when the request got no answer. */
    answered: (payload: { userErrors: readonly FormError[] } | null | undefined) =>
      keep(payload?.userErrors ?? [], !payload),
    /** Errors found before sending (or none, to clear the form's). */
    show: (found: readonly FormError[]) => keep(found, false),
  };
}
