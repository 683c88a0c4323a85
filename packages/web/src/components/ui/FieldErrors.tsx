/** A field's error messages, linked to the input with aria-describedby={id}. */
export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

export interface UserErrorLike {
  field?: string | null;
  message: string;
}

/** Messages of the userErrors whose field is `field` (or starts with `field.`). */
export function messagesFor(errors: UserErrorLike[], field: string): string[] {
  return errors.filter((e) => e.field === field || e.field?.startsWith(`${field}.`)).map((e) => e.message);
}
