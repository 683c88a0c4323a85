import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { messagesFor, type UserErrorLike } from '../../components/ui/FieldErrors.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from '../session/useSession.ts';
import { SocialClausesFieldset, useContractOptions } from './ContractOptions.tsx';

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

const CreateMutation = graphql(`
  mutation TendersPage_Create($input: TenderInput!) {
    createTender(input: $input) {
      tender {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);

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
  const [errors, setErrors] = useState<UserErrorLike[]>([]);

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
        budget: text('budget') ? Number(text('budget').replace(/\./g, '').replace(',', '.')) : null,
      },
    });
    const payload = response.data?.createTender;
    if (payload?.tender) navigate(`/licitacions/${payload.tender.id}`);
    else setErrors(payload?.userErrors ?? [{ field: null, message: t('status.error') }]);
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
      <form className="form profile-form" onSubmit={submit} noValidate>
        <TextField
          id={`${uid}-title-input`}
          name="title"
          label={t('tender.name')}
          required
          errors={messagesFor(errors, 'input.title')}
        />
        <div className="form__field">
          <label htmlFor={`${uid}-description`}>{t('tender.description')}</label>
          <textarea id={`${uid}-description`} name="description" rows={3} />
        </div>
        <TextField id={`${uid}-reference`} name="reference" label={t('shortlist.tenderReference')} />
        <TextField
          id={`${uid}-cpv`}
          name="cpvCodes"
          label={t('tender.cpvCodes')}
          hint="90910000-9, 77310000-6"
          errors={messagesFor(errors, 'input.cpvCodes')}
        />
        <TextField
          id={`${uid}-budget`}
          name="budget"
          label={t('tender.budget')}
          inputMode="decimal"
          errors={messagesFor(errors, 'input.budget')}
        />
        <fieldset>
          <legend>{t('tender.districts')}</legend>
          <div className="checkbox-grid">
            {options?.districts.map((district) => (
              <label key={district.code} className="checkbox">
                <input type="checkbox" name="districts" value={district.code} />
                {district.name}
              </label>
            ))}
          </div>
        </fieldset>
        <SocialClausesFieldset clauses={options?.socialClauses} />
        <label className="checkbox">
          <input type="checkbox" name="reserved" />
          {t('tender.reserved')}
        </label>
        <button type="submit">{t('tender.find')}</button>
      </form>
    </section>
  );
}
