import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FieldError, messagesFor, type UserErrorLike } from '../../components/ui/FieldErrors.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const QuestionnaireQuery = graphql(`
  query EsgQuestionnaire($slug: String!, $locale: Locale) {
    company(slug: $slug) {
      id
      name
      esg {
        score
        validUntil
      }
      latestEsgAssessment {
        id
        score
        status
      }
    }
    esgCriteria {
      code
      pillar
      weight
      question(locale: $locale)
      evidenceRequired
    }
  }
`);

const SubmitMutation = graphql(`
  mutation EsgQuestionnaire_Submit($companyId: ID!, $answers: [EsgAnswerInput!]!) {
    submitEsgAssessment(companyId: $companyId, answers: $answers) {
      assessment {
        id
        score
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const PILLARS = ['ENVIRONMENTAL', 'SOCIAL', 'GOVERNANCE'] as const;
const LEVELS = [0, 1, 2, 3, 4] as const;

/** A company's ESG self-assessment: one question a criterion, answered 0..4, with evidence links. */
export function EsgQuestionnairePage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const uid = useId();
  const [result] = useQuery({ query: QuestionnaireQuery, variables: { slug, locale } });
  const [, submit] = useMutation(SubmitMutation);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [outcome, setOutcome] = useState<{ score: number } | null>(null);
  const criteria = result.data?.esgCriteria ?? [];
  const company = result.data?.company;
  const answered = criteria.filter((criterion) => levels[criterion.code] !== undefined).length;

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!company) return;
    const form = new FormData(event.currentTarget);
    const answers = criteria
      .filter((criterion) => levels[criterion.code] !== undefined)
      .map((criterion) => ({
        criterion: criterion.code,
        level: levels[criterion.code] ?? 0,
        evidenceUrl: String(form.get(`evidence-${criterion.code}`) ?? '').trim() || null,
        comment: String(form.get(`comment-${criterion.code}`) ?? '').trim() || null,
      }));
    const response = await submit({ companyId: company.id, answers });
    const payload = response.data?.submitEsgAssessment;
    if (!payload?.assessment) {
      setErrors(payload?.userErrors ?? [{ field: null, message: t('status.error') }]);
      setOutcome(null);
      return;
    }
    setErrors([]);
    setOutcome({ score: payload.assessment.score });
  };

  // Errors name answers by their position among those sent: map them back to criteria.
  const sentCodes = criteria.filter((criterion) => levels[criterion.code] !== undefined).map((c) => c.code);
  const errorsFor = (code: string, part: 'evidenceUrl' | 'level') => {
    const index = sentCodes.indexOf(code);
    const own =
      index < 0
        ? []
        : part === 'level'
          ? errors
              .filter((e) => e.field === `answers.${index}` || e.field === `answers.${index}.level`)
              .map((e) => e.message)
          : messagesFor(errors, `answers.${index}.evidenceUrl`);
    // "X is not answered" names the whole list.
    const missing =
      part === 'level' ? errors.filter((e) => e.field === 'answers' && e.message.startsWith(`${code} `)) : [];
    return [...own, ...missing.map((e) => e.message)];
  };

  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {!company ? (
        <p>{t('esg.noCompany')}</p>
      ) : (
        <section aria-labelledby={`${uid}-title`}>
          <p>
            <Link to="/tauler">{t('nav.dashboard')}</Link>
          </p>
          <h1 id={`${uid}-title`}>
            {t('esg.questionnaire')}: {company.name}
          </h1>
          <p>{t('esg.intro')}</p>
          {company.latestEsgAssessment && (
            <p>
              {t('esg.current')}: {company.latestEsgAssessment.score}/100 (
              {t(`esg.status.${company.latestEsgAssessment.status}`)})
            </p>
          )}
          {company.esg && (
            <p>
              {t('company.esgHomologated')}: {company.esg.score}/100
            </p>
          )}
          <div
            className="progress__track"
            role="progressbar"
            aria-label={t('esg.progress')}
            aria-valuemin={0}
            aria-valuemax={criteria.length}
            aria-valuenow={answered}
            aria-valuetext={`${answered} / ${criteria.length}`}
          >
            <div
              className="progress__fill"
              style={{ width: `${criteria.length ? (answered / criteria.length) * 100 : 0}%` }}
            />
          </div>
          <p aria-live="polite">
            {answered} {t('esg.of')} {criteria.length} {t('esg.answered')}
          </p>
          {outcome && (
            <p role="status" className="notice">
              {t('esg.submitted')} {outcome.score}/100.
            </p>
          )}
          {errors.length > 0 && (
            <div role="alert" className="field-error">
              {t('esg.fix')}
            </div>
          )}
          <form className="form esg-form" onSubmit={send} noValidate>
            {PILLARS.map((pillar) => (
              <section key={pillar} aria-labelledby={`${uid}-${pillar}`}>
                <h2 id={`${uid}-${pillar}`}>{t(`esg.pillar.${pillar}`)}</h2>
                {criteria
                  .filter((criterion) => criterion.pillar === pillar)
                  .map((criterion) => {
                    const levelErrors = errorsFor(criterion.code, 'level');
                    const evidenceErrors = errorsFor(criterion.code, 'evidenceUrl');
                    return (
                      <fieldset
                        key={criterion.code}
                        className="esg-criterion"
                        aria-describedby={
                          levelErrors.length > 0 ? `${uid}-${criterion.code}-error` : undefined
                        }
                      >
                        <legend>
                          {criterion.question}{' '}
                          <small>
                            ({t('esg.weight')} {criterion.weight})
                          </small>
                        </legend>
                        <div className="esg-levels">
                          {LEVELS.map((level) => (
                            <label key={level} className="checkbox">
                              <input
                                type="radio"
                                name={`level-${criterion.code}`}
                                value={level}
                                checked={levels[criterion.code] === level}
                                onChange={() => setLevels({ ...levels, [criterion.code]: level })}
                              />
                              {level} — {t(`esg.level.${level}`)}
                            </label>
                          ))}
                        </div>
                        <FieldError id={`${uid}-${criterion.code}-error`} messages={levelErrors} />
                        <label htmlFor={`${uid}-${criterion.code}-evidence`}>
                          {t('esg.evidence')}
                          {criterion.evidenceRequired ? ` (${t('esg.required')})` : ''}
                        </label>
                        <input
                          id={`${uid}-${criterion.code}-evidence`}
                          name={`evidence-${criterion.code}`}
                          type="url"
                          placeholder="https://"
                          aria-invalid={evidenceErrors.length > 0 ? true : undefined}
                          aria-describedby={
                            evidenceErrors.length > 0 ? `${uid}-${criterion.code}-evidence-error` : undefined
                          }
                        />
                        <FieldError
                          id={`${uid}-${criterion.code}-evidence-error`}
                          messages={evidenceErrors}
                        />
                        <label htmlFor={`${uid}-${criterion.code}-comment`}>{t('esg.comment')}</label>
                        <textarea
                          id={`${uid}-${criterion.code}-comment`}
                          name={`comment-${criterion.code}`}
                          rows={2}
                        />
                      </fieldset>
                    );
                  })}
              </section>
            ))}
            <button type="submit">{t('esg.submit')}</button>
          </form>
        </section>
      )}
    </QueryState>
  );
}
