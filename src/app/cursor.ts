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
): T | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (isOwn(value)) return value;
  } catch {
    // not JSON: refused below
  }
  throw invalid('Invalid query.', [{ name: 'cursor', reason: 'is not a cursor of this list and sort' }]);
}

/** The page size asked for, 1–`max` (400 naming `limit` otherwise). */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  const n = limit ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw invalid('Invalid query.', [{ name: 'limit', reason: `must be 1–${max}` }]);
  return n;
}
