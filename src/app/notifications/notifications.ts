import type { Role } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import {
  countUnread,
  markAllRead,
  markRead,
  pageNotifications,
  pruneReadNotifications,
  type NotificationRow,
} from '../../db/repositories/notifications.ts';
import type { NotificationKind } from './notify.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

/** Everyone with a role in a municipality has notifications; a platform admin acts outside one. */
export const notificationReaders: readonly Role[] = [
  'municipalityAdmin',
  'advisor',
  'contractManager',
  'supplier',
  'initiative',
  'verifier',
];

/** Read notifications are kept this long, then housekeeping removes them; unread ones stay. */
export const readNotificationRetentionDays = 90;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  subjectType: 'report' | 'plan' | 'activity' | 'pledge';
  subjectId: string;
  link: string;
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
}

const present = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  subjectType: r.subjectType as NotificationView['subjectType'],
  subjectId: r.subjectId,
  link: r.link,
  params: (r.params ?? {}) as NotificationView['params'],
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

type ListCursor = [string, string];
const isListCursor = (v: unknown): v is ListCursor =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'string' &&
  !Number.isNaN(Date.parse(v[0])) &&
  typeof v[1] === 'string' &&
  isUuid(v[1]);

/** The actor's own notifications, newest first, a page at a time; `unread` keeps the unread ones. */
export const listNotifications = defineUseCase<
  { limit?: number | undefined; cursor?: string | undefined; unread?: boolean | undefined },
  { items: NotificationView[]; nextCursor?: string }
>({
  name: 'notification.list',
  access: notificationReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const limit = pageLimit(input.limit, 20, 100);
    const cursor = decodeCursor(input.cursor, isListCursor);
    const rows = await pageNotifications(deps.db, tenantId, actor.userId, {
      limit,
      unreadOnly: input.unread ?? false,
      after: cursor && { createdAt: new Date(cursor[0]), id: cursor[1] },
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(present),
      ...(rows.length > limit && last
        ? { nextCursor: encodeCursor([last.createdAt.toISOString(), last.id]) }
        : {}),
    };
  },
});

/** How many of the actor's notifications are unread (the bell in the header). */
export const unreadNotificationCount = defineUseCase<Record<string, never>, { unread: number }>({
  name: 'notification.unreadCount',
  access: notificationReaders,
  async run({ deps, actor }) {
    return { unread: await countUnread(deps.db, tenantOf(actor), actor.userId) };
  },
});

/**
 * Marks one of the actor's notifications read (again: it stays read as of the first time).
 * Someone else's is 404, as one that does not exist. Not audited: it is the reader's own state,
 * not a change of municipal data (decision 027).
 */
export const readNotification = defineUseCase<{ id: string }, NotificationView>({
  name: 'notification.read',
  access: notificationReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    if (!isUuid(input.id)) throw new DomainError('NOT_FOUND', 'No such notification.');
    const row = await deps.db.transaction((tx) => markRead(tx, tenantId, actor.userId, input.id, deps.now()));
    if (!row) throw new DomainError('NOT_FOUND', 'No such notification.');
    return present(row);
  },
});

/** Marks all of the actor's notifications read. */
export const readAllNotifications = defineUseCase<Record<string, never>, { marked: number }>({
  name: 'notification.readAll',
  access: notificationReaders,
  async run({ deps, actor }) {
    const tenantId = tenantOf(actor);
    return { marked: await deps.db.transaction((tx) => markAllRead(tx, tenantId, actor.userId, deps.now())) };
  },
});

/** Housekeeping: read notifications older than the retention are removed. */
export function pruneReadNotificationsBefore(db: Db, now: Date, tenantId?: string): Promise<number> {
  return pruneReadNotifications(
    db,
    new Date(now.getTime() - readNotificationRetentionDays * 86_400_000),
    tenantId,
  );
}
