import { useMutation, useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { type ReviewDecision, ReviewPanel } from '../moderation/ReviewPanel.tsx';
import { ReviewQueue, useReviewDecisions } from '../moderation/ReviewQueue.tsx';

const QueueQuery = graphql(`
  query EsgReview_Queue($locale: Locale) {
    esgReviewQueue(first: 50) {
      totalCount
      edges {
        node {
          id
          score
          submittedAt
          company {
            id
            name
            slug
          }
          pillars {
            pillar
            score
          }
          answers {
            criterion
            question(locale: $locale)
            level
            evidenceUrl
            comment
          }
        }
      }
    }
  }
`);

const ReviewMutation = graphql(
  `
  mutation EsgReview_Review($id: ID!, $decision: ReviewDecision!, $reason: String) {
    reviewEsgAssessment(id: $id, decision: $decision, reason: $reason) {
      assessment {
        id
        status
        validUntil
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const ESG_TYPES = { additionalTypenames: ['EsgAssessment'] };

/** Staff: submitted ESG self-assessments, oldest first, each answer with its evidence; verify or reject. */
export function EsgReviewPage() {
  const { t, locale } = useI18n();
  const [result, refetch] = useQuery({
    query: QueueQuery,
    variables: { locale },
    requestPolicy: 'cache-and-network',
    context: ESG_TYPES,
  });
  const [, review] = useMutation(ReviewMutation);
  const { announcement, decided } = useReviewDecisions(() => refetch({ requestPolicy: 'network-only' }));

  const decide = async (id: string, decision: ReviewDecision, reason: string | null, name: string) => {
    const payload = (await review({ id, decision, reason })).data?.reviewEsgAssessment;
    const done = t(decision === 'APPROVE' ? 'esgReview.verified' : 'esgReview.rejected');
    return decided(payload, Boolean(payload?.assessment), `${name}: ${done}`);
  };

  return (
    <ReviewQueue
      title={t('esgReview.title')}
      otherQueue={{ to: '/moderacio', label: t('nav.moderation') }}
      announcement={announcement}
      fetching={result.fetching && !result.data}
      error={result.error}
      empty={result.data?.esgReviewQueue.totalCount === 0}
      emptyLabel={t('esgReview.empty')}
    >
      {result.data?.esgReviewQueue.edges.map(({ node }) => (
        <ReviewPanel
          key={node.id}
          title={`${node.company.name} · ${node.score}/100`}
          subject={node.company.name}
          reasonLabel={t('esgReview.reason')}
          approveLabel={t('esgReview.verify')}
          rejectLabel={t('esgReview.reject')}
          onDecide={(decision, reason) => decide(node.id, decision, reason, node.company.name)}
        >
          <p>
            {node.pillars.map((pillar) => `${t(`esg.pillar.${pillar.pillar}`)}: ${pillar.score}`).join(' · ')}
          </p>
          <table className="data-table">
            <caption>{t('esgReview.answers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('esgReview.question')}</th>
                <th scope="col">{t('esgReview.level')}</th>
                <th scope="col">{t('esg.evidence')}</th>
                <th scope="col">{t('esg.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {node.answers.map((answer) => (
                <tr key={answer.criterion}>
                  <th scope="row">{answer.question ?? answer.criterion}</th>
                  <td className="numeric">{answer.level} / 4</td>
                  <td>
                    {answer.evidenceUrl ? (
                      <a href={answer.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {answer.evidenceUrl}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{answer.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ReviewPanel>
      ))}
    </ReviewQueue>
  );
}
