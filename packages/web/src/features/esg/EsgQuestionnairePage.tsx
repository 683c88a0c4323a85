import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { AccessRefused, QueryState } from '../../components/ui/QueryState.tsx';
import { type EnumOf, everyValue, graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { focusFirstError } from '../../lib/useFormErrors.ts';
import { errorMessage, type FormError, paramOf, UserErrorFields } from '../../lib/user-errors.ts';

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
        answers {
          criterion
          level
          evidenceUrl
          comment
        }
      }
    }
    me {
      id
      companies {
        id
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

const SubmitMutation = graphql(
  `
  mutation EsgQuestionnaire_Submit($companyId: ID!, $answers: [EsgAnswerInput!]!) {
    submitEsgAssessment(companyId: $companyId, answers: $answers) {
      assessment {
        id
        score
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

/** The parts of an answer an error may be about; `level` stands for the criterion as a whole. */
type AnswerPart = 'level' | 'evidenceUrl' | 'comment';

/**
 * The criterion and the part of its answer an error is about: the reason's `criterion` parameter
 * when it has one (a criterion not answered, answered twice, retired, without its evidence),
 * otherwise the answer's position among those sent (`answers.3.evidenceUrl`). Null: about the form.
 */
function placeOf(error: FormError, sent: readonly string[]): { code: string; part: AnswerPart } | null {
  const match = /^answers\.(\d+)(?:\.(\w+))?$/.exec(error.field ?? '');
  const named = paramOf(error, 'criterion');
  const part: AnswerPart =
    match?.[2] === 'evidenceUrl' ? 'evidenceUrl' : match?.[2] === 'comment' ? 'comment' : 'level';
  if (named) return { code: named, part };
  const code = match ? sent[Number(match[1])] : undefined;
  return code ? { code, part } : null;
}

const PILLARS = everyValue<EnumOf<'EsgPillar'>>()(['ENVIRONMENTAL', 'SOCIAL', 'GOVERNANCE']);
const LEVELS = [0, 1, 2, 3, 4] as const;

/** A company's ESG self-assessment: one question a criterion, answered 0..4, with evidence links. */
export function EsgQuestionnairePage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const uid = useId();
  const [result] = useQuery({ query: QuestionnaireQuery, variables: { slug, locale } });
  const [, submit] = useMutation(SubmitMutation);
  // The levels chosen here; until the reader chooses one, those of the latest assessment.
  const [chosen, setChosen] = useState<Record<string, number> | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // The errors of the last submission, with the criteria it sent in their order (errors name
  // answers by position), and whether the request itself failed.
  const [refusal, setRefusal] = useState<{ errors: FormError[]; sent: string[] }>({ errors: [], sent: [] });
  const [requestFailed, setRequestFailed] = useState(false);
  const [outcome, setOutcome] = useState<{ score: number } | null>(null);
  const criteria = result.data?.esgCriteria ?? [];
  const company = result.data?.company;
  const me = result.data?.me;
  const previous = company?.latestEsgAssessment?.answers ?? [];
  const previousAnswer = new Map(previous.map((answer) => [answer.criterion, answer]));
  const levels: Record<string, number> =
    chosen ?? Object.fromEntries(previous.map((answer) => [answer.criterion, answer.level]));
  const setLevels = setChosen;
  usePageTitle(company ? `${t('esg.questionnaire')}: ${company.name}` : null);
  // After an answer with errors, focus goes to the first field marked, or to the alert above the form.
  useEffect(() => {
    if (attempt > 0 && form.current) focusFirstError(form.current);
  }, [attempt]);
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
    setRequestFailed(!payload);
    setRefusal({
      errors: payload?.assessment ? [] : (payload?.userErrors ?? []),
      sent: answers.map((a) => a.criterion),
    });
    setOutcome(payload?.assessment ? { score: payload.assessment.score } : null);
    if (!payload?.assessment) setAttempt((count) => count + 1);
  };

  // A message names its criterion by the question, in the interface language, where it has one.
  const questions = new Map(criteria.map((criterion) => [criterion.code, criterion.question]));
  const messageOf = (error: FormError) =>
    errorMessage(
      {
        ...error,
        params: error.params.map((param) =>
          param.name === 'criterion' ? { ...param, value: questions.get(param.value) ?? param.value } : param,
        ),
      },
      locale,
    );
  const placed = refusal.errors.map((error) => ({ error, place: placeOf(error, refusal.sent) }));
  const errorsFor = (code: string, part: AnswerPart) =>
    placed
      .filter(({ place }) => place?.code === code && place.part === part)
      .map(({ error }) => messageOf(error));
  // Errors about the form as a whole (only editors may submit, too many submissions, ...).
  const general = placed
    .filter(({ place }) => !place || !questions.has(place.code))
    .map(({ error }) => messageOf(error));
  const marked = placed.length > general.length;

  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {!company ? (
        <p>{t('esg.noCompany')}</p>
      ) : !me?.companies.some((mine) => mine.id === company.id) ? (
        <section aria-labelledby={`${uid}-title`}>
          <h1 id={`${uid}-title`}>
            {t('esg.questionnaire')}: {company.name}
          </h1>
          {/* A visitor signs in (and comes back here); only the company's editors may answer. */}
          <AccessRefused
            refusal={me ? 'FORBIDDEN' : 'SIGN_IN'}
            message={t(me ? 'esg.editorsOnly' : 'esg.signInRequired')}
          />
        </section>
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
          <p aria-live="polite">{t('esg.answeredOf', { answered, total: criteria.length })}</p>
          {outcome && (
            <p role="status" className="notice">
              {t('esg.submitted')} {outcome.score}/100.
            </p>
          )}
          {(marked || general.length > 0 || requestFailed) && (
            <div role="alert" className="field-error" data-form-alert="" tabIndex={-1}>
              {marked && <p>{t('esg.fix')}</p>}
              {general.map((message, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the messages of one answer, in order
                <p key={index}>{message}</p>
              ))}
              {requestFailed && <p>{t('status.error')}</p>}
            </div>
          )}
          <form ref={form} className="form esg-form" onSubmit={send} noValidate>
            {PILLARS.map((pillar) => (
              <section key={pillar} aria-labelledby={`${uid}-${pillar}`}>
                <h2 id={`${uid}-${pillar}`}>{t(`esg.pillar.${pillar}`)}</h2>
                {criteria
                  .filter((criterion) => criterion.pillar === pillar)
                  .map((criterion) => {
                    const levelErrors = errorsFor(criterion.code, 'level');
                    const evidenceErrors = errorsFor(criterion.code, 'evidenceUrl');
                    const commentErrors = errorsFor(criterion.code, 'comment');
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
                                aria-invalid={levelErrors.length > 0 ? true : undefined}
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
                          defaultValue={previousAnswer.get(criterion.code)?.evidenceUrl ?? ''}
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
                          defaultValue={previousAnswer.get(criterion.code)?.comment ?? ''}
                          aria-invalid={commentErrors.length > 0 ? true : undefined}
                          aria-describedby={
                            commentErrors.length > 0 ? `${uid}-${criterion.code}-comment-error` : undefined
                          }
                        />
                        <FieldError id={`${uid}-${criterion.code}-comment-error`} messages={commentErrors} />
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
