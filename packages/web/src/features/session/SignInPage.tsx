import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from './useSession.ts';

const LoginMutation = graphql(`
  mutation SignInPage_Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      account {
        id
        role
      }
      userErrors {
        field
        code
      }
    }
  }
`);

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const [, login] = useMutation(LoginMutation);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await login({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (!result.data?.login.account) {
      setFailed(true);
      return;
    }
    session.refresh();
    navigate('/pla');
  };

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {failed && (
        <p role="alert" className="error">
          {t('signIn.failed')}
        </p>
      )}
      <form onSubmit={submit} className="form">
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
