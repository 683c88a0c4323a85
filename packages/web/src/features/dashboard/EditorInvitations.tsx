import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, UserErrorFields } from '../../lib/user-errors.ts';

export const EditorInvitationsFragment = graphql(`
  fragment EditorInvitations_account on Account {
    editorInvitations {
      id
      expiresAt
      invitedByEmail
      company {
        id
        name
      }
    }
  }
`);

const AcceptMutation = graphql(
  `
  mutation EditorInvitations_Accept($id: ID!) {
    acceptEditorInvitation(id: $id) {
      invitation {
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

const DeclineMutation = graphql(
  `
  mutation EditorInvitations_Decline($id: ID!) {
    declineEditorInvitation(id: $id) {
      invitation {
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

/** Invitations to edit a company sent to the signed-in account's address: accept or decline each. */
export function EditorInvitations({
  account,
  onAnswered,
}: {
  account: FragmentOf<typeof EditorInvitationsFragment>;
  onAnswered: () => void;
}) {
  const { t, locale } = useI18n();
  const { editorInvitations } = readFragment(EditorInvitationsFragment, account);
  const [, accept] = useMutation(AcceptMutation);
  const [, decline] = useMutation(DeclineMutation);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  if (editorInvitations.length === 0 && !notice && !problem) return null;

  const answer = async (id: string, accepting: boolean) => {
    const errors = accepting
      ? (await accept({ id })).data?.acceptEditorInvitation.userErrors
      : (await decline({ id })).data?.declineEditorInvitation.userErrors;
    // No answer at all is a failed request, not a refusal.
    setProblem(errors ? errors.map((error) => errorMessage(error, locale)).join(' ') : t('status.error'));
    setNotice(
      errors?.length === 0
        ? t(accepting ? 'dashboard.invitationAccepted' : 'dashboard.invitationDeclined')
        : '',
    );
    onAnswered();
  };

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('dashboard.invitations')}</h2>
      <ul className="company-list">
        {editorInvitations.map((invitation) => (
          <li key={invitation.id} className="company-card">
            <h3>{invitation.company.name}</h3>
            <p>
              {invitation.invitedByEmail && (
                <>
                  {t('dashboard.invitedBy')}: {invitation.invitedByEmail} ·{' '}
                </>
              )}
              {t('dashboard.expiresOn', { date: invitation.expiresAt })}
            </p>
            <button type="button" onClick={() => void answer(invitation.id, true)}>
              {t('dashboard.accept')} <span className="visually-hidden">{invitation.company.name}</span>
            </button>{' '}
            <button type="button" onClick={() => void answer(invitation.id, false)}>
              {t('dashboard.decline')} <span className="visually-hidden">{invitation.company.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </section>
  );
}
