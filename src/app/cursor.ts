import { isUuid } from '../db/repositories/evidence.ts';
import type { Cursor as KeysetCursor } from '../db/repositories/paging.ts';
import { invalid } from '../domain/errors.ts';

/**
 * Cursors of paged lists: where the next page starts, as opaque text (base64url of JSON). A cursor
 * is read back only when its shape is the list's own; anything else is a 400 naming `cursor`.
 */
export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<T>(
  raw: string | undefined,
  isOwn: (value: unknown) => value is T,
  reason = 'is not a cursor of this list and sort',
): T | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (isOwn(value)) return value;
  } catch {
    // not JSON: refused below
  }
  throw invalid('Invalid query.', [{ name: 'cursor', reason }]);
}

/**
 * A keyset cursor of `db/repositories/paging.ts` (`[sort value, id]`) whose value `valueOk` accepts,
 * or a 400 naming `cursor` (lists sorted in the database: suppliers, initiatives).
 */
export function decodeKeysetCursor(
  raw: string | undefined,
  valueOk: (value: string) => boolean = () => true,
): KeysetCursor | undefined {
  const pair = decodeCursor(
    raw,
    (v): v is [string, string] =>
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      isUuid(v[1]) &&
      valueOk(v[0]),
    'is not a cursor of this list',
  );
  return pair && { value: pair[0], id: pair[1] };
}

/** The text of a keyset cursor, read back by {@link decodeKeysetCursor}. */
export const encodeKeysetCursor = (cursor: KeysetCursor): string => encodeCursor([cursor.value, cursor.id]);

/** The page size asked for, 1–`max` (400 naming `limit` otherwise). */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  const n = limit ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw invalid('Invalid query.', [{ name: 'limit', reason: `must be 1–${max}` }]);
  return n;
}
