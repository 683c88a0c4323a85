import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { messagesFor, type UserErrorLike } from '../../components/ui/FieldErrors.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { SocialClausesFieldset, useContractOptions } from './ContractOptions.tsx';

const RecordMutation = graphql(`
  mutation AwardForm_Record($input: ContractAwardInput!) {
    recordContractAward(input: $input) {
      award {
        id
        supplierIsEss
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const METHODS = ['OPEN', 'SELECTIVE', 'LIMITED', 'DIRECT'] as const;

/** Officers and staff record an awarded contract; the supplier is found in the directory by its tax ID. */
export function AwardForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useI18n();
  const uid = useId();
  const options = useContractOptions();
  const [, record] = useMutation(RecordMutation);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [announcement, setAnnouncement] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const response = await record({
      input: {
        title: text('title'),
        reference: text('reference'),
        supplierName: text('supplierName'),
        supplierTaxId: text('supplierTaxId'),
        amount: Number(text('amount').replace(/\./g, '').replace(',', '.')),
        cpvCode: text('cpvCode'),
        awardedOn: text('awardedOn'),
        procurementMethod: text('procurementMethod') as (typeof METHODS)[number],
        reserved: form.get('reserved') === 'on',
        district: text('district') || null,
        socialClauses: form.getAll('socialClauses').map(String),
      },
    });
    const payload = response.data?.recordContractAward;
    if (!payload?.award) {
      setErrors(payload?.userErrors ?? [{ field: null, message: t('status.error') }]);
      setAnnouncement('');
      return;
    }
    setErrors([]);
    formElement.reset();
    setAnnouncement(payload.award.supplierIsEss ? t('award.recordedEss') : t('award.recorded'));
    onRecorded();
  };

  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      id={`${uid}-${name}`}
      name={name}
      label={label}
      errors={messagesFor(errors, `input.${name}`)}
      {...props}
    />
  );

  return (
    <section aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>{t('award.title')}</h2>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <form className="form profile-form" onSubmit={submit} noValidate>
        {field('title', t('award.contract'), { required: true })}
        {field('reference', t('shortlist.tenderReference'), { required: true })}
        {field('supplierName', t('award.supplierName'), { required: true })}
        {field('supplierTaxId', t('award.supplierTaxId'), { required: true, hint: t('award.supplierHint') })}
        {field('amount', t('award.amount'), { required: true, inputMode: 'decimal' })}
        {field('cpvCode', t('award.cpvCode'), { required: true, hint: '90910000-9' })}
        {field('awardedOn', t('award.awardedOn'), { required: true, type: 'date' })}
        <div className="form__field">
          <label htmlFor={`${uid}-method`}>{t('award.method')}</label>
          <select id={`${uid}-method`} name="procurementMethod" defaultValue="OPEN">
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`award.method.${method}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${uid}-district`}>{t('tender.districts')}</label>
          <select id={`${uid}-district`} name="district" defaultValue="">
            <option value="">{t('award.wholeCity')}</option>
            {options?.districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="reserved" />
          {t('tender.reserved')}
        </label>
        <SocialClausesFieldset clauses={options?.socialClauses} />
        <button type="submit">{t('award.record')}</button>
      </form>
    </section>
  );
}
