import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { TextField } from '../../components/ui/TextField.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const RequestMutation = graphql(`
  mutation PasswordResetPage_Request($email: String!) {
    requestPasswordReset(email: $email) {
      ok
      userErrors {
        field
        message
      }
    }
  }
`);

const ResetMutation = graphql(`
  mutation PasswordResetPage_Reset($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      ok
      userErrors {
        field
        message
      }
    }
  }
`);

/** Forgotten password: ask for a link by mail, then (with ?token=) choose a new password. */
export function PasswordResetPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [, requestReset] = useMutation(RequestMutation);
  const [, reset] = useMutation(ResetMutation);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!token) {
      const requested = await requestReset({ email: String(form.get('email')) });
      const refused = requested.data?.requestPasswordReset.userErrors ?? [];
      if (refused.length > 0) setErrors(refused.map((e) => e.message));
      else setDone(true);
      return;
    }
    const result = await reset({ token, password: String(form.get('password')) });
    const payload = result.data?.resetPassword;
    if (payload?.ok) setDone(true);
    else setErrors(payload?.userErrors.map((e) => e.message) ?? [t('status.error')]);
  };

  return (
    <section aria-labelledby="reset-title" className="narrow">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {done ? (
        <p role="status">
          {token ? t('reset.done') : t('reset.sent')} {token && <Link to="/entrar">{t('nav.signIn')}</Link>}
        </p>
      ) : (
        <form onSubmit={submit} className="form" noValidate>
          {token ? (
            <TextField
              id="reset-password"
              name="password"
              type="password"
              label={t('reset.newPassword')}
              autoComplete="new-password"
              required
              minLength={12}
              errors={errors}
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
                errors={errors}
              />
            </>
          )}
          <button type="submit">{token ? t('reset.save') : t('reset.send')}</button>
        </form>
      )}
    </section>
  );
}
