import { query } from '../../api.ts';
import type { MessageKey } from '../../i18n/nl.ts';

/** GET /notifications: one of my notifications; the text is written here from `kind` and `params`. */
export interface Notification {
  id: string;
  kind:
    | 'reportToVerify'
    | 'planToReview'
    | 'questionAnswered'
    | 'activityRejected'
    | 'activityQuestion'
    | 'reportVerified'
    | 'planReturned'
    | 'pledgeMade'
    | 'reportsDue'
    | 'reportsOverdue';
  subjectType: string;
  subjectId: string;
  /** The page where the work is done. */
  link: string;
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor?: string;
}

export const notificationEndpoints = {
  list: (cursor?: string) => `/notifications${query({ limit: 20, cursor })}`,
  unreadCount: '/notifications/unread-count',
  read: (id: string) => `/notifications/${id}/read`,
  readAll: '/notifications/read-all',
};

/** Said on window when notifications were read here, so the bell counts again at once. */
export const notificationsChanged = 'retour:notifications-changed';

export interface TextTools {
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  halfYear: (period: string) => string;
  date: (iso: string | null | undefined) => string;
  typeName: (code: string) => string;
}

/** The sentence of a notification in the UI language. */
export function notificationText(n: Notification, { t, halfYear, date, typeName }: TextTools): string {
  const p = n.params;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  const count = typeof p.count === 'number' ? p.count : 1;
  const vars = {
    supplier: str('supplierName'),
    reference: str('contractReference'),
    period: str('period') ? halfYear(str('period')) : '',
    type: str('typeCode') ? typeName(str('typeCode')) : '',
    version: typeof p.version === 'number' ? p.version : '',
    date: str('dueDate') ? date(str('dueDate')) : '',
    count,
  };
  if ((n.kind === 'reportsDue' || n.kind === 'reportsOverdue') && count > 1)
    return t(`notifications.kind.${n.kind}Many` as MessageKey, vars);
  return t(`notifications.kind.${n.kind}` as MessageKey, vars);
}
