import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { TableScroll } from '../../components/ui/TableScroll.tsx';
import { useFormats } from '../../lib/format-locale.ts';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { errorMessage, UserErrorFields } from '../../lib/user-errors.ts';
import { TENDER_TYPES } from './TendersPage.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import './procurement.css';

const TenderQuery = graphql(`
  query TenderPage_Tender($id: ID!, $locale: Locale) {
    tender(id: $id) {
      id
      title
      description
      reference
      cpvCodes
      reserved
      budget
      matches(first: 30) {
        totalCount
        degraded
        items {
          score
          company {
            id
            slug
            name
            email
          }
          reasons {
            kind
            text(locale: $locale)
          }
        }
      }
      invitations {
        id
        email
        sentAt
        response
        responseNote
        company {
          id
          name
          slug
        }
      }
    }
  }
`);

const InviteMutation = graphql(
  `
  mutation TenderPage_Invite($tenderId: ID!, $companyIds: [ID!]!, $message: String) {
    inviteSuppliers(tenderId: $tenderId, companyIds: $companyIds, message: $message) {
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

const ResponseMutation = graphql(
  `
  mutation TenderPage_Response($invitationId: ID!, $response: InvitationResponse!, $note: String) {
    recordInvitationResponse(invitationId: $invitationId, response: $response, note: $note) {
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

/** A tender: the suppliers that match it, with why, and the invitations sent and answered. */
export function TenderPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { euros } = useFormats();
  const uid = useId();
  const [result, refetch] = useQuery({
    query: TenderQuery,
    variables: { id, locale },
    requestPolicy: 'cache-and-network',
    context: TENDER_TYPES,
  });
  const [, invite] = useMutation(InviteMutation);
  const [, respond] = useMutation(ResponseMutation);
  const [selected, setSelected] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  // The invitation's refusals: about the choice (`companyIds`), one company (`companyIds.2`, the
  // index in the companies sent) or the message.
  const invitation = useFormErrors(['companyIds', 'message']);
  const inviteErrors = invitation.errors;
  const [sent, setSent] = useState<string[]>([]);
  const tender = result.data?.tender;
  usePageTitle(tender?.title);
  const invited = new Set(tender?.invitations.map((invitation) => invitation.company.id) ?? []);

  const sendInvitations = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get('message') ?? '');
    const companyIds = [...selected];
    const response = await invite({ tenderId: id, companyIds, message: message || null });
    const payload = response.data?.inviteSuppliers;
    invitation.answered(payload);
    setSent(companyIds);
    if (!payload || payload.userErrors.length > 0) {
      setAnnouncement('');
      return;
    }
    setAnnouncement(t('tender.invitationsSentCount', { count: companyIds.length }));
    setSelected([]);
    refetch({ requestPolicy: 'network-only' });
  };
  const inviteAlert = invitation.alert;
  const choiceMessages = inviteErrors
    .filter((error) => error.field === 'companyIds')
    .map((error) => errorMessage(error, locale));
  const companyMessages = (companyId: string) =>
    inviteErrors
      .filter((error) => error.field === `companyIds.${sent.indexOf(companyId)}`)
      .map((error) => errorMessage(error, locale));

  return (
    <>
      {/* Loading, refused (sign in, not allowed) or not found: the page still says what it is. */}
      {!tender && <h1>{t('title.tender')}</h1>}
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {!tender ? (
          <p>{t('tender.notFound')}</p>
        ) : (
          <article aria-labelledby={`${uid}-title`}>
            <p>
              <Link to="/licitacions">{t('tender.title')}</Link>
            </p>
            <h1 id={`${uid}-title`}>{tender.title}</h1>
            {tender.description && <p>{tender.description}</p>}
            <p>
              {tender.reference ? `${t('shortlist.tenderReference')}: ${tender.reference}. ` : ''}
              {tender.cpvCodes.length > 0 ? `CPV: ${tender.cpvCodes.join(', ')}. ` : ''}
              {tender.budget !== null ? `${t('tender.budget')}: ${euros(tender.budget)}. ` : ''}
              {tender.reserved ? `${t('tender.reserved')}.` : ''}
            </p>
            <p role="status" aria-live="polite">
              {announcement}
            </p>

            <section aria-labelledby={`${uid}-matches`}>
              <h2 id={`${uid}-matches`}>
                {t('tender.matches')} ({tender.matches.totalCount})
              </h2>
              {tender.matches.degraded && <p className="notice">{t('tender.degraded')}</p>}
              <form onSubmit={sendInvitations}>
                <ol className="company-list">
                  {tender.matches.items.map((match) => (
                    <li key={match.company.id} className="company-card">
                      <h3>
                        <Link to={`/empreses/${match.company.slug}`}>{match.company.name}</Link>{' '}
                        <span className="badge">{match.score}/100</span>
                      </h3>
                      <ul>
                        {match.reasons.map((reason) => (
                          <li key={`${reason.kind}:${reason.text}`}>{reason.text}</li>
                        ))}
                      </ul>
                      {invited.has(match.company.id) ? (
                        <p className="company-card__listed">✓ {t('tender.invited')}</p>
                      ) : match.company.email ? (
                        (() => {
                          const messages = companyMessages(match.company.id);
                          const errorId = `${uid}-${match.company.id}-error`;
                          return (
                            <>
                              <label className="checkbox">
                                <input
                                  type="checkbox"
                                  checked={selected.includes(match.company.id)}
                                  aria-invalid={messages.length > 0 || undefined}
                                  aria-describedby={messages.length > 0 ? errorId : undefined}
                                  onChange={(event) =>
                                    setSelected(
                                      event.target.checked
                                        ? [...selected, match.company.id]
                                        : selected.filter((value) => value !== match.company.id),
                                    )
                                  }
                                />
                                {t('tender.select')}
                                <span className="visually-hidden">: {match.company.name}</span>
                              </label>
                              <FieldError id={errorId} messages={messages} />
                            </>
                          );
                        })()
                      ) : (
                        <p className="hint">{t('tender.noEmail')}</p>
                      )}
                    </li>
                  ))}
                </ol>
                <TextAreaField
                  id={`${uid}-message`}
                  name="message"
                  label={t('tender.message')}
                  rows={3}
                  errors={invitation.at('message')}
                />
                <FormAlert id={`${uid}-invite-problem`} message={inviteAlert} />
                <button
                  type="submit"
                  aria-describedby={
                    [
                      inviteAlert ? `${uid}-invite-problem` : null,
                      choiceMessages.length > 0 ? `${uid}-choice-error` : null,
                    ]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                >
                  {t('tender.invite')} ({selected.length})
                </button>
                <FieldError id={`${uid}-choice-error`} messages={choiceMessages} />
              </form>
            </section>

            <section aria-labelledby={`${uid}-invitations`}>
              <h2 id={`${uid}-invitations`}>{t('tender.invitations')}</h2>
              {tender.invitations.length === 0 ? (
                <p>{t('tender.noInvitations')}</p>
              ) : (
                <TableScroll label={t('tender.invitations')}>
                  <table className="data-table">
                    <caption className="visually-hidden">{t('tender.invitations')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('shortlist.company')}</th>
                        <th scope="col">{t('tender.sentTo')}</th>
                        <th scope="col">{t('tender.response')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {tender.invitations.map((invitation) => (
                        <tr key={invitation.id}>
                          <td>{invitation.company.name}</td>
                          <td>{invitation.email}</td>
                          <td>
                            <label className="visually-hidden" htmlFor={`${uid}-${invitation.id}`}>
                              {t('tender.response')}: {invitation.company.name}
                            </label>
                            <select
                              id={`${uid}-${invitation.id}`}
                              value={invitation.response}
                              onChange={async (event) => {
                                const answer = await respond({
                                  invitationId: invitation.id,
                                  response: event.target.value as 'PENDING' | 'INTERESTED' | 'DECLINED',
                                  note: invitation.responseNote,
                                });
                                const payload = answer.data?.recordInvitationResponse;
                                const [problem] = payload?.userErrors ?? [];
                                setAnnouncement(
                                  `${invitation.company.name}: ${
                                    !payload
                                      ? t('status.error')
                                      : problem
                                        ? errorMessage(problem, locale)
                                        : t('tender.responseSaved')
                                  }`,
                                );
                                refetch({ requestPolicy: 'network-only' });
                              }}
                            >
                              <option value="PENDING">{t('tender.response.PENDING')}</option>
                              <option value="INTERESTED">{t('tender.response.INTERESTED')}</option>
                              <option value="DECLINED">{t('tender.response.DECLINED')}</option>
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
          </article>
        )}
      </QueryState>
    </>
  );
}
