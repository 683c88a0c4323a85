import { type ReactNode, useId, useRef, useState } from 'react';
import type { graphql } from '../../lib/graphql.ts';

/** The schema's ReviewDecision. */
export type ReviewDecision = ReturnType<typeof graphql.scalar<'ReviewDecision'>>;

/**
 * One item waiting for staff review: what was submitted (the children), a reason, and approve or
 * reject. Both review screens, revisions and ESG self-assessments, use it.
 */
export function ReviewPanel({
  title,
  subject,
  reasonLabel,
  approveLabel,
  rejectLabel,
  onDecide,
  children,
}: {
  title: ReactNode;
  /** What is being reviewed, said after each button's label so that every button names its item. */
  subject: string;
  reasonLabel: string;
  approveLabel: string;
  rejectLabel: string;
  /** Records the decision; resolves to the problem to show, or to null once it is recorded. */
  onDecide: (decision: ReviewDecision, reason: string | null) => Promise<string | null>;
  children: ReactNode;
}) {
  const uid = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A second click while the first decision is on its way would send it twice.
  const pending = useRef(false);

  const decide = async (decision: ReviewDecision) => {
    if (pending.current) return;
    pending.current = true;
    try {
      setProblem(await onDecide(decision, reason || null));
    } finally {
      pending.current = false;
    }
  };

  return (
    <article className="review" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{title}</h2>
      {children}
      <div className="form__field">
        <label htmlFor={`${uid}-reason`}>{reasonLabel}</label>
        <textarea
          id={`${uid}-reason`}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={problem ? `${uid}-problem` : undefined}
        />
        {problem && (
          <p id={`${uid}-problem`} role="alert" className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="review__actions">
        <button type="button" onClick={() => void decide('APPROVE')}>
          {approveLabel} <span className="visually-hidden">{subject}</span>
        </button>
        <button type="button" onClick={() => void decide('REJECT')}>
          {rejectLabel} <span className="visually-hidden">{subject}</span>
        </button>
      </div>
    </article>
  );
}
