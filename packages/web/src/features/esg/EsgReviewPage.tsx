import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, UserErrorFields } from '../../lib/user-errors.ts';
import { type ReviewDecision, ReviewPanel } from '../moderation/ReviewPanel.tsx';

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
  const uid = useId();
  const [result, refetch] = useQuery({
    query: QueueQuery,
    variables: { locale },
    requestPolicy: 'cache-and-network',
    context: ESG_TYPES,
  });
  const [, review] = useMutation(ReviewMutation);
  const [announcement, setAnnouncement] = useState('');

  const decide = async (id: string, decision: ReviewDecision, reason: string | null, name: string) => {
    const response = await review({ id, decision, reason });
    const payload = response.data?.reviewEsgAssessment;
    if (!payload?.assessment) {
      return payload?.userErrors.length
        ? payload.userErrors.map((e) => errorMessage(e, locale)).join(' ')
        : t('status.error');
    }
    setAnnouncement(`${name}: ${t(decision === 'APPROVE' ? 'esgReview.verified' : 'esgReview.rejected')}`);
    refetch({ requestPolicy: 'network-only' });
    return null;
  };

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('esgReview.title')}</h1>
      <p>
        <Link to="/moderacio">{t('nav.moderation')}</Link>
      </p>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {result.data?.esgReviewQueue.totalCount === 0 && <p>{t('esgReview.empty')}</p>}
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
              {node.pillars
                .map((pillar) => `${t(`esg.pillar.${pillar.pillar}`)}: ${pillar.score}`)
                .join(' · ')}
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
      </QueryState>
    </section>
  );
}
