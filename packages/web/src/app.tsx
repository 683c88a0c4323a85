import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout, type RouteHandle } from './components/layout/Layout.tsx';
import { SessionClientProvider } from './features/session/SessionClient.tsx';
import { I18nProvider } from './lib/i18n/i18n.tsx';
import type { MessageKey } from './lib/i18n/messages.ca.ts';
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

/** A route's own title (see Layout): the page may name itself more precisely with usePageTitle. */
const title = (key: MessageKey): RouteHandle => ({ title: key });

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, handle: title('nav.home'), element: <HomePage /> },
      {
        path: 'districtes',
        handle: title('districts.title'),
        lazy: page(() => import('./features/districts/DistrictsPage.tsx'), 'DistrictsPage'),
      },
      {
        path: 'districtes/:code',
        handle: title('title.district'),
        lazy: page(() => import('./features/districts/DistrictPage.tsx'), 'DistrictPage'),
      },
      {
        path: 'cerca',
        handle: title('search.title'),
        lazy: page(() => import('./features/search/SearchPage.tsx'), 'SearchPage'),
      },
      {
        path: 'empreses',
        handle: title('companies.title'),
        lazy: page(() => import('./features/companies/CompaniesPage.tsx'), 'CompaniesPage'),
      },
      {
        path: 'empreses/:slug',
        handle: title('title.company'),
        lazy: page(() => import('./features/companies/CompanyPage.tsx'), 'CompanyPage'),
      },
      {
        path: 'estadistiques',
        handle: title('stats.title'),
        lazy: page(() => import('./features/stats/StatsPage.tsx'), 'StatsPage'),
      },
      {
        path: 'pla',
        handle: title('plan.title'),
        lazy: page(() => import('./features/plan/PlanPage.tsx'), 'PlanPage'),
      },
      {
        path: 'entrar',
        handle: title('signIn.title'),
        lazy: page(() => import('./features/session/SignInPage.tsx'), 'SignInPage'),
      },
      {
        path: 'registre',
        handle: title('signUp.title'),
        lazy: page(() => import('./features/account/SignUpPage.tsx'), 'SignUpPage'),
      },
      {
        path: 'contrasenya',
        handle: title('reset.title'),
        lazy: page(() => import('./features/account/PasswordResetPage.tsx'), 'PasswordResetPage'),
      },
      {
        path: 'verifica',
        handle: title('verify.title'),
        lazy: page(() => import('./features/account/VerifyEmailPage.tsx'), 'VerifyEmailPage'),
      },
      {
        path: 'tauler',
        handle: title('dashboard.title'),
        lazy: page(() => import('./features/dashboard/DashboardPage.tsx'), 'DashboardPage'),
      },
      {
        path: 'tauler/asg/:slug',
        handle: title('esg.questionnaire'),
        lazy: page(() => import('./features/esg/EsgQuestionnairePage.tsx'), 'EsgQuestionnairePage'),
      },
      {
        path: 'moderacio',
        handle: title('moderation.title'),
        lazy: page(() => import('./features/moderation/ModerationPage.tsx'), 'ModerationPage'),
      },
      {
        path: 'moderacio/asg',
        handle: title('esgReview.title'),
        lazy: page(() => import('./features/esg/EsgReviewPage.tsx'), 'EsgReviewPage'),
      },
      {
        path: 'contractacio',
        handle: title('procurement.title'),
        lazy: page(() => import('./features/procurement/ProcurementPage.tsx'), 'ProcurementPage'),
      },
      {
        path: 'llistes',
        handle: title('shortlist.title'),
        lazy: page(() => import('./features/procurement/ShortlistsPage.tsx'), 'ShortlistsPage'),
      },
      {
        path: 'licitacions',
        handle: title('tender.title'),
        lazy: page(() => import('./features/procurement/TendersPage.tsx'), 'TendersPage'),
      },
      {
        path: 'licitacions/:id',
        handle: title('title.tender'),
        lazy: page(() => import('./features/procurement/TenderPage.tsx'), 'TenderPage'),
      },
      {
        path: 'llistes/:id',
        handle: title('title.shortlist'),
        lazy: page(() => import('./features/procurement/ShortlistPage.tsx'), 'ShortlistPage'),
      },
      { path: '*', handle: title('notFound.title'), element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <I18nProvider>
      <SessionClientProvider>
        <RouterProvider router={router} />
      </SessionClientProvider>
    </I18nProvider>
  );
}
