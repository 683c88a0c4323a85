import type { FocusEvent, InputHTMLAttributes } from 'react';
import { datePattern, formatDateForInput, parseLocalDate } from '../../lib/format-date.ts';
import { useLocaleTag } from '../../lib/format-locale.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import type { FormError } from '../../lib/user-errors.ts';
import { TextField } from './TextField.tsx';

type Props = {
  id: string;
  name: string;
  label: string;
  errors?: string[];
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'name' | 'id'>;

/**
 * A date typed as the interface language writes it (04/12/2026 in Catalan and Spanish, 12/04/2026
 * in English), with the pattern as its hint; the form reads it with `readDate`, which gives the
 * API an ISO date. (A text field, not `type="date"`: the browser's date input follows the
 * browser's language, not the interface's.)
 */
export function DateField({ onBlur, ...props }: Props) {
  const { t } = useI18n();
  const tag = useLocaleTag();
  const tidy = (event: FocusEvent<HTMLInputElement>) => {
    const parsed = parseLocalDate(event.currentTarget.value, tag);
    if (parsed.ok) event.currentTarget.value = formatDateForInput(parsed.value, tag);
    onBlur?.(event);
  };
  return (
    <TextField
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      hint={`${t('field.dateFormat')} ${datePattern(tag)}`}
      onBlur={tidy}
    />
  );
}

/**
 * The ISO date typed in the form's field `name`, or the error to show at `field`: REQUIRED when
 * empty and `required`, DATE_FORMAT with an example, or INVALID_DATE (no such day).
 */
export function readDate(
  form: FormData,
  name: string,
  field: string,
  tag: string,
  { required = false }: { required?: boolean } = {},
): { value: string | null; error: FormError | null } {
  const parsed = parseLocalDate(String(form.get(name) ?? ''), tag);
  if (parsed.ok) return { value: parsed.value, error: null };
  if (parsed.reason === 'EMPTY') {
    return { value: null, error: required ? { field, reason: 'REQUIRED', params: [] } : null };
  }
  if (parsed.reason === 'INVALID_DATE')
    return { value: null, error: { field, reason: 'INVALID_DATE', params: [] } };
  return {
    value: null,
    error: { field, reason: 'DATE_FORMAT', params: [{ name: 'example', value: parsed.example }] },
  };
}
