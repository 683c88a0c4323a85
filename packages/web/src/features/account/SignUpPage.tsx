import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { messagesFor } from '../../components/ui/FieldErrors.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from '../session/useSession.ts';

const RegisterMutation = graphql(`
  mutation SignUpPage_Register($input: RegisterInput!) {
    register(input: $input) {
      account {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function SignUpPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const [, register] = useMutation(RegisterMutation);
  const [errors, setErrors] = useState<{ field: string | null; message: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await register({
      input: {
        email: String(form.get('email')),
        password: String(form.get('password')),
        name: String(form.get('name') ?? '') || null,
        locale,
      },
    });
    setBusy(false);
    const payload = result.data?.register;
    if (!payload?.account) {
      setErrors(payload?.userErrors ?? [{ field: null, message: t('status.error') }]);
      return;
    }
    session.refresh();
    navigate('/tauler');
  };

  const email = messagesFor(errors, 'input.email');
  const password = messagesFor(errors, 'input.password');
  return (
    <section aria-labelledby="sign-up-title" className="narrow">
      <h1 id="sign-up-title">{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      {errors.length > 0 && (
        <p role="alert" className="error">
          {t('form.fix')}
        </p>
      )}
      <form onSubmit={submit} className="form" noValidate>
        <TextField id="sign-up-name" name="name" label={t('signUp.name')} autoComplete="name" />
        <TextField
          id="sign-up-email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="email"
          required
          errors={email}
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
          errors={password}
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
