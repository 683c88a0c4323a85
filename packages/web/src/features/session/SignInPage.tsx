import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { RETURN_PARAM, safeReturnPath } from '../../lib/return-path.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { useSession } from './useSession.ts';

const LoginMutation = graphql(
  `
  mutation SignInPage_Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      account {
        id
        role
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The page that sent the reader here, when it is one of this site's.
  const back = safeReturnPath(params.get(RETURN_PARAM));
  const session = useSession();
  const [, login] = useMutation(LoginMutation);
  const { at, alert, answered } = useFormErrors(['email', 'password']);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await login({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    const payload = result.data?.login;
    answered(payload);
    if (!payload?.account) return;
    session.refresh();
    navigate(
      back ?? (payload.account.role === 'STAFF' || payload.account.role === 'ADMIN' ? '/pla' : '/tauler'),
      { replace: true },
    );
  };

  // A refusal of the whole attempt (too many of them) is said above the form; the others at their field.
  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <FormAlert message={alert} />
      <form onSubmit={submit} className="form">
        <TextField
          id="sign-in-email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          required
          errors={at('email')}
        />
        <TextField
          id="sign-in-password"
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          errors={at('password')}
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
