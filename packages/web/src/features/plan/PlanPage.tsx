import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ProgressBar, ProgressFields } from '../../components/ui/ProgressBar.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { StatusBadge } from '../../components/ui/StatusBadge.tsx';
import { graphql } from '../../lib/graphql.ts';
import { Lang, useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from '../session/useSession.ts';
import { MeasureStatusEditor } from './MeasureStatusEditor.tsx';
import './plan.css';

const PlanQuery = graphql(
  `
  query PlanPage_WorkPlan($locale: Locale) {
    currentWorkPlan {
      year
      title(locale: $locale)
      mission(locale: $locale)
      author
      progress {
        ...ProgressFields
      }
      axes {
        code
        title(locale: $locale)
        progress {
          ...ProgressFields
        }
        objectives {
          code
          title(locale: $locale)
          progress {
            ...ProgressFields
          }
          highlightedActions {
            position
            title(locale: $locale)
          }
          measures {
            id
            code
            title(locale: $locale)
            status
            districts {
              code
              name
            }
            actions {
              position
              title(locale: $locale)
              depth
            }
          }
        }
      }
    }
  }
`,
  [ProgressFields],
);

/** The latest work plan as a navigable tree, with its execution; staff update statuses in place. */
export function PlanPage() {
  const { t, locale } = useI18n();
  const { isStaff } = useSession();
  const [result, refetch] = useQuery({ query: PlanQuery, variables: { locale } });
  const plan = result.data?.currentWorkPlan;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {!plan ? (
        <p>{t('plan.none')}</p>
      ) : (
        <article aria-labelledby="plan-title" className="plan">
          <h1 id="plan-title">{plan.title}</h1>
          {/* The author is the body's own name, in Catalan only (the API has no other). */}
          <Lang locale="CA" as="p" className="lead">
            {plan.author}
          </Lang>
          <h2>{t('plan.mission')}</h2>
          <p>{plan.mission}</p>
          <ProgressBar label={`${t('plan.executionOf')} ${plan.title}`} {...plan.progress} />
          <nav aria-label={t('plan.title')} className="plan__toc">
            <ul>
              {plan.axes.map((axis) => (
                <li key={axis.code}>
                  <a href={`#eix-${axis.code}`}>
                    {t('plan.axis')} {axis.code}. {axis.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {plan.axes.map((axis) => (
            <section
              key={axis.code}
              id={`eix-${axis.code}`}
              aria-labelledby={`eix-${axis.code}-title`}
              className="plan__axis"
            >
              <h2 id={`eix-${axis.code}-title`}>
                {t('plan.axis')} {axis.code}. {axis.title}
              </h2>
              <ProgressBar
                label={`${t('plan.executionOf')} ${t('plan.axis')} ${axis.code}`}
                {...axis.progress}
              />
              {axis.objectives.map((objective) => (
                <section
                  key={objective.code}
                  aria-labelledby={`objectiu-${objective.code}`}
                  className="plan__objective"
                >
                  <h3 id={`objectiu-${objective.code}`}>
                    {t('plan.objective')} {objective.code}. {objective.title}
                  </h3>
                  <ProgressBar
                    label={`${t('plan.executionOf')} ${t('plan.objective')} ${objective.code}`}
                    {...objective.progress}
                  />
                  <h4>{t('plan.measures')}</h4>
                  <ol className="plan__measures">
                    {objective.measures.map((measure) => (
                      <li key={measure.code} className="measure">
                        <div className="measure__head">
                          <span className="measure__code">{measure.code}</span>
                          <span className="measure__title">{measure.title}</span>
                          <StatusBadge status={measure.status} />
                        </div>
                        {measure.districts.length > 0 && (
                          <p className="measure__districts">
                            {t('plan.districts')}:{' '}
                            {measure.districts.map((district, index) => (
                              <span key={district.code}>
                                {index > 0 && ', '}
                                <Link to={`/districtes/${district.code}`}>{district.name}</Link>
                              </span>
                            ))}
                          </p>
                        )}
                        {measure.actions.length > 0 && (
                          <details>
                            <summary>
                              {t('plan.actions')} ({measure.actions.length})
                            </summary>
                            <ul>
                              {measure.actions.map((action) => (
                                // Actions are not translated yet (plan-translations.ts): their Catalan.
                                <Lang
                                  locale="CA"
                                  as="li"
                                  key={action.position}
                                  className={action.depth > 0 ? 'sub' : undefined}
                                >
                                  {action.title}
                                </Lang>
                              ))}
                            </ul>
                          </details>
                        )}
                        {isStaff && (
                          <MeasureStatusEditor
                            year={plan.year}
                            code={measure.code}
                            status={measure.status}
                            onSaved={reload}
                          />
                        )}
                      </li>
                    ))}
                  </ol>
                  {objective.highlightedActions.length > 0 && (
                    <>
                      <h4>{t('plan.highlights')}</h4>
                      <ul>
                        {objective.highlightedActions.map((action) => (
                          <Lang locale="CA" as="li" key={action.position}>
                            {action.title}
                          </Lang>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ))}
            </section>
          ))}
        </article>
      )}
    </QueryState>
  );
}
