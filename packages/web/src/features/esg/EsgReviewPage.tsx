import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

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

const ReviewMutation = graphql(`
  mutation EsgReview_Review($id: ID!, $decision: ReviewDecision!, $reason: String) {
    reviewEsgAssessment(id: $id, decision: $decision, reason: $reason) {
      assessment {
        id
        status
        validUntil
      }
      userErrors {
        field
        message
      }
    }
  }
`);

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
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');

  const decide = async (id: string, decision: 'APPROVE' | 'REJECT', name: string) => {
    const response = await review({ id, decision, reason: reasons[id] || null });
    const payload = response.data?.reviewEsgAssessment;
    if (!payload?.assessment) {
      setProblems({
        ...problems,
        [id]: payload?.userErrors.map((e) => e.message).join(' ') ?? t('status.error'),
      });
      return;
    }
    setAnnouncement(`${name}: ${t(decision === 'APPROVE' ? 'esgReview.verified' : 'esgReview.rejected')}`);
    refetch({ requestPolicy: 'network-only' });
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
          <article key={node.id} className="review" aria-labelledby={`${uid}-${node.id}`}>
            <h2 id={`${uid}-${node.id}`}>
              {node.company.name} · {node.score}/100
            </h2>
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
            <div className="form__field">
              <label htmlFor={`${uid}-${node.id}-reason`}>{t('esgReview.reason')}</label>
              <textarea
                id={`${uid}-${node.id}-reason`}
                rows={2}
                value={reasons[node.id] ?? ''}
                onChange={(event) => setReasons({ ...reasons, [node.id]: event.target.value })}
                aria-describedby={problems[node.id] ? `${uid}-${node.id}-problem` : undefined}
              />
              {problems[node.id] && (
                <p id={`${uid}-${node.id}-problem`} className="field-error">
                  {problems[node.id]}
                </p>
              )}
            </div>
            <button type="button" onClick={() => decide(node.id, 'APPROVE', node.company.name)}>
              {t('esgReview.verify')}
              <span className="visually-hidden">: {node.company.name}</span>
            </button>{' '}
            <button type="button" onClick={() => decide(node.id, 'REJECT', node.company.name)}>
              {t('esgReview.reject')}
              <span className="visually-hidden">: {node.company.name}</span>
            </button>
          </article>
        ))}
      </QueryState>
    </section>
  );
}
