import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { Layout } from './components/layout/Layout.tsx';
import { DistrictPage } from './features/districts/DistrictPage.tsx';
import { DistrictsPage } from './features/districts/DistrictsPage.tsx';
import { PlanPage } from './features/plan/PlanPage.tsx';
import { SignInPage } from './features/session/SignInPage.tsx';
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
      { path: 'pla', element: <PlanPage /> },
      { path: 'entrar', element: <SignInPage /> },
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
