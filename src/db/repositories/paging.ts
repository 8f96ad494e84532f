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

export interface Cursor {
  value: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** The cursor's parts, or undefined when it is not one of ours (the caller refuses it). */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string'))
      return { value: parsed[0] as string, id: parsed[1] as string };
  } catch {
    // not base64url JSON
  }
  return undefined;
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

/** Cuts the one extra row fetched and makes the cursor of the last row kept. */
export function toPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
): { items: R[]; nextCursor?: string } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return last === undefined ? { items } : { items, nextCursor: encodeCursor(cursorOf(last)) };
}
