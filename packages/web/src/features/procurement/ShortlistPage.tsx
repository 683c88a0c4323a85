import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { useFormats } from '../../lib/format-locale.ts';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { focusFirstError } from '../../lib/useFormErrors.ts';
import {
  errorMessage,
  type FormError,
  messagesFor,
  paramOf,
  UserErrorFields,
} from '../../lib/user-errors.ts';
import { TENDER_TYPES, TendersQuery } from './TendersPage.tsx';
import './procurement.css';

const ShortlistQuery = graphql(`
  query ShortlistPage_Shortlist($id: ID!, $locale: Locale) {
    shortlist(id: $id) {
      id
      name
      tenderReference
      description
      viewerAccess
      csvUrl
      owner {
        email
      }
      sharedWith {
        email
      }
      snapshots {
        id
        takenAt
        entryCount
        csvUrl
      }
      entries(first: 100) {
        totalCount
        edges {
          node {
            note
            addedAt
            company {
              id
              slug
              name
              taxId
              email
              district {
                name
              }
              reservedContractEligible
              legalFormName(locale: $locale)
              esg {
                score
                status
              }
            }
          }
        }
      }
    }
  }
`);

const RemoveMutation = graphql(
  `
  mutation ShortlistPage_Remove($shortlistId: ID!, $companyId: ID!) {
    removeFromShortlist(shortlistId: $shortlistId, companyId: $companyId) {
      shortlist {
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

const NoteMutation = graphql(
  `
  mutation ShortlistPage_Note($shortlistId: ID!, $companyId: ID!, $note: String) {
    setShortlistNote(shortlistId: $shortlistId, companyId: $companyId, note: $note) {
      shortlist {
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

const ShareMutation = graphql(
  `
  mutation ShortlistPage_Share($shortlistId: ID!, $email: String!) {
    shareShortlist(shortlistId: $shortlistId, email: $email) {
      shortlist {
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

const UnshareMutation = graphql(
  `
  mutation ShortlistPage_Unshare($shortlistId: ID!, $email: String!) {
    unshareShortlist(shortlistId: $shortlistId, email: $email) {
      shortlist {
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

const SnapshotMutation = graphql(
  `
  mutation ShortlistPage_Snapshot($shortlistId: ID!) {
    snapshotShortlist(shortlistId: $shortlistId) {
      snapshot {
        id
        takenAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const InviteMutation = graphql(
  `
  mutation ShortlistPage_Invite($tenderId: ID!, $companyIds: [ID!]!) {
    inviteSuppliers(tenderId: $tenderId, companyIds: $companyIds) {
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

/** The address of a download on this site, whatever host the API reports. */
const localPath = (url: string) => {
  const parsed = new URL(url, window.location.href);
  return `${parsed.pathname}${parsed.search}`;
};

/** One shortlist: its companies with notes, downloads, snapshots and sharing. */
export function ShortlistPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const uid = useId();
  const [result, refetch] = useQuery({
    query: ShortlistQuery,
    variables: { id, locale },
    requestPolicy: 'cache-and-network',
  });
  const [, remove] = useMutation(RemoveMutation);
  const [, saveNote] = useMutation(NoteMutation);
  const [, share] = useMutation(ShareMutation);
  const [, unshare] = useMutation(UnshareMutation);
  const [, snapshot] = useMutation(SnapshotMutation);
  const [, inviteAll] = useMutation(InviteMutation);
  const [tenders] = useQuery({ query: TendersQuery, context: TENDER_TYPES });
  const [announcement, setAnnouncement] = useState('');
  // Each form's refusals, shown at their fields: a note's (by company), an unshare's (by address),
  // the share form's and the invitation form's; `failed` is a request that got no answer.
  const [noteErrors, setNoteErrors] = useState<Record<string, readonly FormError[]>>({});
  const [unshareErrors, setUnshareErrors] = useState<Record<string, readonly FormError[]>>({});
  const [shareErrors, setShareErrors] = useState<readonly FormError[]>([]);
  const [shareFailed, setShareFailed] = useState(false);
  const [inviteErrors, setInviteErrors] = useState<readonly FormError[]>([]);
  const [inviteFailed, setInviteFailed] = useState(false);
  const formats = useFormats();

  const shortlist = result.data?.shortlist;
  usePageTitle(shortlist?.name);
  const owner = shortlist?.viewerAccess === 'OWNER';
  const reload = () => refetch({ requestPolicy: 'network-only' });

  /**
   * Announces what a mutation did, or why not: its userErrors (as returned, for the caller to show
   * at their fields), or null when the request itself failed.
   */
  const report = (
    outcome: { data?: Record<string, { userErrors: readonly FormError[] } | undefined | null> | null },
    done: string,
    subject = '',
  ): readonly FormError[] | null => {
    const payload = outcome.data ? Object.values(outcome.data)[0] : undefined;
    if (!payload) {
      setAnnouncement(t('status.error'));
      return null;
    }
    const [problem] = payload.userErrors;
    setAnnouncement(problem ? `${subject}${errorMessage(problem, locale)}` : done);
    if (!problem) reload();
    return payload.userErrors;
  };

  // After a refusal, focus goes to the field marked (once it is marked), not to the page's body.
  const refocus = (form: HTMLFormElement) => requestAnimationFrame(() => focusFirstError(form));

  const submitShare = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get('email') ?? '');
    const payload = (await share({ shortlistId: id, email })).data?.shareShortlist;
    setShareFailed(!payload);
    setShareErrors(payload?.userErrors ?? []);
    if (!payload || payload.userErrors.length > 0) refocus(form);
    if (payload && payload.userErrors.length === 0) {
      form.reset();
      setAnnouncement(`${t('shortlist.sharedWithDone')} ${email}`);
      reload();
    }
  };

  const entries = shortlist?.entries.edges.map(({ node }) => node) ?? [];
  const submitInvite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const tenderId = String(new FormData(form).get('tender') ?? '');
    const companyIds = entries.map((entry) => entry.company.id);
    const payload = (await inviteAll({ tenderId, companyIds })).data?.inviteSuppliers;
    setInviteFailed(!payload);
    setInviteErrors(payload?.userErrors ?? []);
    if (!payload || payload.userErrors.length > 0) refocus(form);
    if (payload && payload.userErrors.length === 0) {
      setAnnouncement(t('tender.invitationsSentCount', { count: companyIds.length }));
      reload();
    }
  };
  // A refusal about one company of the list (`companyIds.2`) names it when the message does not.
  const inviteMessage = (error: FormError) => {
    const index = error.field?.startsWith('companyIds.') ? Number(error.field.slice(11)) : Number.NaN;
    const company = entries[index]?.company.name;
    const message = errorMessage(error, locale);
    return company && !paramOf(error, 'company') ? `${company}: ${message}` : message;
  };
  // The share form has one field: whatever it was refused for is said there.
  const shareMessages = shareFailed
    ? [t('status.error')]
    : shareErrors.map((error) => errorMessage(error, locale));
  const inviteMessages = inviteFailed ? [t('status.error')] : inviteErrors.map(inviteMessage);

  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {!shortlist ? (
        <section>
          <h1>{t('shortlist.notFound')}</h1>
          <p>
            <Link to="/llistes">{t('shortlist.back')}</Link>
          </p>
        </section>
      ) : (
        <article aria-labelledby={`${uid}-title`} className="shortlist">
          <p>
            <Link to="/llistes">{t('shortlist.back')}</Link>
          </p>
          <h1 id={`${uid}-title`}>{shortlist.name}</h1>
          <p>
            {shortlist.tenderReference && (
              <>
                {t('shortlist.tenderReference')}: <strong>{shortlist.tenderReference}</strong>.{' '}
              </>
            )}
            {owner ? t('shortlist.yours') : `${t('shortlist.sharedBy')} ${shortlist.owner.email}.`}
          </p>
          {shortlist.description && <p>{shortlist.description}</p>}
          <p role="status" aria-live="polite">
            {announcement}
          </p>

          <section aria-labelledby={`${uid}-download`}>
            <h2 id={`${uid}-download`}>{t('shortlist.download')}</h2>
            <ul className="plain-list">
              <li>
                <a href={localPath(shortlist.csvUrl)} download>
                  {t('shortlist.csvSemicolon')}
                </a>
              </li>
              <li>
                <a href={`${localPath(shortlist.csvUrl)}?separador=coma`} download>
                  {t('shortlist.csvComma')}
                </a>
              </li>
            </ul>
          </section>

          <section aria-labelledby={`${uid}-entries`}>
            <h2 id={`${uid}-entries`}>
              {t('shortlist.companies')} ({shortlist.entries.totalCount})
            </h2>
            {shortlist.entries.totalCount === 0 ? (
              <p>
                {t('shortlist.empty')} <Link to="/cerca">{t('nav.search')}</Link>
              </p>
            ) : (
              <TableScroll label={t('shortlist.companies')}>
                <table className="data-table">
                  <caption className="visually-hidden">{t('shortlist.companies')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shortlist.company')}</th>
                      <th scope="col">{t('shortlist.taxId')}</th>
                      <th scope="col">{t('shortlist.district')}</th>
                      <th scope="col">{t('shortlist.esg')}</th>
                      <th scope="col">{t('shortlist.note')}</th>
                      {owner && <th scope="col">{t('shortlist.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {shortlist.entries.edges.map(({ node }) => (
                      <tr key={node.company.id}>
                        <td>
                          <Link to={`/empreses/${node.company.slug}`}>{node.company.name}</Link>
                          <br />
                          <small>
                            {node.company.legalFormName}
                            {node.company.reservedContractEligible
                              ? ` · ${t('company.reservedContractEligible')}`
                              : ''}
                          </small>
                        </td>
                        <td>{node.company.taxId}</td>
                        <td>{node.company.district?.name ?? ''}</td>
                        <td>
                          {node.company.esg
                            ? `${node.company.esg.score} (${t(`esg.status.${node.company.esg.status}`)})`
                            : t('shortlist.noEsg')}
                        </td>
                        <td>
                          {owner ? (
                            <form
                              className="note-form"
                              noValidate
                              onSubmit={async (event) => {
                                event.preventDefault();
                                const form = event.currentTarget;
                                const note = String(new FormData(form).get('note') ?? '');
                                const errors = report(
                                  await saveNote({ shortlistId: id, companyId: node.company.id, note }),
                                  `${node.company.name}: ${t('shortlist.noteSaved')}`,
                                  `${node.company.name}: `,
                                );
                                setNoteErrors((all) => ({ ...all, [node.company.id]: errors ?? [] }));
                                if (errors && errors.length > 0) refocus(form);
                              }}
                            >
                              <label className="visually-hidden" htmlFor={`${uid}-note-${node.company.id}`}>
                                {t('shortlist.note')}: {node.company.name}
                              </label>
                              {(() => {
                                const messages = messagesFor(
                                  noteErrors[node.company.id] ?? [],
                                  'note',
                                  locale,
                                );
                                const errorId = `${uid}-note-${node.company.id}-error`;
                                return (
                                  <>
                                    <textarea
                                      id={`${uid}-note-${node.company.id}`}
                                      name="note"
                                      rows={2}
                                      defaultValue={node.note ?? ''}
                                      aria-invalid={messages.length > 0}
                                      aria-describedby={messages.length > 0 ? errorId : undefined}
                                    />
                                    <FieldError id={errorId} messages={messages} />
                                  </>
                                );
                              })()}
                              <button type="submit">
                                {t('shortlist.saveNote')}
                                <span className="visually-hidden">: {node.company.name}</span>
                              </button>
                            </form>
                          ) : (
                            (node.note ?? '')
                          )}
                        </td>
                        {owner && (
                          <td>
                            <button
                              type="button"
                              onClick={async () =>
                                report(
                                  await remove({ shortlistId: id, companyId: node.company.id }),
                                  `${node.company.name}: ${t('shortlist.removed')}`,
                                  `${node.company.name}: `,
                                )
                              }
                            >
                              {t('shortlist.remove')}
                              <span className="visually-hidden">: {node.company.name}</span>
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby={`${uid}-snapshots`}>
            <h2 id={`${uid}-snapshots`}>{t('shortlist.snapshots')}</h2>
            <p className="hint">{t('shortlist.snapshotsHint')}</p>
            {owner && (
              <button
                type="button"
                onClick={async () =>
                  report(await snapshot({ shortlistId: id }), t('shortlist.snapshotTaken'))
                }
              >
                {t('shortlist.takeSnapshot')}
              </button>
            )}
            <ul className="plain-list">
              {shortlist.snapshots.map((frozen) => (
                <li key={frozen.id}>
                  <a href={localPath(frozen.csvUrl)} download>
                    {formats.dateTime(frozen.takenAt)}
                  </a>{' '}
                  ({t('count.companies', { count: frozen.entryCount })})
                </li>
              ))}
            </ul>
          </section>

          {owner && shortlist.entries.totalCount > 0 && (tenders.data?.myTenders.totalCount ?? 0) > 0 && (
            <section aria-labelledby={`${uid}-invite`}>
              <h2 id={`${uid}-invite`}>{t('shortlist.invite')}</h2>
              <form className="form inline-form" onSubmit={submitInvite} noValidate>
                <label htmlFor={`${uid}-tender`}>{t('shortlist.inviteTo')}</label>
                <select
                  id={`${uid}-tender`}
                  name="tender"
                  aria-invalid={inviteMessages.length > 0}
                  aria-describedby={inviteMessages.length > 0 ? `${uid}-invite-error` : undefined}
                >
                  {tenders.data?.myTenders.edges.map(({ node }) => (
                    <option key={node.id} value={node.id}>
                      {node.title}
                    </option>
                  ))}
                </select>
                <button type="submit">{t('tender.invite')}</button>
                <FieldError id={`${uid}-invite-error`} messages={inviteMessages} />
              </form>
            </section>
          )}

          {owner && (
            <section aria-labelledby={`${uid}-sharing`}>
              <h2 id={`${uid}-sharing`}>{t('shortlist.sharing')}</h2>
              <p className="hint">{t('shortlist.sharingHint')}</p>
              <ul className="plain-list">
                {shortlist.sharedWith.map((colleague, index) => {
                  const messages = (unshareErrors[colleague.email] ?? []).map((error) =>
                    errorMessage(error, locale),
                  );
                  const errorId = `${uid}-unshare-${index}-error`;
                  return (
                    <li key={colleague.email}>
                      {colleague.email}{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-describedby={messages.length > 0 ? errorId : undefined}
                        onClick={async () => {
                          const errors = report(
                            await unshare({ shortlistId: id, email: colleague.email }),
                            `${t('shortlist.unshared')} ${colleague.email}`,
                            `${colleague.email}: `,
                          );
                          setUnshareErrors((all) => ({ ...all, [colleague.email]: errors ?? [] }));
                        }}
                      >
                        {t('shortlist.unshare')}
                        <span className="visually-hidden">: {colleague.email}</span>
                      </button>
                      <FieldError id={errorId} messages={messages} />
                    </li>
                  );
                })}
              </ul>
              <form className="form inline-form" onSubmit={submitShare} noValidate>
                <label htmlFor={`${uid}-share`}>{t('shortlist.shareWith')}</label>
                <input
                  id={`${uid}-share`}
                  name="email"
                  type="email"
                  required
                  aria-invalid={shareMessages.length > 0}
                  aria-describedby={shareMessages.length > 0 ? `${uid}-share-error` : undefined}
                />
                <button type="submit">{t('shortlist.share')}</button>
                <FieldError id={`${uid}-share-error`} messages={shareMessages} />
              </form>
            </section>
          )}
        </article>
      )}
    </QueryState>
  );
}
