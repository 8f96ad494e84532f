import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout.tsx';
import { RequireRole } from './guards.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { Loading } from '../ui/states.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';

// Every page but the home page is its own chunk: the first load stays small, and recharts only
// loads with the dashboard.
const EstimatePage = lazy(() => import('../features/estimate/EstimatePage.tsx'));
const SignInPage = lazy(() => import('../features/session/SignInPage.tsx'));
const SwitchTenantPage = lazy(() => import('../features/session/SwitchTenantPage.tsx'));

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
const staff = ['advisor', 'municipalityAdmin'] as const;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/estimate', element: page(<EstimatePage />) },
      { path: '/sign-in', element: page(<SignInPage />) },
      { path: '/switch-tenant', element: page(<RequireRole>{<SwitchTenantPage />}</RequireRole>) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
void staff;

export function App() {
  return <RouterProvider router={router} />;
}
