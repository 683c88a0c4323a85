import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const VerifyMutation = graphql(`
  mutation VerifyEmailPage_Verify($token: String!) {
    verifyEmail(token: $token) {
      ok
    }
  }
`);

/** The link in the verification mail lands here. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [, verify] = useMutation(VerifyMutation);
  const [state, setState] = useState<'checking' | 'ok' | 'failed'>('checking');
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const token = params.get('token') ?? '';
    void verify({ token }).then((result) => setState(result.data?.verifyEmail.ok ? 'ok' : 'failed'));
  }, [params, verify]);

  return (
    <section aria-labelledby="verify-title" className="narrow">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p role="status">
        {state === 'checking' ? t('status.loading') : state === 'ok' ? t('verify.ok') : t('verify.failed')}
      </p>
      {state !== 'checking' && <Link to="/tauler">{t('nav.dashboard')}</Link>}
    </section>
  );
}
