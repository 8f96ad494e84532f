import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../ui/Button.tsx';
import { useSession } from '../session/session.tsx';
import { notificationEndpoints, notificationsChanged } from './model.ts';

/** How often the bell asks for the count while the page is visible. */
const pollMs = 60_000;

/**
 * The bell in the header: a link to the notifications with the unread count in its name
 * ("Meldingen, 3 ongelezen"). Asks on navigation, every minute while the tab is visible, and when
 * notifications were read here; never when signed out or outside a municipality.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();
  const active = Boolean(me?.tenant && me.role !== 'platformAdmin');
  const scope = active ? `${me?.tenant?.id ?? ''} ${me?.role ?? ''}` : null;
  const [count, setCount] = useState<number | null>(null);

  const load = useCallback(() => {
    if (scope === null || document.visibilityState === 'hidden') return;
    api
      .get<{ unread: number }>(notificationEndpoints.unreadCount)
      .then((r) => setCount(r.unread))
      .catch(() => undefined); // the count is a hint: a failed ask keeps the last one
  }, [scope]);

  useEffect(() => {
    if (scope === null) {
      setCount(null);
      return;
    }
    const timer = setInterval(load, pollMs);
    window.addEventListener(notificationsChanged, load);
    document.addEventListener('visibilitychange', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(notificationsChanged, load);
      document.removeEventListener('visibilitychange', load);
    };
  }, [scope, load]);

  // On every navigation (and when the municipality or role changes).
  useEffect(() => load(), [pathname, load]);

  if (!active) return null;
  // Until the count is known the bell says only its name: "geen ongelezen" would be a guess.
  const n = count ?? 0;
  const label =
    count === null
      ? t('notifications.title')
      : n === 0
        ? t('notifications.bellNone')
        : t('notifications.bell', { n });
  return (
    <Link to="/notifications" className="retour-bell" aria-label={label}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span className="retour-bell__label">{t('notifications.title')}</span>
      {n > 0 ? (
        <span className="retour-bell__count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      ) : null}
    </Link>
  );
}
