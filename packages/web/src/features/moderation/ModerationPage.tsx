import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

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

const ReviewMutation = graphql(`
  mutation ModerationPage_Review($id: ID!, $decision: ReviewDecision!, $reason: String) {
    reviewRevision(id: $id, decision: $decision, reason: $reason) {
      revision {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`);

/** Staff: pending creations, updates and claims, oldest first, each with a side-by-side diff. */
export function ModerationPage() {
  const { t } = useI18n();
  const [result, refetch] = useQuery({ query: QueueQuery, requestPolicy: 'cache-and-network' });
  const [, review] = useMutation(ReviewMutation);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');

  const decide = async (id: string, decision: 'APPROVE' | 'REJECT', name: string) => {
    const response = await review({ id, decision, reason: reasons[id] || null });
    const payload = response.data?.reviewRevision;
    if (!payload?.revision) {
      setProblems({
        ...problems,
        [id]: payload?.userErrors.map((e) => e.message).join(' ') ?? t('status.error'),
      });
      return;
    }
    setAnnouncement(`${name}: ${t(decision === 'APPROVE' ? 'moderation.approved' : 'moderation.rejected')}`);
    refetch({ requestPolicy: 'network-only' });
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
            <article key={node.id} className="review" aria-labelledby={`review-${node.id}`}>
              <h2 id={`review-${node.id}`}>
                {name} · {t(`revisionKind.${node.kind}`)}
              </h2>
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
              <label htmlFor={`reason-${node.id}`}>{t('moderation.reason')}</label>
              <textarea
                id={`reason-${node.id}`}
                rows={2}
                value={reasons[node.id] ?? ''}
                onChange={(event) => setReasons({ ...reasons, [node.id]: event.target.value })}
              />
              {problems[node.id] && (
                <p role="alert" className="error">
                  {problems[node.id]}
                </p>
              )}
              <div className="review__actions">
                <button type="button" onClick={() => void decide(node.id, 'APPROVE', name)}>
                  {t('moderation.approve')} <span className="visually-hidden">{name}</span>
                </button>
                <button type="button" onClick={() => void decide(node.id, 'REJECT', name)}>
                  {t('moderation.reject')} <span className="visually-hidden">{name}</span>
                </button>
              </div>
            </article>
          );
        })}
      </QueryState>
    </section>
  );
}
