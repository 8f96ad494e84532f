import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { notifications } from '../schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** What a notification says (rendered by the UI from `kind` and `params`) and where it leads. */
export interface NewNotification {
  kind: string;
  subjectType: string;
  subjectId: string;
  /** The web path of the item, e.g. `/contracts/…/reports/…`. */
  link: string;
  params: Record<string, string | number | null>;
}

/**
 * Who hears about it, among the enabled users with an enabled role in the municipality:
 * - `advisors`: its advisors; with `verifiersOf` also the independent verifiers assigned to that contract;
 * - `supplierId`: the supplier organisation's users;
 * - `initiativeId`: the initiative's users;
 * - `deciders`: these users, when they are still an advisor or verifier of the municipality.
 */
export interface Audience {
  advisors?: boolean;
  verifiersOf?: string;
  supplierId?: string;
  initiativeId?: string;
  deciders?: readonly string[];
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

function audienceWhere(who: Audience): SQL {
  const parts: SQL[] = [];
  if (who.advisors) parts.push(sql`m.role = 'advisor'`);
  if (who.verifiersOf)
    parts.push(sql`(m.role = 'verifier' and exists (
      select 1 from contract_verifiers cv
      where cv.tenant_id = m.tenant_id and cv.contract_id = ${who.verifiersOf}::uuid and cv.user_id = m.user_id))`);
  if (who.supplierId) parts.push(sql`(m.role = 'supplier' and m.supplier_id = ${who.supplierId}::uuid)`);
  if (who.initiativeId)
    parts.push(sql`(m.role = 'initiative' and m.initiative_id = ${who.initiativeId}::uuid)`);
  if (who.deciders && who.deciders.length > 0)
    parts.push(
      sql`(m.role in ('advisor', 'verifier') and m.user_id in (${sql.join(
        who.deciders.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`,
    );
  return parts.length > 0 ? sql.join(parts, sql` or `) : sql`false`;
}

/**
 * `created_at` is always given (the use case's clock, whole milliseconds), so the list's keyset
 * cursor (a JavaScript date) compares equal to the stored value.
 *
 * One notification per user of the audience (a user with two roles in the municipality gets one),
 * never to `except` (who caused it), in the caller's transaction, in one statement. Returns the
 * user ids notified.
 */
export async function notifyAudience(
  tx: Tx,
  tenantId: string,
  who: Audience,
  note: NewNotification,
  except: string | null,
  now: Date,
): Promise<string[]> {
  const result = await tx.execute(sql`
    insert into notifications (tenant_id, user_id, kind, subject_type, subject_id, link, params, created_at)
    select distinct m.tenant_id, m.user_id, ${note.kind}, ${note.subjectType}, ${note.subjectId}::uuid,
           ${note.link}, ${JSON.stringify(note.params)}::jsonb, ${now.toISOString()}::timestamptz
    from memberships m
    join users u on u.id = m.user_id and not u.disabled
    where m.tenant_id = ${tenantId}::uuid and not m.disabled
      and (${audienceWhere(who)})
      ${except ? sql`and m.user_id <> ${except}::uuid` : sql``}
    returning user_id as "userId"`);
  return rowsOf<{ userId: string }>(result)
    .map((r) => r.userId)
    .sort();
}

/** Ready-made rows (the deadline job: one summary per recipient), inserted in one statement. */
export async function insertNotifications(
  tx: Tx,
  rows: readonly (NewNotification & { tenantId: string; userId: string; createdAt: Date })[],
): Promise<number> {
  if (rows.length === 0) return 0;
  await tx.insert(notifications).values(rows.map((r) => ({ ...r })));
  return rows.length;
}

/**
 * The users behind the given addresses who have a role in the municipality (the deadline job knows
 * its recipients by address; contacts without an account get mail only).
 */
export async function usersByEmail(
  db: Db | Tx,
  tenantId: string,
  emails: readonly string[],
): Promise<{ userId: string; email: string }[]> {
  if (emails.length === 0) return [];
  const result = await db.execute(sql`
    select distinct u.id as "userId", lower(u.email) as email
    from users u
    join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId}::uuid and not m.disabled
    where not u.disabled and lower(u.email) in (${sql.join(
      emails.map((e) => sql`${e.toLowerCase()}`),
      sql`, `,
    )})`);
  return rowsOf<{ userId: string; email: string }>(result);
}

const mine = (tenantId: string, userId: string) =>
  and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId));

/** One page of a user's notifications, newest first (keyset on created_at, id). */
export async function pageNotifications(
  db: Db | Tx,
  tenantId: string,
  userId: string,
  query: { limit: number; unreadOnly: boolean; after?: { createdAt: Date; id: string } | undefined },
): Promise<NotificationRow[]> {
  const after = query.after;
  return db
    .select()
    .from(notifications)
    .where(
      and(
        mine(tenantId, userId),
        query.unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, after.createdAt),
              and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
}

export async function countUnread(db: Db | Tx, tenantId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(tenantId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (kept as it was when read already); undefined if not theirs. */
export async function markRead(
  tx: Tx,
  tenantId: string,
  userId: string,
  id: string,
  now: Date,
): Promise<NotificationRow | undefined> {
  const [updated] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(mine(tenantId, userId), eq(notifications.id, id)))
    .returning();
  return updated;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllRead(tx: Tx, tenantId: string, userId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(tenantId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Housekeeping: read notifications read before `before` are removed; returns how many. */
export async function pruneReadNotifications(db: Db, before: Date, tenantId?: string): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(and(lt(notifications.readAt, before), tenantId ? eq(notifications.tenantId, tenantId) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
