import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { Layout } from './components/layout/Layout.tsx';
import { I18nProvider } from './lib/i18n/i18n.tsx';
import { createUrqlClient } from './lib/urql.ts';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/**
 * Pages other than the home page load when first visited: the first visit downloads only the
 * shell and its page (measured by `pnpm bench web`).
 */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: (await load())[name] });
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'districtes',
        lazy: page(() => import('./features/districts/DistrictsPage.tsx'), 'DistrictsPage'),
      },
      {
        path: 'districtes/:code',
        lazy: page(() => import('./features/districts/DistrictPage.tsx'), 'DistrictPage'),
      },
      { path: 'cerca', lazy: page(() => import('./features/search/SearchPage.tsx'), 'SearchPage') },
      {
        path: 'empreses',
        lazy: page(() => import('./features/companies/CompaniesPage.tsx'), 'CompaniesPage'),
      },
      {
        path: 'empreses/:slug',
        lazy: page(() => import('./features/companies/CompanyPage.tsx'), 'CompanyPage'),
      },
      { path: 'estadistiques', lazy: page(() => import('./features/stats/StatsPage.tsx'), 'StatsPage') },
      { path: 'pla', lazy: page(() => import('./features/plan/PlanPage.tsx'), 'PlanPage') },
      { path: 'entrar', lazy: page(() => import('./features/session/SignInPage.tsx'), 'SignInPage') },
      { path: 'registre', lazy: page(() => import('./features/account/SignUpPage.tsx'), 'SignUpPage') },
      {
        path: 'contrasenya',
        lazy: page(() => import('./features/account/PasswordResetPage.tsx'), 'PasswordResetPage'),
      },
      {
        path: 'verifica',
        lazy: page(() => import('./features/account/VerifyEmailPage.tsx'), 'VerifyEmailPage'),
      },
      { path: 'tauler', lazy: page(() => import('./features/dashboard/DashboardPage.tsx'), 'DashboardPage') },
      {
        path: 'tauler/asg/:slug',
        lazy: page(() => import('./features/esg/EsgQuestionnairePage.tsx'), 'EsgQuestionnairePage'),
      },
      {
        path: 'moderacio',
        lazy: page(() => import('./features/moderation/ModerationPage.tsx'), 'ModerationPage'),
      },
      {
        path: 'moderacio/asg',
        lazy: page(() => import('./features/esg/EsgReviewPage.tsx'), 'EsgReviewPage'),
      },
      {
        path: 'contractacio',
        lazy: page(() => import('./features/procurement/ProcurementPage.tsx'), 'ProcurementPage'),
      },
      {
        path: 'llistes',
        lazy: page(() => import('./features/procurement/ShortlistsPage.tsx'), 'ShortlistsPage'),
      },
      {
        path: 'licitacions',
        lazy: page(() => import('./features/procurement/TendersPage.tsx'), 'TendersPage'),
      },
      {
        path: 'licitacions/:id',
        lazy: page(() => import('./features/procurement/TenderPage.tsx'), 'TenderPage'),
      },
      {
        path: 'llistes/:id',
        lazy: page(() => import('./features/procurement/ShortlistPage.tsx'), 'ShortlistPage'),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const client = createUrqlClient();

export function App() {
  return (
    <I18nProvider>
      <UrqlProvider value={client}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </I18nProvider>
  );
}
