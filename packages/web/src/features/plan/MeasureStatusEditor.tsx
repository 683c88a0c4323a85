import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import type { MeasureStatus } from '../../components/ui/StatusBadge.tsx';
import { everyValue, graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { focusFirstError } from '../../lib/useFormErrors.ts';
import {
  errorMessage,
  errorsElsewhere,
  type FormError,
  messagesFor,
  UserErrorFields,
} from '../../lib/user-errors.ts';

const STATUSES = everyValue<MeasureStatus>()(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED']);

const SetStatusMutation = graphql(
  `
  mutation MeasureStatusEditor_SetStatus($input: SetMeasureStatusInput!) {
    setMeasureStatus(input: $input) {
      measure {
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

/** The fields of the form; errors about anything else (the measure, the account) show in its status. */
const FIELDS = ['input.status', 'input.comment'] as const;

type Outcome = { kind: 'saved' } | { kind: 'refused'; errors: FormError[] } | { kind: 'failed' };

/** Staff change a measure's status in place; the plan's progress follows. */
export function MeasureStatusEditor({
  year,
  code,
  status,
  onSaved,
}: {
  year: number;
  code: string;
  status: MeasureStatus;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [{ fetching }, setStatus] = useMutation(SetStatusMutation);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const result = await setStatus({
      input: {
        year,
        code,
        status: form.get('status') as MeasureStatus,
        comment: String(form.get('comment') ?? '') || null,
      },
    });
    const payload = result.data?.setMeasureStatus;
    if (!payload || payload.userErrors.length > 0) {
      setOutcome(payload ? { kind: 'refused', errors: payload.userErrors } : { kind: 'failed' });
      // Focus to the field refused once it is marked, else to the status that says why.
      requestAnimationFrame(() => {
        if (element.querySelector('[aria-invalid="true"]')) focusFirstError(element);
        else element.querySelector<HTMLElement>('[role="status"]')?.focus();
      });
    } else {
      setOutcome({ kind: 'saved' });
      onSaved();
    }
  };

  const errors = outcome?.kind === 'refused' ? outcome.errors : [];
  const statusErrors = messagesFor(errors, 'input.status', locale);
  const commentErrors = messagesFor(errors, 'input.comment', locale);
  const others = errorsElsewhere(errors, FIELDS).map((error) => errorMessage(error, locale));
  const message =
    outcome?.kind === 'saved'
      ? t('status.saved')
      : outcome?.kind === 'failed'
        ? t('status.error')
        : others.join(' ') || null;

  return (
    <form className="status-editor" onSubmit={submit} aria-label={`${t('status.change')} ${code}`}>
      <label htmlFor={`${id}-status`}>{t('status.new')}</label>
      <select
        id={`${id}-status`}
        name="status"
        defaultValue={status}
        aria-invalid={statusErrors.length > 0 ? true : undefined}
        aria-describedby={statusErrors.length > 0 ? `${id}-status-error` : undefined}
      >
        {STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-status-error`} messages={statusErrors} />
      <label htmlFor={`${id}-comment`}>{t('status.comment')}</label>
      <input
        id={`${id}-comment`}
        name="comment"
        maxLength={2000}
        aria-invalid={commentErrors.length > 0 ? true : undefined}
        aria-describedby={commentErrors.length > 0 ? `${id}-comment-error` : undefined}
      />
      <FieldError id={`${id}-comment-error`} messages={commentErrors} />
      <button type="submit" disabled={fetching}>
        {t('status.save')}
      </button>
      <span role="status" aria-live="polite" tabIndex={-1}>
        {message}
      </span>
    </form>
  );
}
