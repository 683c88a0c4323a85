import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SessionControl } from '../../features/session/SessionControl.tsx';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function Layout() {
  const { t } = useI18n();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip.toContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="site-title">
            {t('app.name')}
          </NavLink>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/cerca">{t('nav.search')}</NavLink>
              </li>
              <li>
                <NavLink to="/empreses">{t('nav.companies')}</NavLink>
              </li>
              <li>
                <NavLink to="/estadistiques">{t('nav.stats')}</NavLink>
              </li>
              <li>
                <NavLink to="/pla">{t('nav.plan')}</NavLink>
              </li>
              <li>
                <NavLink to="/contractacio">{t('nav.procurement')}</NavLink>
              </li>
              <li>
                <NavLink to="/districtes">{t('nav.districts')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
          <SessionControl />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.data')}</p>
      </footer>
    </>
  );
}
