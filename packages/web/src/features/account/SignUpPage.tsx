import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/ui/FormAlert.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { UserErrorFields } from '../../lib/user-errors.ts';
import { useSession } from '../session/useSession.ts';

const RegisterMutation = graphql(
  `
  mutation SignUpPage_Register($input: RegisterInput!) {
    register(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const LoginMutation = graphql(`
  mutation SignUpPage_Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      account {
        id
      }
    }
  }
`);

export function SignUpPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const [, register] = useMutation(RegisterMutation);
  const [, login] = useMutation(LoginMutation);
  const { at, alert, answered } = useFormErrors(['input.name', 'input.email', 'input.password']);
  const [busy, setBusy] = useState(false);
  const [mailed, setMailed] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    setBusy(true);
    const result = await register({
      input: { email, password, name: String(form.get('name') ?? '') || null, locale },
    });
    const payload = result.data?.register;
    answered(payload);
    if (!payload || payload.userErrors.length > 0) {
      setBusy(false);
      return;
    }
    // The answer is the same whether or not the address already had an account: signing in with
    // the password just chosen works only for a new one. Otherwise the mail says what to do.
    const signedIn = await login({ email, password });
    setBusy(false);
    if (!signedIn.data?.login.account) {
      setMailed(true);
      return;
    }
    session.refresh();
    navigate('/tauler');
  };

  if (mailed) {
    return (
      <section aria-labelledby="sign-up-title" className="narrow">
        <h1 id="sign-up-title">{t('signUp.title')}</h1>
        <p role="status">{t('signUp.checkMail')}</p>
        <p>
          <Link to="/entrar">{t('nav.signIn')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="sign-up-title" className="narrow">
      <h1 id="sign-up-title">{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <FormAlert message={alert} />
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          id="sign-up-name"
          name="name"
          label={t('signUp.name')}
          autoComplete="name"
          errors={at('input.name')}
        />
        <TextField
          id="sign-up-email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="email"
          required
          errors={at('input.email')}
        />
        <TextField
          id="sign-up-password"
          name="password"
          type="password"
          label={t('signIn.password')}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
          required
          minLength={12}
          errors={at('input.password')}
        />
        <button type="submit" disabled={busy}>
          {t('signUp.submit')}
        </button>
      </form>
      <p>
        <Link to="/entrar">{t('signUp.haveAccount')}</Link>
      </p>
    </section>
  );
}
