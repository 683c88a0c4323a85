import type { InputHTMLAttributes } from 'react';
import { FieldError } from './FieldErrors.tsx';

/** A labelled input with its hint and its errors, both tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  errors = [],
  ...input
}: { id: string; label: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
