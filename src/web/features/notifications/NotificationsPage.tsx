import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTypeNames } from '../../lib/activityTypes.ts';
import { Button, ButtonGroup, Link } from '../../ui/Button.tsx';
import { ErrorAlert, Loading, PageTitle } from '../../ui/states.tsx';
import { Paragraph, StatusBadge, cx } from '../../ui/text.tsx';
import {
  notificationEndpoints,
  notificationsChanged,
  notificationText,
  type Notification,
  type NotificationPage,
} from './model.ts';

const changed = () => window.dispatchEvent(new Event(notificationsChanged));

/**
 * My notifications, newest first, 20 at a time. Opening one marks it read and lands on the item
 * (the same pages the work queue links to); "mark all read" clears the bell.
 */
export default function NotificationsPage() {
  const { t, date, dateTime, halfYear } = useI18n();
  const typeName = useTypeNames();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<NotificationPage>(notificationEndpoints.list())
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setNext(page.nextCursor);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      });
    return () => {
      live = false;
    };
  }, [tick]);

  async function more() {
    if (!next) return;
    setBusy(true);
    try {
      const page = await api.get<NotificationPage>(notificationEndpoints.list(next));
      setItems((old) => [...(old ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  }

  async function open(n: Notification) {
    if (!n.readAt) {
      try {
        await api.post(notificationEndpoints.read(n.id));
        changed();
      } catch {
        // still go to the item; it stays unread
      }
    }
    void navigate(n.link);
  }

  async function readAll() {
    setBusy(true);
    try {
      await api.post(notificationEndpoints.readAll);
      changed();
      setTick((x) => x + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  }

  const title = t('notifications.title');
  const unread = (items ?? []).some((n) => !n.readAt);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <ErrorAlert error={error} onRetry={() => setTick((x) => x + 1)} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items !== null && items.length === 0 ? <Paragraph>{t('notifications.none')}</Paragraph> : null}
      {items !== null && items.length > 0 ? (
        <>
          <ButtonGroup>
            <Button variant="secondary" disabled={busy || !unread} onClick={() => void readAll()}>
              {t('notifications.readAll')}
            </Button>
          </ButtonGroup>
          <ul className="retour-notifications">
            {items.map((n) => (
              <li
                key={n.id}
                className={cx('retour-notification', !n.readAt && 'retour-notification--unread')}
              >
                <Link
                  to={n.link}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    void open(n);
                  }}
                >
                  {notificationText(n, { t, halfYear, date, typeName })}
                </Link>
                <Paragraph small>
                  {!n.readAt ? (
                    <>
                      <StatusBadge tone="warning">{t('notifications.unread')}</StatusBadge>{' '}
                    </>
                  ) : null}
                  {[
                    dateTime(n.createdAt),
                    typeof n.params.contractTitle === 'string' ? n.params.contractTitle : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Paragraph>
              </li>
            ))}
          </ul>
          {next ? (
            <Button variant="secondary" disabled={busy} onClick={() => void more()}>
              {t('notifications.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
