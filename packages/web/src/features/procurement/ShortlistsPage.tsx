import { type FormEvent, useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useFormats } from '../../lib/format-locale.ts';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { useSession } from '../session/useSession.ts';
import { CreateShortlistMutation, SHORTLIST_TYPES } from './SearchShortlist.tsx';
import './procurement.css';

const FIELDS = ['input.name', 'input.tenderReference', 'input.description'] as const;

const ListsQuery = graphql(`
  query ShortlistsPage_Lists {
    myShortlists(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          tenderReference
          updatedAt
          viewerAccess
          owner {
            email
          }
          entries(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

/** A procurement officer's shortlists (and those shared with them), and a new one. */
export function ShortlistsPage() {
  const { t } = useI18n();
  const { account, isProcurement } = useSession();
  const navigate = useNavigate();
  const [result] = useQuery({
    query: ListsQuery,
    pause: !isProcurement,
    requestPolicy: 'cache-and-network',
    context: SHORTLIST_TYPES,
  });
  const [, create] = useMutation(CreateShortlistMutation);
  const { at, alert, answered } = useFormErrors(FIELDS);
  const uid = useId();
  const formats = useFormats();

  if (!account) {
    return (
      <section>
        <h1>{t('shortlist.title')}</h1>
        <p>
          <Link to="/entrar">{t('nav.signIn')}</Link>
        </p>
      </section>
    );
  }
  if (!isProcurement) {
    return (
      <section>
        <h1>{t('shortlist.title')}</h1>
        <p>{t('shortlist.onlyOfficers')}</p>
      </section>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const response = await create({
      input: {
        name: String(form.get('name') ?? ''),
        tenderReference: text('tenderReference'),
        description: text('description'),
      },
    });
    const payload = response.data?.createShortlist;
    answered(payload);
    if (payload?.shortlist) navigate(`/llistes/${payload.shortlist.id}`);
  };

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h1 id={`${uid}-title`}>{t('shortlist.title')}</h1>
      <p>{t('shortlist.intro')}</p>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {result.data?.myShortlists.totalCount === 0 ? (
          <p>{t('shortlist.none')}</p>
        ) : (
          <TableScroll label={t('shortlist.title')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('shortlist.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('shortlist.name')}</th>
                  <th scope="col">{t('shortlist.tenderReference')}</th>
                  <th scope="col">{t('shortlist.companies')}</th>
                  <th scope="col">{t('shortlist.updated')}</th>
                  <th scope="col">{t('shortlist.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data?.myShortlists.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link to={`/llistes/${node.id}`}>{node.name}</Link>
                    </td>
                    <td>{node.tenderReference ?? ''}</td>
                    <td>{node.entries.totalCount}</td>
                    <td>{formats.date(node.updatedAt)}</td>
                    <td>{node.viewerAccess === 'OWNER' ? t('shortlist.you') : node.owner.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>

      <h2>{t('shortlist.new')}</h2>
      <FormAlert id={`${uid}-problem`} message={alert} />
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-describedby={alert ? `${uid}-problem` : undefined}
      >
        <TextField
          id={`${uid}-name`}
          name="name"
          label={t('shortlist.name')}
          required
          errors={at('input.name')}
        />
        <TextField
          id={`${uid}-ref`}
          name="tenderReference"
          label={t('shortlist.tenderReference')}
          hint={t('shortlist.tenderReferenceHint')}
          errors={at('input.tenderReference')}
        />
        <TextField
          id={`${uid}-description`}
          name="description"
          label={t('shortlist.description')}
          errors={at('input.description')}
        />
        <button type="submit">{t('shortlist.create')}</button>
      </form>
    </section>
  );
}
