import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import type { MeasureStatus } from '../../components/ui/StatusBadge.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const STATUSES: MeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

const SetStatusMutation = graphql(`
  mutation MeasureStatusEditor_SetStatus($input: SetMeasureStatusInput!) {
    setMeasureStatus(input: $input) {
      measure {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

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
  const { t } = useI18n();
  const id = useId();
  const [{ fetching }, setStatus] = useMutation(SetStatusMutation);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await setStatus({
      input: {
        year,
        code,
        status: form.get('status') as MeasureStatus,
        comment: String(form.get('comment') ?? '') || null,
      },
    });
    const errors = result.data?.setMeasureStatus.userErrors ?? [];
    setMessage(errors.length > 0 ? errors.map((error) => error.message).join(' ') : t('status.saved'));
    if (errors.length === 0) onSaved();
  };

  return (
    <form className="status-editor" onSubmit={submit} aria-label={`${t('status.change')} ${code}`}>
      <label htmlFor={`${id}-status`}>{t('status.new')}</label>
      <select id={`${id}-status`} name="status" defaultValue={status}>
        {STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-comment`}>{t('status.comment')}</label>
      <input id={`${id}-comment`} name="comment" maxLength={2000} />
      <button type="submit" disabled={fetching}>
        {t('status.save')}
      </button>
      <span role="status" aria-live="polite">
        {message}
      </span>
    </form>
  );
}
