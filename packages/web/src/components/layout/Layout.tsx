import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, ScrollRestoration, useLocation, useMatches } from 'react-router';
import { SessionControl } from '../../features/session/SessionControl.tsx';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import type { MessageKey } from '../../lib/i18n/messages.ca.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { PageTitleContext } from './usePageTitle.ts';

/** What a route of app.tsx may say about itself: the message key of its title. */
export interface RouteHandle {
  title: MessageKey;
}

const hasTitle = (handle: unknown): handle is RouteHandle =>
  typeof handle === 'object' && handle !== null && typeof (handle as RouteHandle).title === 'string';

/** The route's own title: that of the deepest route that names one. */
function useRouteTitle(): MessageKey | null {
  const matches = useMatches();
  for (let index = matches.length - 1; index >= 0; index -= 1) {
    const handle = matches[index]?.handle;
    if (hasTitle(handle)) return handle.title;
  }
  return null;
}

/** How long after a navigation the page's main heading may still appear and take the focus. */
const HEADING_WAIT_MS = 3000;

/**
 * After a client-side navigation, focus goes to the new page's main heading (or to main while it
 * loads), so that a screen reader announces the page and Tab starts from its top. A heading that
 * appears later takes the focus only while nobody has moved it since.
 */
function useFocusOnNavigation(main: React.RefObject<HTMLElement | null>) {
  const location = useLocation();
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const region = main.current;
    if (!region) return;
    const focusHeading = (): boolean => {
      const heading = region.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    region.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      if (document.activeElement !== region) observer.disconnect();
      else if (focusHeading()) observer.disconnect();
    });
    observer.observe(region, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
    };
  }, [location.pathname]);
}

export function Layout() {
  const { t } = useI18n();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const [pageTitle, setPageTitle] = useState<string | null>(null);
  const routeTitle = useRouteTitle();
  const setTitle = useCallback((title: string | null) => setPageTitle(title), []);

  useFocusOnNavigation(main);

  // The document's title: what the page says it is about, or the route's own title.
  const what = pageTitle ?? (routeTitle ? t(routeTitle) : null);
  const title = what ? `${what} – ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  // The menu closes when the reader goes to another page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location is the trigger
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    event.preventDefault();
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip.toContent')}
      </a>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the header closes its menu */}
      <header className="site-header" onKeyDown={closeOnEscape}>
        <div className="site-header__inner">
          <div className="site-header__bar">
            <NavLink to="/" className="site-title">
              {t('app.name')}
            </NavLink>
            <button
              ref={menuButton}
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-button__icon" aria-hidden="true" />
              {t('nav.menu')}
            </button>
          </div>
          <div id={menuId} className={`site-header__menu${menuOpen ? ' site-header__menu--open' : ''}`}>
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
            <div className="site-header__tools">
              <LanguageSwitcher />
              <SessionControl />
            </div>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <PageTitleContext.Provider value={setTitle}>
          <Outlet />
        </PageTitleContext.Provider>
      </main>
      <ScrollRestoration />
      <footer className="site-footer">
        <p>{t('footer.data')}</p>
      </footer>
    </>
  );
}
