import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { errorMessage, type FormError, UserErrorFields } from '../../lib/user-errors.ts';

const VerifyMutation = graphql(
  `
  mutation VerifyEmailPage_Verify($token: String!) {
    verifyEmail(token: $token) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

type State =
  | { kind: 'checking' }
  | { kind: 'ok' }
  | { kind: 'refused'; error: FormError }
  | { kind: 'failed' };

/** The link in the verification mail lands here. */
export function VerifyEmailPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const [, verify] = useMutation(VerifyMutation);
  const [state, setState] = useState<State>({ kind: 'checking' });
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const token = params.get('token') ?? '';
    void verify({ token }).then((result) => {
      const payload = result.data?.verifyEmail;
      const error = payload?.userErrors[0];
      setState(payload?.ok ? { kind: 'ok' } : error ? { kind: 'refused', error } : { kind: 'failed' });
    });
  }, [params, verify]);

  return (
    <section aria-labelledby="verify-title" className="narrow">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p role="status">
        {state.kind === 'checking'
          ? t('status.loading')
          : state.kind === 'ok'
            ? t('verify.ok')
            : state.kind === 'refused'
              ? errorMessage(state.error, locale)
              : t('status.error')}
      </p>
      {state.kind !== 'checking' && <Link to="/tauler">{t('nav.dashboard')}</Link>}
    </section>
  );
}
