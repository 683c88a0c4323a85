import { type FormEvent, useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { NumberField, readNumber } from '../../components/ui/NumberField.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useLocaleTag } from '../../lib/format-locale.ts';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { useSession } from '../session/useSession.ts';
import { ContractFieldset, useContractOptions } from './ContractOptions.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import './procurement.css';

const FIELDS = [
  'input.title',
  'input.description',
  'input.reference',
  'input.cpvCodes',
  'input.budget',
  'input.districts',
  'input.socialClauses',
] as const;

export const TendersQuery = graphql(`
  query TendersPage_Mine {
    myTenders(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          reference
          createdAt
        }
      }
    }
  }
`);

const CreateMutation = graphql(
  `
  mutation TendersPage_Create($input: TenderInput!) {
    createTender(input: $input) {
      tender {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const TENDER_TYPES = { additionalTypenames: ['Tender', 'TenderInvitation'] };

/** An officer's tenders, and a new need to match suppliers against. */
export function TendersPage() {
  const { t } = useI18n();
  const { isProcurement } = useSession();
  const navigate = useNavigate();
  const uid = useId();
  const [list] = useQuery({ query: TendersQuery, pause: !isProcurement, context: TENDER_TYPES });
  const options = useContractOptions();
  const [, create] = useMutation(CreateMutation);
  const { at, alert, answered, show } = useFormErrors(FIELDS);
  const tag = useLocaleTag();

  if (!isProcurement) {
    return (
      <section>
        <h1>{t('tender.title')}</h1>
        <p>{t('shortlist.onlyOfficers')}</p>
      </section>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // The budget as the interface language writes it; what is no number, or could be read two
    // ways, is said at the field and nothing is sent.
    const { value: budget, error } = readNumber(form, 'budget', 'input.budget', tag);
    if (error) {
      show([error]);
      return;
    }
    const response = await create({
      input: {
        title: text('title'),
        description: text('description') || null,
        reference: text('reference') || null,
        cpvCodes: text('cpvCodes')
          .split(/[,\s]+/)
          .filter(Boolean),
        districts: form.getAll('districts').map(String),
        socialClauses: form.getAll('socialClauses').map(String),
        reserved: form.get('reserved') === 'on',
        budget,
      },
    });
    const payload = response.data?.createTender;
    answered(payload);
    if (payload?.tender) navigate(`/licitacions/${payload.tender.id}`);
  };

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('tender.title')}</h1>
      <p>{t('tender.intro')}</p>
      <QueryState fetching={list.fetching && !list.data} error={list.error}>
        <ul className="plain-list">
          {list.data?.myTenders.edges.map(({ node }) => (
            <li key={node.id}>
              <Link to={`/licitacions/${node.id}`}>{node.title}</Link>
              {node.reference ? ` (${node.reference})` : ''}
            </li>
          ))}
        </ul>
      </QueryState>
      <h2>{t('tender.new')}</h2>
      <FormAlert id={`${uid}-problem`} message={alert} />
      <form
        className="form profile-form"
        onSubmit={submit}
        noValidate
        aria-describedby={alert ? `${uid}-problem` : undefined}
      >
        <TextField
          id={`${uid}-title-input`}
          name="title"
          label={t('tender.name')}
          required
          errors={at('input.title')}
        />
        <TextAreaField
          id={`${uid}-description`}
          name="description"
          label={t('tender.description')}
          rows={3}
          errors={at('input.description')}
        />
        <TextField
          id={`${uid}-reference`}
          name="reference"
          label={t('shortlist.tenderReference')}
          errors={at('input.reference')}
        />
        <TextField
          id={`${uid}-cpv`}
          name="cpvCodes"
          label={t('tender.cpvCodes')}
          hint="90910000-9, 77310000-6"
          errors={at('input.cpvCodes')}
        />
        <NumberField
          id={`${uid}-budget`}
          name="budget"
          label={t('tender.budget')}
          errors={at('input.budget')}
        />
        <ContractFieldset
          id={`${uid}-districts`}
          legend={t('tender.districts')}
          name="districts"
          options={options?.districts}
          errors={at('input.districts')}
        />
        <ContractFieldset
          id={`${uid}-clauses`}
          legend={t('tender.socialClauses')}
          name="socialClauses"
          options={options?.socialClauses}
          errors={at('input.socialClauses')}
        />
        <label className="checkbox">
          <input type="checkbox" name="reserved" />
          {t('tender.reserved')}
        </label>
        <button type="submit">{t('tender.find')}</button>
      </form>
    </section>
  );
}
