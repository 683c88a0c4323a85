import type { FocusEvent, InputHTMLAttributes } from 'react';
import { useLocaleTag } from '../../lib/format-locale.ts';
import { formatForInput, type NumberOptions, numberExample, parseNumber } from '../../lib/format-number.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import type { FormError } from '../../lib/user-errors.ts';
import { TextField } from './TextField.tsx';

type Props = {
  id: string;
  name: string;
  label: string;
  /** Said before the example of how to write the number, if given. */
  hint?: string;
  errors?: string[];
  /** The digits after the decimal separator it takes (2, cents, unless told). */
  maximumFractionDigits?: number;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'name' | 'id'>;

/**
 * A number or an amount typed as the interface language writes it ("120.000,50" in Catalan and
 * Spanish, "120,000.50" in English), with an example of that as its hint. On leaving the field a
 * number it reads is rewritten as the language writes it, so the person sees what will be saved;
 * the form reads it with `readNumber`, which refuses what could be read two ways.
 */
export function NumberField({ hint, maximumFractionDigits = 2, onBlur, ...props }: Props) {
  const { t } = useI18n();
  const tag = useLocaleTag();
  const example = numberExample(tag, maximumFractionDigits);
  const tidy = (event: FocusEvent<HTMLInputElement>) => {
    const parsed = parseNumber(event.currentTarget.value, tag, { maximumFractionDigits });
    if (parsed.ok) event.currentTarget.value = formatForInput(parsed.value, tag, maximumFractionDigits);
    onBlur?.(event);
  };
  const exampleText = `${t('field.numberExample')} ${example}`;
  return (
    <TextField
      {...props}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      hint={hint ? `${hint} ${exampleText}` : exampleText}
      onBlur={tidy}
    />
  );
}

/**
 * The number typed in the form's field `name`, or the error to show at `field` (the API's name for
 * it): REQUIRED when empty and `required`, NOT_A_NUMBER, or NUMBER_FORMAT with an example.
 */
export function readNumber(
  form: FormData,
  name: string,
  field: string,
  tag: string,
  { required = false, ...options }: NumberOptions & { required?: boolean } = {},
): { value: number | null; error: FormError | null } {
  const parsed = parseNumber(String(form.get(name) ?? ''), tag, options);
  if (parsed.ok) return { value: parsed.value, error: null };
  if (parsed.reason === 'EMPTY') {
    return { value: null, error: required ? { field, reason: 'REQUIRED', params: [] } : null };
  }
  if (parsed.reason === 'NOT_A_NUMBER')
    return { value: null, error: { field, reason: 'NOT_A_NUMBER', params: [] } };
  return {
    value: null,
    error: { field, reason: 'NUMBER_FORMAT', params: [{ name: 'example', value: parsed.example }] },
  };
}
