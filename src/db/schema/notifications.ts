import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { users } from './identity.ts';
import { tenants } from './tenancy.ts';

/**
 * In-app notifications (decision 027): "something new waits for you", beside the mails. Written in
 * the transaction of the change that causes it, for one user in one municipality. The text is not
 * stored: `kind` and `params` are rendered in the reader's language by the UI; `link` is the web
 * path of the item (the same places the work queue links to).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    link: text('link').notNull(),
    params: jsonb('params').notNull().default({}),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [
    // The list, newest first (keyset on created_at, id), and the unread ones (count, "unread only").
    index('notifications_inbox').on(t.tenantId, t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread')
      .on(t.tenantId, t.userId, t.createdAt.desc(), t.id.desc())
      .where(sql`read_at is null`),
    // Housekeeping prunes read notifications by age.
    index('notifications_read_at')
      .on(t.readAt)
      .where(sql`read_at is not null`),
  ],
);
