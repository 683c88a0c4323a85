/**
 * What a form announces above its fields, as an alert; `id` lets the form point at it with
 * aria-describedby. Nothing is rendered when there is nothing to say.
 */
export function FormAlert({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="error">
      {message}
    </p>
  );
}
