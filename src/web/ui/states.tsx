import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Alert, Heading, Paragraph } from './text.tsx';
import { Button, Link } from './Button.tsx';
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

/**
 * Shows loading, an error, or the content of a resource once it has data. With `page`, the resource is
 * what the page is about: a 404 (not there, or not yours: the API does not tell) becomes the not-found
 * page with its own h1, and any other error gets an h1 too, so the page keeps its outline.
 */
export function ResourceView<T>({
  resource,
  children,
  page,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
  page?: boolean;
}) {
  if (resource.error && resource.data === undefined) {
    if (page && resource.error.status === 404) return <NotFound />;
    if (page) return <PageError error={resource.error} onRetry={resource.reload} />;
    return <ErrorAlert error={resource.error} onRetry={resource.reload} />;
  }
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}

/** The not-found page: for unknown addresses, and for data that does not exist or is not yours. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('common.notFound')}>{t('common.notFound')}</PageTitle>
      <Paragraph>{t('common.notFoundText')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('nav.home')}</Link>
      </Paragraph>
    </>
  );
}

function PageError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('common.error')}>{t('common.error')}</PageTitle>
      <ErrorAlert error={error} onRetry={onRetry} />
    </>
  );
}

/**
 * A result message that takes the focus when it appears (or its text changes), so someone on a
 * keyboard or a screen reader lands on the outcome instead of on <body> when the control they used
 * goes away (verify, submit, review).
 */
export function Notice({ message, type = 'ok' }: { message: string; type?: 'ok' | 'info' | 'warning' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} tabIndex={-1} className="retour-notice" data-testid="notice">
      <Alert type={type}>{message}</Alert>
    </div>
  );
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
