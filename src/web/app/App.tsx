import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout.tsx';
import { RequireRole } from './guards.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import type { Role } from '../features/session/session.tsx';
import { Loading } from '../ui/states.tsx';

// Every page but the home page is its own chunk: the first load stays small, and recharts only
// loads with the dashboard.
const EstimatePage = lazy(() => import('../features/estimate/EstimatePage.tsx'));
const TenderAdvicePage = lazy(() => import('../features/tender/TenderAdvicePage.tsx'));
const PublicResultsPage = lazy(() => import('../features/results/PublicResultsPage.tsx'));
const SignInPage = lazy(() => import('../features/session/SignInPage.tsx'));
const SwitchTenantPage = lazy(() => import('../features/session/SwitchTenantPage.tsx'));
const SetPasswordPage = lazy(() => import('../features/session/SetPasswordPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../features/session/ForgotPasswordPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const ContractListPage = lazy(() => import('../features/contracts/ContractListPage.tsx'));
const ContractPage = lazy(() => import('../features/contracts/ContractPage.tsx'));
const ReportPage = lazy(() => import('../features/contracts/ReportPage.tsx'));
const SummaryPage = lazy(() => import('../features/contracts/SummaryPage.tsx'));
const PolicyPage = lazy(() => import('../features/policies/PolicyPage.tsx'));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx'));
const AuditPage = lazy(() => import('../features/admin/AuditPage.tsx'));
const NewSupplierPage = lazy(() => import('../features/advisor/NewSupplierPage.tsx'));
const NewContractPage = lazy(() => import('../features/advisor/NewContractPage.tsx'));
const ContractImportPage = lazy(() => import('../features/advisor/ContractImportPage.tsx'));
const SuppliersPage = lazy(() => import('../features/suppliers/SuppliersPage.tsx'));
const SupplierPage = lazy(() => import('../features/suppliers/SupplierPage.tsx'));
const SupplierHomePage = lazy(() => import('../features/supplier/SupplierHomePage.tsx'));
const PlanBuilderPage = lazy(() => import('../features/supplier/PlanBuilderPage.tsx'));
const MarketplacePage = lazy(() => import('../features/marketplace/MarketplacePage.tsx'));
const InitiativePage = lazy(() => import('../features/marketplace/InitiativePage.tsx'));
const ReviewListPage = lazy(() => import('../features/marketplace/ReviewListPage.tsx'));
const ProfilePage = lazy(() => import('../features/marketplace/ProfilePage.tsx'));
const OfferPage = lazy(() => import('../features/marketplace/OfferPage.tsx'));
const PledgesPage = lazy(() => import('../features/marketplace/PledgesPage.tsx'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx'));

const page = (node: ReactNode, roles?: readonly Role[]) => (
  <RequireRole {...(roles ? { roles } : {})}>
    <Suspense fallback={<Loading />}>{node}</Suspense>
  </RequireRole>
);
const publicPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

const staff: Role[] = ['advisor', 'municipalityAdmin'];
const contractReaders: Role[] = ['advisor', 'municipalityAdmin', 'contractManager', 'supplier', 'verifier'];

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/estimate', element: publicPage(<EstimatePage />) },
      { path: '/tender-advice', element: publicPage(<TenderAdvicePage />) },
      { path: '/results/:slug', element: publicPage(<PublicResultsPage />) },
      { path: '/sign-in', element: publicPage(<SignInPage />) },
      { path: '/invitation', element: publicPage(<SetPasswordPage purpose="invitation" />) },
      { path: '/password-reset', element: publicPage(<SetPasswordPage purpose="passwordReset" />) },
      { path: '/forgot-password', element: publicPage(<ForgotPasswordPage />) },
      { path: '/switch-tenant', element: page(<SwitchTenantPage />) },
      {
        path: '/notifications',
        element: page(<NotificationsPage />, [...contractReaders, 'initiative']),
      },
      { path: '/dashboard', element: page(<DashboardPage />, staff) },
      {
        path: '/contracts',
        element: page(<ContractListPage />, ['advisor', 'municipalityAdmin', 'contractManager', 'verifier']),
      },
      { path: '/contracts/new', element: page(<NewContractPage />, ['advisor']) },
      { path: '/contracts/import', element: page(<ContractImportPage />, ['advisor']) },
      { path: '/suppliers/new', element: page(<NewSupplierPage />, ['advisor']) },
      {
        path: '/suppliers',
        element: page(<SuppliersPage />, ['advisor', 'municipalityAdmin', 'contractManager']),
      },
      {
        path: '/suppliers/:id',
        element: page(<SupplierPage />, ['advisor', 'municipalityAdmin', 'contractManager']),
      },
      { path: '/contracts/:id', element: page(<ContractPage />, contractReaders) },
      {
        path: '/contracts/:id/summary',
        element: page(<SummaryPage />, ['advisor', 'municipalityAdmin', 'contractManager']),
      },
      { path: '/contracts/:id/reports/:reportId', element: page(<ReportPage />, contractReaders) },
      { path: '/contracts/:id/plan', element: page(<PlanBuilderPage />, ['supplier']) },
      { path: '/policies', element: page(<PolicyPage />, staff) },
      { path: '/users', element: page(<UsersPage />, ['municipalityAdmin', 'platformAdmin']) },
      { path: '/audit-log', element: page(<AuditPage />, ['municipalityAdmin', 'platformAdmin']) },
      { path: '/supplier', element: page(<SupplierHomePage />, ['supplier']) },
      { path: '/marketplace', element: page(<MarketplacePage />, ['supplier']) },
      { path: '/offer', element: page(<OfferPage />, ['supplier']) },
      { path: '/marketplace/review', element: page(<ReviewListPage />, staff) },
      { path: '/marketplace/:id', element: page(<InitiativePage />, ['supplier', ...staff]) },
      { path: '/pledges', element: page(<PledgesPage />, ['supplier', ...staff]) },
      { path: '/initiative', element: page(<ProfilePage />, ['initiative']) },
      { path: '/initiative/pledges', element: page(<PledgesPage decide />, ['initiative']) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
