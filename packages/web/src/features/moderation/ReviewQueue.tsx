import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, type FormError } from '../../lib/user-errors.ts';

/**
 * What a review queue says of its decisions: the last one recorded (announced), and `decided`,
 * which turns a decision's answer into what its ReviewPanel shows.
 */
export function useReviewDecisions(refetch: () => void) {
  const { t, locale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  /**
   * `payload` is the mutation's answer (nothing when the request failed), `recorded` whether it
   * holds the reviewed item; once recorded, `done` is announced and the queue reloaded.
   */
  const decided = (
    payload: { userErrors: readonly FormError[] } | null | undefined,
    recorded: boolean,
    done: string,
  ): string | null => {
    if (!recorded) {
      return payload?.userErrors.length
        ? payload.userErrors.map((error) => errorMessage(error, locale)).join(' ')
        : t('status.error');
    }
    setAnnouncement(done);
    refetch();
    return null;
  };
  return { announcement, decided };
}

/**
 * A staff review queue: its title, a link to the other queue, the last decision announced, and its
 * items (a ReviewPanel each), or `emptyLabel` when nothing waits.
 */
export function ReviewQueue({
  title,
  otherQueue,
  announcement,
  fetching,
  error,
  empty,
  emptyLabel,
  children,
}: {
  title: string;
  otherQueue: { to: string; label: string };
  announcement: string;
  fetching: boolean;
  error: CombinedError | undefined;
  empty: boolean;
  emptyLabel: string;
  children: ReactNode;
}) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{title}</h1>
      <p>
        <Link to={otherQueue.to}>{otherQueue.label}</Link>
      </p>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <QueryState fetching={fetching} error={error}>
        {empty && <p>{emptyLabel}</p>}
        {children}
      </QueryState>
    </section>
  );
}
