/**
 * What a form announces above its fields, as an alert; `id` lets the form point at it with
 * aria-describedby. Nothing is rendered when there is nothing to say.
 */
export function FormAlert({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    // Focus comes here after an answer with errors no field shows (useFormErrors, focusFirstError).
    <p id={id} role="alert" className="error form-alert" data-form-alert="" tabIndex={-1}>
      {message}
    </p>
  );
}
