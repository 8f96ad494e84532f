import { useEffect, type ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Alert, Heading, Paragraph } from './text.tsx';
import { Button } from './Button.tsx';
import type { Resource } from '../lib/useResource.ts';

/** A readable message for an API error (the API's own detail, or a network message). */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useI18n();
  return (error) => {
    if (error.status === 0) return t('common.networkError');
    if (error.status === 403) return t('common.forbidden');
    if (error.status === 404) return t('common.notFoundText');
    return error.detail ?? error.title ?? t('common.error');
  };
}

export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <Alert type="error" heading={error.status === 404 ? t('common.notFound') : t('common.error')}>
      <Paragraph>{text(error)}</Paragraph>
      {onRetry && error.status !== 404 && error.status !== 403 ? (
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      ) : null}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="utrecht-paragraph retour-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Shows loading, an error, or the content of a resource once it has data. */
export function ResourceView<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.error && resource.data === undefined)
    return <ErrorAlert error={resource.error} onRetry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}

/** The h1 of a page and its document title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${app}`;
  }, [title, app]);
  return (
    <Heading level={1} className="retour-page-title">
      {children}
    </Heading>
  );
}
