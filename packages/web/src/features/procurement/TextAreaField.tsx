import type { TextareaHTMLAttributes } from 'react';
import { FieldError } from '../../components/ui/FieldErrors.tsx';

/** A labelled text area with its errors, tied to it with aria-describedby (as TextField does for inputs). */
export function TextAreaField({
  id,
  label,
  errors = [],
  ...textarea
}: { id: string; label: string; errors?: string[] } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        {...textarea}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
