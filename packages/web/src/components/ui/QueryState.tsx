import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { CombinedError } from 'urql';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { signInPath } from '../../lib/return-path.ts';

/** Why the API refused a query to this reader, from its errors' `code`: not signed in, or not allowed. */
export function refusalOf(error: CombinedError | undefined): 'SIGN_IN' | 'FORBIDDEN' | null {
  const codes = error?.graphQLErrors.map((e) => e.extensions?.code) ?? [];
  if (codes.includes('UNAUTHENTICATED')) return 'SIGN_IN';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  return null;
}

/**
 * What a page says to a reader who may not see it: sign in (with a link that returns here
 * afterwards), or that this account is not allowed.
 */
export function AccessRefused({ refusal, message }: { refusal: 'SIGN_IN' | 'FORBIDDEN'; message?: string }) {
  const { t } = useI18n();
  const location = useLocation();
  if (refusal === 'FORBIDDEN') {
    return (
      <p role="alert" className="notice access-refused">
        {message ?? t('access.forbidden')}
      </p>
    );
  }
  return (
    <div role="alert" className="notice access-refused">
      <p>{message ?? t('access.signInRequired')}</p>
      <p>
        <Link to={signInPath(`${location.pathname}${location.search}`)}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}

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
  const refusal = refusalOf(error);
  if (refusal) return <AccessRefused refusal={refusal} />;
  if (error) {
    return (
      <p role="alert" className="error">
        {t('status.error')}
      </p>
    );
  }
  return <>{children}</>;
}
