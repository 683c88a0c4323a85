import { Link, useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { signInPath } from '../../lib/return-path.ts';
import { useSession } from './useSession.ts';

export function SessionControl() {
  const { t } = useI18n();
  const { account, isStaff, isProcurement, signOut } = useSession();
  const location = useLocation();
  if (!account) {
    return (
      <div className="session">
        {/* Signing in returns here. */}
        <Link to={signInPath(`${location.pathname}${location.search}`)}>{t('nav.signIn')}</Link>
        <Link to="/registre">{t('nav.signUp')}</Link>
      </div>
    );
  }
  return (
    <div className="session">
      <Link to="/tauler">{t('nav.dashboard')}</Link>
      {isProcurement && <Link to="/llistes">{t('nav.shortlists')}</Link>}
      {isProcurement && <Link to="/licitacions">{t('nav.tenders')}</Link>}
      {isStaff && <Link to="/moderacio">{t('nav.moderation')}</Link>}
      <span className="session__account">
        {t('signIn.signedInAs')} {account.email}
      </span>
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}
