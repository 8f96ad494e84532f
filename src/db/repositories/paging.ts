import { and, asc, desc, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Keyset paging (decision 015): a page is "the next `limit` rows after this one" in a stable order
 * (the sort field, then the id), so the database reads only one page whatever the list's length,
 * and rows added meanwhile never shift a page. The cursor carries the last row's sort value and id.
 */
export interface PageRequest {
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
  descending: boolean;
}

/** The last row's sort value and id: where the next page starts (`app/cursor.ts` makes it text). */
export interface Cursor {
  value: string;
  id: string;
}

/** Where-condition for the rows after the cursor, and the order by (sort column, id). */
export function keyset(
  column: AnyColumn | SQL,
  id: AnyColumn,
  cursor: { value: unknown; id: string } | undefined,
  descending: boolean,
) {
  const dir = descending ? desc : asc;
  const beyond = (left: AnyColumn | SQL, right: unknown) =>
    descending ? sql`${left} < ${right}` : sql`${left} > ${right}`;
  const after: SQL | undefined = cursor
    ? or(beyond(column, cursor.value), and(sql`${column} = ${cursor.value}`, beyond(id, cursor.id)))
    : undefined;
  return { after, orderBy: [dir(column), dir(id)] };
}

/** Cuts the one extra row fetched; `next` is the key of the last row kept when more rows follow. */
export function toPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
): { items: R[]; next?: Cursor } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return last === undefined ? { items } : { items, next: cursorOf(last) };
}
