import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, type FormError, messagesFor, UserErrorFields } from '../../lib/user-errors.ts';

const RequestMutation = graphql(
  `
  mutation PasswordResetPage_Request($email: String!) {
    requestPasswordReset(email: $email) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const ResetMutation = graphql(
  `
  mutation PasswordResetPage_Reset($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/**
 * Forgotten password: ask for a link by mail, then (with ?token=) choose a new password. When the
 * link no longer works the page says so and offers to mail a new one.
 */
export function PasswordResetPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const [, requestReset] = useMutation(RequestMutation);
  const [, reset] = useMutation(ResetMutation);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<readonly FormError[]>([]);
  const [requestFailed, setRequestFailed] = useState(false);
  // The token's own refusal: the link is spent or expired, and a new one is asked for instead.
  const [linkRefused, setLinkRefused] = useState<FormError | null>(null);
  const token = linkRefused ? null : params.get('token');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const payload = token
      ? (await reset({ token, password: String(form.get('password')) })).data?.resetPassword
      : (await requestReset({ email: String(form.get('email')) })).data?.requestPasswordReset;
    setRequestFailed(!payload);
    if (!payload) return;
    if (payload.ok) {
      setErrors([]);
      setDone(true);
      return;
    }
    const refusedLink = token ? payload.userErrors.find((error) => error.field === 'token') : undefined;
    if (refusedLink) {
      setLinkRefused(refusedLink);
      setErrors([]);
    } else {
      setErrors(payload.userErrors);
    }
  };

  const formProblem = errors.find((error) => error.field === null);
  const alert = requestFailed
    ? t('status.error')
    : linkRefused
      ? errorMessage(linkRefused, locale)
      : formProblem
        ? errorMessage(formProblem, locale)
        : null;
  return (
    <section aria-labelledby="reset-title" className="narrow">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {done ? (
        <p role="status">
          {token ? t('reset.done') : t('reset.sent')} {token && <Link to="/entrar">{t('nav.signIn')}</Link>}
        </p>
      ) : (
        <>
          <FormAlert id="reset-problem" message={alert} />
          <form
            onSubmit={submit}
            className="form"
            noValidate
            aria-describedby={alert ? 'reset-problem' : undefined}
          >
            {token ? (
              <TextField
                id="reset-password"
                name="password"
                type="password"
                label={t('reset.newPassword')}
                autoComplete="new-password"
                required
                minLength={12}
                errors={messagesFor(errors, 'password', locale)}
              />
            ) : (
              <>
                <p>{t('reset.intro')}</p>
                <TextField
                  id="reset-email"
                  name="email"
                  type="email"
                  label={t('signIn.email')}
                  autoComplete="email"
                  required
                  errors={messagesFor(errors, 'email', locale)}
                />
              </>
            )}
            <button type="submit">{token ? t('reset.save') : t('reset.send')}</button>
          </form>
        </>
      )}
    </section>
  );
}
