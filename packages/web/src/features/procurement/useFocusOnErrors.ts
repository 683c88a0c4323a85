import { useEffect, useRef } from 'react';

/**
 * Where focus goes when a form is refused: to its first field marked invalid, or, when no field of
 * the form shows the errors (the list is not yours, the request failed), to the alert above it
 * (`alertRef`, on an element with tabIndex -1). Focus stays where it was when there is no error.
 */
export function useFocusOnErrors(errors: readonly unknown[], requestFailed = false) {
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length === 0 && !requestFailed) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [errors, requestFailed]);
  return { formRef, alertRef };
}
