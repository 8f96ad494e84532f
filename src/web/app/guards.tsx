import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession, type Role } from '../features/session/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Alert, Paragraph } from '../ui/text.tsx';
import { Loading, PageTitle } from '../ui/states.tsx';

/**
 * Shows the page only to signed-in users with one of the roles. The API decides what data anyone may
 * see; this only avoids showing a page that would answer 403.
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { me, checking, signedOut } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (checking) return <Loading />;
  if (!me)
    return (
      <Navigate
        to={
          signedOut
            ? '/sign-in?signedOut=1'
            : `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`
        }
        replace
      />
    );
  if (roles && (!me.role || !roles.includes(me.role)))
    return (
      <>
        <PageTitle title={t('common.forbiddenTitle')}>{t('common.forbiddenTitle')}</PageTitle>
        <Alert type="warning">
          <Paragraph>{t('common.forbidden')}</Paragraph>
        </Alert>
      </>
    );
  return <>{children}</>;
}
