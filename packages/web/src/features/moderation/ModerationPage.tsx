import { useMutation, useQuery } from 'urql';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { ChangeLabelsQuery, changeReader } from './change-labels.ts';
import { type ReviewDecision, ReviewPanel } from './ReviewPanel.tsx';
import { ReviewQueue, useReviewDecisions } from './ReviewQueue.tsx';

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
  const { t, locale, formatNumber } = useI18n();
  const [result, refetch] = useQuery({ query: QueueQuery, requestPolicy: 'cache-and-network' });
  const [labels] = useQuery({ query: ChangeLabelsQuery, variables: { locale } });
  const read = changeReader(t, formatNumber, labels.data);
  const [, review] = useMutation(ReviewMutation);
  const { announcement, decided } = useReviewDecisions(() => refetch({ requestPolicy: 'network-only' }));

  const decide = async (id: string, decision: ReviewDecision, reason: string | null, name: string) => {
    const payload = (await review({ id, decision, reason })).data?.reviewRevision;
    const done = t(decision === 'APPROVE' ? 'moderation.approved' : 'moderation.rejected');
    return decided(payload, Boolean(payload?.revision), `${name}: ${done}`);
  };

  return (
    <ReviewQueue
      title={t('moderation.title')}
      otherQueue={{ to: '/moderacio/asg', label: t('esgReview.title') }}
      announcement={announcement}
      // The queue waits for the names of the codes, so that no code is ever shown in their place.
      fetching={(result.fetching && !result.data) || (labels.fetching && !labels.data)}
      error={result.error}
      empty={result.data?.moderationQueue.totalCount === 0}
      emptyLabel={t('moderation.empty')}
    >
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
              {/* Dates as the interface language writes them (not the browser's). */}
              <time dateTime={node.submittedAt}>
                {t('moderation.submittedOn', { date: node.submittedAt })}
              </time>
            </p>
            {node.kind === 'CLAIM' && node.company && node.company.status !== 'PUBLISHED' && (
              <p className="notice">{t('moderation.contestedClaim')}</p>
            )}
            {node.message && <blockquote>{node.message}</blockquote>}
            {node.changes.length > 0 && (
              <TableScroll label={`${t('moderation.changes')}: ${name}`}>
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
                        <th scope="row">{read.field(change.field)}</th>
                        <td className="diff__before">{read.value(change.field, change.before) ?? '—'}</td>
                        <td className="diff__after">{read.value(change.field, change.after) ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </ReviewPanel>
        );
      })}
    </ReviewQueue>
  );
}
