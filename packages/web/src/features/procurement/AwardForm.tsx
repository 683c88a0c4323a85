import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { DateField, readDate } from '../../components/ui/DateField.tsx';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { NumberField, readNumber } from '../../components/ui/NumberField.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useLocaleTag } from '../../lib/format-locale.ts';
import { type EnumOf, everyValue, graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { ContractFieldset, useContractOptions } from './ContractOptions.tsx';
import './procurement.css';

const RecordMutation = graphql(
  `
  mutation AwardForm_Record($input: ContractAwardInput!) {
    recordContractAward(input: $input) {
      award {
        id
        supplierIsEss
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

type ProcurementMethod = EnumOf<'ProcurementMethod'>;

const METHODS = everyValue<ProcurementMethod>()(['OPEN', 'SELECTIVE', 'LIMITED', 'DIRECT']);

/** The fields of the form, as the API names them. */
const FIELDS = [
  'input.title',
  'input.reference',
  'input.supplierName',
  'input.supplierTaxId',
  'input.amount',
  'input.cpvCode',
  'input.awardedOn',
  'input.procurementMethod',
  'input.district',
  'input.socialClauses',
] as const;
type Field = (typeof FIELDS)[number];
/** The fields that are text inputs, by their form name. */
type TextFieldName =
  Exclude<
    Field,
    'input.procurementMethod' | 'input.district' | 'input.socialClauses' | 'input.amount' | 'input.awardedOn'
  > extends `input.${infer Name}`
    ? Name
    : never;

/** Officers and staff record an awarded contract; the supplier is found in the directory by its tax ID. */
export function AwardForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useI18n();
  const uid = useId();
  const options = useContractOptions();
  const [, record] = useMutation(RecordMutation);
  const { at, alert, answered, show } = useFormErrors(FIELDS);
  const tag = useLocaleTag();
  const [announcement, setAnnouncement] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // The amount and the date as the interface language writes them. What the API's types cannot
    // carry (no number, a number that could be read two ways, no date) is said before sending.
    const amount = readNumber(form, 'amount', 'input.amount', tag, { required: true });
    const awardedOn = readDate(form, 'awardedOn', 'input.awardedOn', tag, { required: true });
    const unsendable = [amount.error, awardedOn.error].filter((error) => error !== null);
    if (unsendable.length > 0 || amount.value === null || awardedOn.value === null) {
      show(unsendable);
      setAnnouncement('');
      return;
    }
    const response = await record({
      input: {
        title: text('title'),
        reference: text('reference'),
        supplierName: text('supplierName'),
        supplierTaxId: text('supplierTaxId'),
        amount: amount.value,
        cpvCode: text('cpvCode'),
        awardedOn: awardedOn.value,
        procurementMethod: text('procurementMethod') as ProcurementMethod,
        reserved: form.get('reserved') === 'on',
        district: text('district') || null,
        socialClauses: form.getAll('socialClauses').map(String),
      },
    });
    const payload = response.data?.recordContractAward;
    answered(payload);
    if (!payload?.award) {
      setAnnouncement('');
      return;
    }
    formElement.reset();
    setAnnouncement(payload.award.supplierIsEss ? t('award.recordedEss') : t('award.recorded'));
    onRecorded();
  };

  const field = (name: TextFieldName, label: string, props: Record<string, unknown> = {}) => (
    <TextField id={`${uid}-${name}`} name={name} label={label} errors={at(`input.${name}`)} {...props} />
  );
  const selectErrors = (id: string, field: Field) => {
    const messages = at(field);
    return {
      select: {
        'aria-invalid': messages.length > 0,
        'aria-describedby': messages.length > 0 ? `${id}-error` : undefined,
      },
      error: <FieldError id={`${id}-error`} messages={messages} />,
    };
  };
  const method = selectErrors(`${uid}-method`, 'input.procurementMethod');
  const district = selectErrors(`${uid}-district`, 'input.district');

  return (
    <section aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>{t('award.title')}</h2>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      <FormAlert id={`${uid}-problem`} message={alert} />
      <form
        className="form profile-form"
        onSubmit={submit}
        noValidate
        aria-describedby={alert ? `${uid}-problem` : undefined}
      >
        {field('title', t('award.contract'), { required: true })}
        {field('reference', t('shortlist.tenderReference'), { required: true })}
        {field('supplierName', t('award.supplierName'), { required: true })}
        {field('supplierTaxId', t('award.supplierTaxId'), { required: true, hint: t('award.supplierHint') })}
        <NumberField
          id={`${uid}-amount`}
          name="amount"
          label={t('award.amount')}
          required
          errors={at('input.amount')}
        />
        {field('cpvCode', t('award.cpvCode'), { required: true, hint: '90910000-9' })}
        <DateField
          id={`${uid}-awardedOn`}
          name="awardedOn"
          label={t('award.awardedOn')}
          required
          errors={at('input.awardedOn')}
        />
        <div className="form__field">
          <label htmlFor={`${uid}-method`}>{t('award.method')}</label>
          <select id={`${uid}-method`} name="procurementMethod" defaultValue="OPEN" {...method.select}>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`award.method.${method}`)}
              </option>
            ))}
          </select>
          {method.error}
        </div>
        <div className="form__field">
          <label htmlFor={`${uid}-district`}>{t('tender.districts')}</label>
          <select id={`${uid}-district`} name="district" defaultValue="" {...district.select}>
            <option value="">{t('award.wholeCity')}</option>
            {options?.districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </select>
          {district.error}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="reserved" />
          {t('tender.reserved')}
        </label>
        <ContractFieldset
          id={`${uid}-clauses`}
          legend={t('tender.socialClauses')}
          name="socialClauses"
          options={options?.socialClauses}
          errors={at('input.socialClauses')}
        />
        <button type="submit">{t('award.record')}</button>
      </form>
    </section>
  );
}
