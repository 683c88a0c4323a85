import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { useSession } from './useSession.ts';

export function SessionControl() {
  const { t } = useI18n();
  const { account, signOut } = useSession();
  if (!account) return <Link to="/entrar">{t('nav.signIn')}</Link>;
  return (
    <div className="session">
      <span>
        {t('signIn.signedInAs')} {account.email}
      </span>
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}
