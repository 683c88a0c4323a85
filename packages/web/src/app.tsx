import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { Layout } from './components/layout/Layout.tsx';
import { PasswordResetPage } from './features/account/PasswordResetPage.tsx';
import { SignUpPage } from './features/account/SignUpPage.tsx';
import { VerifyEmailPage } from './features/account/VerifyEmailPage.tsx';
import { CompaniesPage } from './features/companies/CompaniesPage.tsx';
import { CompanyPage } from './features/companies/CompanyPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { DistrictPage } from './features/districts/DistrictPage.tsx';
import { DistrictsPage } from './features/districts/DistrictsPage.tsx';
import { EsgQuestionnairePage } from './features/esg/EsgQuestionnairePage.tsx';
import { EsgReviewPage } from './features/esg/EsgReviewPage.tsx';
import { ModerationPage } from './features/moderation/ModerationPage.tsx';
import { PlanPage } from './features/plan/PlanPage.tsx';
import { ProcurementPage } from './features/procurement/ProcurementPage.tsx';
import { ShortlistPage } from './features/procurement/ShortlistPage.tsx';
import { ShortlistsPage } from './features/procurement/ShortlistsPage.tsx';
import { TenderPage } from './features/procurement/TenderPage.tsx';
import { TendersPage } from './features/procurement/TendersPage.tsx';
import { SearchPage } from './features/search/SearchPage.tsx';
import { SignInPage } from './features/session/SignInPage.tsx';
import { StatsPage } from './features/stats/StatsPage.tsx';
import { I18nProvider } from './lib/i18n/i18n.tsx';
import { createUrqlClient } from './lib/urql.ts';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'districtes', element: <DistrictsPage /> },
      { path: 'districtes/:code', element: <DistrictPage /> },
      { path: 'cerca', element: <SearchPage /> },
      { path: 'empreses', element: <CompaniesPage /> },
      { path: 'empreses/:slug', element: <CompanyPage /> },
      { path: 'estadistiques', element: <StatsPage /> },
      { path: 'pla', element: <PlanPage /> },
      { path: 'entrar', element: <SignInPage /> },
      { path: 'registre', element: <SignUpPage /> },
      { path: 'contrasenya', element: <PasswordResetPage /> },
      { path: 'verifica', element: <VerifyEmailPage /> },
      { path: 'tauler', element: <DashboardPage /> },
      { path: 'tauler/asg/:slug', element: <EsgQuestionnairePage /> },
      { path: 'moderacio', element: <ModerationPage /> },
      { path: 'moderacio/asg', element: <EsgReviewPage /> },
      { path: 'contractacio', element: <ProcurementPage /> },
      { path: 'llistes', element: <ShortlistsPage /> },
      { path: 'licitacions', element: <TendersPage /> },
      { path: 'licitacions/:id', element: <TenderPage /> },
      { path: 'llistes/:id', element: <ShortlistPage /> },
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
