import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, UserErrorFields } from '../../lib/user-errors.ts';
import { type ReviewDecision, ReviewPanel } from './ReviewPanel.tsx';

const QueueQuery = graphql(`
  query ModerationPage_Queue {
    moderationQueue(first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          status
          submittedAt
          message
          company {
            id
            name
            slug
            status
          }
          changes {
            field
            before
            after
          }
        }
      }
    }
  }
`);

const ReviewMutation = graphql(
  `
  mutation ModerationPage_Review($id: ID!, $decision: ReviewDecision!, $reason: String) {
    reviewRevision(id: $id, decision: $decision, reason: $reason) {
      revision {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/** Staff: pending creations, updates and claims, oldest first, each with a side-by-side diff. */
export function ModerationPage() {
  const { t, locale } = useI18n();
  const [result, refetch] = useQuery({ query: QueueQuery, requestPolicy: 'cache-and-network' });
  const [, review] = useMutation(ReviewMutation);
  const [announcement, setAnnouncement] = useState('');

  const decide = async (id: string, decision: ReviewDecision, reason: string | null, name: string) => {
    const response = await review({ id, decision, reason });
    const payload = response.data?.reviewRevision;
    if (!payload?.revision) {
      return payload?.userErrors.length
        ? payload.userErrors.map((e) => errorMessage(e, locale)).join(' ')
        : t('status.error');
    }
    setAnnouncement(`${name}: ${t(decision === 'APPROVE' ? 'moderation.approved' : 'moderation.rejected')}`);
    refetch({ requestPolicy: 'network-only' });
    return null;
  };

  return (
    <section aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('moderation.title')}</h1>
      <p>
        <Link to="/moderacio/asg">{t('esgReview.title')}</Link>
      </p>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {result.data?.moderationQueue.totalCount === 0 && <p>{t('moderation.empty')}</p>}
        {result.data?.moderationQueue.edges.map(({ node }) => {
          const name = node.company?.name ?? '';
          return (
            <ReviewPanel
              key={node.id}
              title={`${name} · ${t(`revisionKind.${node.kind}`)}`}
              subject={name}
              reasonLabel={t('moderation.reason')}
              approveLabel={t('moderation.approve')}
              rejectLabel={t('moderation.reject')}
              onDecide={(decision, reason) => decide(node.id, decision, reason, name)}
            >
              <p className="hint">
                {t('moderation.submitted')} {new Date(node.submittedAt).toLocaleString()}
              </p>
              {node.kind === 'CLAIM' && node.company && node.company.status !== 'PUBLISHED' && (
                <p className="notice">{t('moderation.contestedClaim')}</p>
              )}
              {node.message && <blockquote>{node.message}</blockquote>}
              {node.changes.length > 0 && (
                <table className="data-table diff">
                  <caption>{t('moderation.changes')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('moderation.field')}</th>
                      <th scope="col">{t('moderation.before')}</th>
                      <th scope="col">{t('moderation.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {node.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{change.field}</th>
                        <td className="diff__before">{change.before ?? '—'}</td>
                        <td className="diff__after">{change.after ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </ReviewPanel>
          );
        })}
      </QueryState>
    </section>
  );
}
