import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { FieldError, messagesFor } from '../../components/ui/FieldErrors.tsx';
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
        <label htmlFor="sign-up-name">{t('signUp.name')}</label>
        <input id="sign-up-name" name="name" autoComplete="name" />
        <label htmlFor="sign-up-email">{t('signIn.email')}</label>
        <input
          id="sign-up-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={email.length > 0}
          aria-describedby={email.length > 0 ? 'sign-up-email-error' : undefined}
        />
        <FieldError id="sign-up-email-error" messages={email} />
        <label htmlFor="sign-up-password">{t('signIn.password')}</label>
        <input
          id="sign-up-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={password.length > 0}
          aria-describedby={`sign-up-password-hint${password.length > 0 ? ' sign-up-password-error' : ''}`}
        />
        <p id="sign-up-password-hint" className="hint">
          {t('signUp.passwordHint')}
        </p>
        <FieldError id="sign-up-password-error" messages={password} />
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
