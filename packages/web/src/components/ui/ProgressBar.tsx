import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

/** What ProgressBar shows of a Progress: select it wherever a bar is drawn. */
export const ProgressFields = graphql(`
  fragment ProgressFields on Progress @_unmask {
    executionRate
    measuresTotal
    measuresDone
  }
`);

/** Execution of part of the plan: a bar, and the same in words for everyone. */
export function ProgressBar({
  label,
  executionRate,
  measuresDone,
  measuresTotal,
}: {
  label: string;
  executionRate: number;
  measuresDone: number;
  measuresTotal: number;
}) {
  const { t, formatNumber } = useI18n();
  const percent = Math.round(executionRate * 100);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {formatNumber(percent)} % · {t('plan.measuresDoneOf', { done: measuresDone, total: measuresTotal })}
      </span>
    </div>
  );
}
