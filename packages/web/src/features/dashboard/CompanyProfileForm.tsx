import { type FormEvent, type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { LOCALES, type Locale, useI18n } from '../../lib/i18n/i18n.tsx';
import { focusFirstError } from '../../lib/useFormErrors.ts';
import {
  errorMessage,
  errorsElsewhere,
  type FormError,
  messagesFor,
  UserErrorFields,
} from '../../lib/user-errors.ts';

const OptionsQuery = graphql(`
  query CompanyProfileForm_Options($locale: Locale) {
    sectors {
      code
      name(locale: $locale)
    }
    legalForms {
      code
      name(locale: $locale)
    }
    certifications {
      code
      name(locale: $locale)
    }
    socialClauses {
      code
      name(locale: $locale)
      description(locale: $locale)
    }
    districts {
      code
      name
      neighbourhoods {
        code
        name
      }
    }
  }
`);

/** Proposes a new company; the form's input type comes from it. */
export const CreateCompanyProfileMutation = graphql(
  `
  mutation CompanyProfileForm_Create($input: CompanyProfileInput!) {
    createCompanyProfile(input: $input) {
      company {
        id
        status
      }
      claim {
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

export type CompanyProfileInput = VariablesOf<typeof CreateCompanyProfileMutation>['input'];

/**
 * The input fields this form shows errors at (an error under one, such as `input.address.lat`
 * under the location, shows there). An error about anything else (the whole proposal, the company,
 * a rate limit, a field the form does not edit) is announced above the form.
 */
const SHOWN_AT = {
  name: 'input.name',
  taxId: 'input.taxId',
  legalForm: 'input.legalForm',
  sectors: 'input.sectors',
  cpvCodes: 'input.cpvCodes',
  employees: 'input.employees',
  foundedYear: 'input.foundedYear',
  street: 'input.address.street',
  postalCode: 'input.address.postalCode',
  city: 'input.address.city',
  website: 'input.website',
  email: 'input.email',
  phone: 'input.phone',
  certifications: 'input.certifications',
  socialClauses: 'input.socialClauses',
} as const;

/** Where the neighbourhood is chosen: the district and the location follow from it, so their errors show there. */
const LOCATION_FIELDS = [
  'input.address.neighbourhoodCode',
  'input.address.districtCode',
  'input.address.lat',
  'input.address.lng',
] as const;

/** A description in every language, in the order of the language switcher. */
const DESCRIPTION_LOCALES = LOCALES.map((entry) => entry.code);

const DESCRIPTION_FIELDS = DESCRIPTION_LOCALES.map((code) => `input.descriptions.${code}`);

const FIELD_PATHS: readonly string[] = [
  ...Object.values(SHOWN_AT),
  ...LOCATION_FIELDS,
  ...DESCRIPTION_FIELDS,
];

/**
 * The address as sent, with what the form does not show of the current one (its district and exact
 * location) kept while the reader leaves the place alone: the location while the street, postal
 * code, city and neighbourhood are unchanged, the district while the neighbourhood is. Without
 * them, an edit elsewhere would propose clearing them.
 */
export function keptPlace(
  current: CompanyProfileInput['address'] | undefined,
  sent: NonNullable<CompanyProfileInput['address']>,
): NonNullable<CompanyProfileInput['address']> {
  if (!current) return sent;
  const sameNeighbourhood = (current.neighbourhoodCode ?? null) === (sent.neighbourhoodCode ?? null);
  const sameAddress =
    sameNeighbourhood &&
    current.street === sent.street &&
    current.postalCode === sent.postalCode &&
    current.city === sent.city;
  return {
    ...sent,
    ...(sameNeighbourhood && current.districtCode ? { districtCode: current.districtCode } : {}),
    ...(sameAddress && current.lat != null && current.lng != null
      ? { lat: current.lat, lng: current.lng }
      : {}),
  };
}

/**
 * What the owner of a CompanyProfileForm keeps: busy while a profile is on its way, then the
 * answer's errors. `submit` sends with `send` and resolves to the payload when `accepted` says the
 * profile was taken, or to null (its errors, or the failed request, then show in the form).
 */
export function useCompanyProfileSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly FormError[]>([]);
  const [requestFailed, setRequestFailed] = useState(false);
  const submit = async <Payload extends { userErrors: readonly FormError[] }>(
    send: () => Promise<Payload | null | undefined>,
    accepted: (payload: Payload) => boolean,
  ): Promise<Payload | null> => {
    setBusy(true);
    const payload = await send();
    setBusy(false);
    setRequestFailed(!payload);
    if (!payload || !accepted(payload)) {
      setErrors(payload?.userErrors ?? []);
      return null;
    }
    setErrors([]);
    return payload;
  };
  return { formState: { busy, errors, requestFailed }, submit };
}

/**
 * The company's profile as a form, with descriptions in Catalan, Spanish and English. Errors come
 * from the API as reasons, each shown in the interface language under the field it names; nothing
 * is saved until the whole profile is valid.
 */
export function CompanyProfileForm({
  onSubmit,
  errors,
  requestFailed = false,
  busy,
  submitLabel,
  initial,
}: {
  onSubmit: (input: CompanyProfileInput) => void;
  errors: readonly FormError[];
  /** The request itself failed (no answer): nothing is known about the fields. */
  requestFailed?: boolean;
  busy: boolean;
  submitLabel: string;
  /** The current profile, when editing one. */
  initial?: CompanyProfileInput;
}) {
  const { t, locale } = useI18n();
  const at = (path: string) => messagesFor(errors, path, locale);
  const described = (messages: readonly string[], id: string) => ({
    'aria-invalid': messages.length > 0,
    'aria-describedby': messages.length > 0 ? id : undefined,
  });
  const uid = useId();
  const [options] = useQuery({ query: OptionsQuery, variables: { locale } });
  const [sectors, setSectors] = useState<string[]>(initial?.sectors ?? []);
  const formRef = useRef<HTMLFormElement>(null);
  // An answer with errors (a new list each time) or a failed request: focus to the first field
  // marked, or to the alert when no field shows one.
  useEffect(() => {
    if ((errors.length > 0 || requestFailed) && formRef.current) focusFirstError(formRef.current);
  }, [errors, requestFailed]);
  const initialText = (name: string): string => {
    if (!initial) return '';
    const address = initial.address;
    const values: Record<string, unknown> = {
      name: initial.name,
      taxId: initial.taxId,
      cpvCodes: (initial.cpvCodes ?? []).join(', '),
      employees: initial.employees,
      foundedYear: initial.foundedYear,
      street: address?.street,
      postalCode: address?.postalCode,
      city: address?.city,
      website: initial.website,
      email: initial.email,
      phone: initial.phone,
    };
    const value = values[name];
    return value === null || value === undefined ? '' : String(value);
  };
  const initialDescription = (code: Locale) =>
    initial?.descriptions?.find((d) => d.locale === code)?.text ?? '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const number = (name: string) => (text(name) ? Number(text(name)) : null);
    const street = text('street');
    const address = street
      ? {
          street,
          postalCode: text('postalCode'),
          city: text('city') || 'Barcelona',
          neighbourhoodCode: text('neighbourhoodCode') || null,
        }
      : null;
    onSubmit({
      // What the form does not show is kept as it is, so that it is not proposed as a change.
      legalName: initial?.legalName ?? null,
      name: text('name'),
      taxId: text('taxId'),
      legalForm: text('legalForm'),
      sectors,
      cpvCodes: text('cpvCodes')
        .split(/[\s,;]+/)
        .filter(Boolean),
      address: address && keptPlace(initial?.address, address),
      website: text('website') || null,
      email: text('email') || null,
      phone: text('phone') || null,
      employees: number('employees'),
      foundedYear: number('foundedYear'),
      descriptions: DESCRIPTION_LOCALES.map((code) => ({
        locale: code,
        text: text(`description${code}`),
      })).filter((d) => d.text),
      certifications: form.getAll('certifications').map(String),
      socialClauses: form.getAll('socialClauses').map(String),
      insertionCompany: form.get('insertionCompany') === 'on',
      specialEmploymentCentre: form.get('specialEmploymentCentre') === 'on',
    });
  };

  const field = (
    name: keyof typeof SHOWN_AT,
    label: string,
    props: InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <TextField
      id={`${uid}-${name}`}
      name={name}
      label={label}
      errors={at(SHOWN_AT[name])}
      {...props}
      defaultValue={initialText(name) || props.defaultValue}
    />
  );

  const elsewhere = errorsElsewhere(errors, FIELD_PATHS);
  const alert = requestFailed
    ? t('status.error')
    : [
        ...elsewhere.map((error) => errorMessage(error, locale)),
        ...(errors.length > elsewhere.length ? [t('form.fix')] : []),
      ].join(' ');
  const legalFormErrors = at(SHOWN_AT.legalForm);
  const sectorErrors = at(SHOWN_AT.sectors);
  const locationErrors = LOCATION_FIELDS.flatMap((path) => at(path));
  const certificationErrors = at(SHOWN_AT.certifications);
  const clauseErrors = at(SHOWN_AT.socialClauses);

  // Selects and check boxes take their initial values once: render them when their options exist.
  if (!options.data) {
    return (
      <p role="status" aria-live="polite">
        {t('status.loading')}
      </p>
    );
  }

  return (
    <form ref={formRef} className="form profile-form" onSubmit={submit} noValidate>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{t('profile.identity')}</legend>
        {field('name', t('profile.name'), { required: true })}
        {field('taxId', t('company.taxId'), { required: true })}
        <div className="form__field">
          <label htmlFor={`${uid}-legalForm`}>{t('companies.legalForm')}</label>
          <select
            id={`${uid}-legalForm`}
            name="legalForm"
            required
            defaultValue={initial?.legalForm ?? ''}
            {...described(legalFormErrors, `${uid}-legalForm-error`)}
          >
            {/* A new profile starts with none chosen, rather than whichever comes first. */}
            {!initial && <option value="">—</option>}
            {options.data?.legalForms.map((form) => (
              <option key={form.code} value={form.code}>
                {form.name}
              </option>
            ))}
          </select>
          <FieldError id={`${uid}-legalForm-error`} messages={legalFormErrors} />
        </div>
      </fieldset>
      <fieldset aria-describedby={sectorErrors.length ? `${uid}-sectors-error` : undefined}>
        <legend>{t('company.sectors')}</legend>
        <div className="checkbox-grid">
          {options.data?.sectors.map((sector) => (
            <label key={sector.code} className="checkbox">
              <input
                type="checkbox"
                checked={sectors.includes(sector.code)}
                onChange={(event) =>
                  setSectors(
                    event.target.checked
                      ? [...sectors, sector.code]
                      : sectors.filter((s) => s !== sector.code),
                  )
                }
              />
              {sector.name}
            </label>
          ))}
        </div>
        <FieldError id={`${uid}-sectors-error`} messages={sectorErrors} />
      </fieldset>
      <fieldset>
        <legend>{t('profile.activity')}</legend>
        {field('cpvCodes', t('profile.cpvCodes'), { placeholder: '90910000-9, 90911200-8' })}
        {field('employees', t('company.employees'), { type: 'number', min: 0, inputMode: 'numeric' })}
        {field('foundedYear', t('company.foundedYear'), { type: 'number', min: 1800, inputMode: 'numeric' })}
        {DESCRIPTION_LOCALES.map((code) => {
          const messages = at(`input.descriptions.${code}`);
          return (
            <div className="form__field" key={code}>
              <label htmlFor={`${uid}-description${code}`}>{t(`profile.description.${code}`)}</label>
              <textarea
                id={`${uid}-description${code}`}
                name={`description${code}`}
                rows={3}
                defaultValue={initialDescription(code)}
                aria-invalid={messages.length > 0}
                aria-describedby={messages.length > 0 ? `${uid}-description${code}-error` : undefined}
              />
              <FieldError id={`${uid}-description${code}-error`} messages={messages} />
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('company.where')}</legend>
        {field('street', t('profile.street'), { autoComplete: 'street-address' })}
        {field('postalCode', t('profile.postalCode'), { inputMode: 'numeric' })}
        {field('city', t('profile.city'), { defaultValue: 'Barcelona' })}
        <p className="hint">{t('profile.locationHint')}</p>
        <div className="form__field">
          <label htmlFor={`${uid}-neighbourhoodCode`}>{t('company.neighbourhood')}</label>
          <select
            id={`${uid}-neighbourhoodCode`}
            name="neighbourhoodCode"
            defaultValue={initial?.address?.neighbourhoodCode ?? ''}
            {...described(locationErrors, `${uid}-location-error`)}
          >
            <option value="">—</option>
            {options.data?.districts.map((district) => (
              <optgroup key={district.code} label={district.name}>
                {district.neighbourhoods.map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id={`${uid}-location-error`} messages={locationErrors} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('profile.contact')}</legend>
        {field('website', t('company.website'), { type: 'url', inputMode: 'url' })}
        {field('email', t('company.email'), { type: 'email' })}
        {field('phone', t('company.phone'), { type: 'tel' })}
      </fieldset>
      <fieldset aria-describedby={certificationErrors.length ? `${uid}-certifications-error` : undefined}>
        <legend>{t('profile.registrations')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            name="insertionCompany"
            defaultChecked={initial?.insertionCompany ?? false}
          />
          {t('company.insertionCompany')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="specialEmploymentCentre"
            defaultChecked={initial?.specialEmploymentCentre ?? false}
          />
          {t('company.specialEmploymentCentre')}
        </label>
        <div className="checkbox-grid">
          {options.data?.certifications.map((certification) => (
            <label key={certification.code} className="checkbox">
              <input
                type="checkbox"
                name="certifications"
                value={certification.code}
                defaultChecked={initial?.certifications?.includes(certification.code) ?? false}
              />
              {certification.name}
            </label>
          ))}
        </div>
        <FieldError id={`${uid}-certifications-error`} messages={certificationErrors} />
      </fieldset>
      <fieldset aria-describedby={clauseErrors.length ? `${uid}-socialClauses-error` : undefined}>
        <legend>{t('company.socialClauses')}</legend>
        <p className="hint">{t('profile.socialClausesHint')}</p>
        <div className="checkbox-grid">
          {options.data?.socialClauses.map((clause) => (
            <label key={clause.code} className="checkbox" title={clause.description}>
              <input
                type="checkbox"
                name="socialClauses"
                value={clause.code}
                defaultChecked={initial?.socialClauses?.includes(clause.code) ?? false}
              />
              {clause.name}
            </label>
          ))}
        </div>
        <FieldError id={`${uid}-socialClauses-error`} messages={clauseErrors} />
      </fieldset>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
