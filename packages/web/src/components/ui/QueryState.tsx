import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../../lib/i18n/i18n.tsx';

/** Loading and error states of a query, announced to assistive technology. */
export function QueryState({
  fetching,
  error,
  children,
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (fetching) {
    return (
      <p role="status" aria-live="polite">
        {t('status.loading')}
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" className="error">
        {t('status.error')}
      </p>
    );
  }
  return <>{children}</>;
}
