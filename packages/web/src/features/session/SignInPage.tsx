import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { TextField } from '../../components/ui/TextField.tsx';
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
        message
      }
    }
  }
`);

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const [, login] = useMutation(LoginMutation);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await login({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    const payload = result.data?.login;
    if (!payload?.account) {
      const limited = payload?.userErrors.find((e) => e.code === 'RATE_LIMITED');
      setFailed(limited ? limited.message : t('signIn.failed'));
      return;
    }
    session.refresh();
    navigate(payload.account.role === 'STAFF' || payload.account.role === 'ADMIN' ? '/pla' : '/tauler');
  };

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
      <form onSubmit={submit} className="form">
        <TextField
          id="sign-in-email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          required
        />
        <TextField
          id="sign-in-password"
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          required
        />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/contrasenya">{t('signIn.forgot')}</Link>
      </p>
      <p>
        <Link to="/registre">{t('signIn.noAccount')}</Link>
      </p>
    </section>
  );
}
