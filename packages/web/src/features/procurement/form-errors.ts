import type { Locale } from '../../lib/i18n/i18n.tsx';
import type { MessageKey } from '../../lib/i18n/messages.ca.ts';
import { errorMessage, type FormError } from '../../lib/user-errors.ts';

/** Whether an error is about `field` or lies under it (`input.cpvCodes` holds `input.cpvCodes.2`). */
export const isAt = (error: FormError, field: string) =>
  error.field === field || (error.field?.startsWith(`${field}.`) ?? false);

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
  const elsewhere = errors.filter((error) => !fields.some((field) => isAt(error, field)));
  if (elsewhere.length > 0) return elsewhere.map((error) => errorMessage(error, locale)).join(' ');
  return errors.length > 0 ? t('form.fix') : null;
}

/** An error found before anything is sent (a value the API's types cannot carry). */
export const localError = (field: string, reason: 'REQUIRED' | 'NOT_A_NUMBER'): FormError => ({
  field,
  reason,
  params: [],
});
