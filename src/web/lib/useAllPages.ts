import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import type { Resource } from './useResource.ts';

/** A page of a list that can grow: `GET …?limit&cursor` answers `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Every item of a paged list, following `nextCursor` (500 a page), for the few places that need
 * them all at once: a select of suppliers. A list on screen pages instead (SuppliersPage).
 */
export function useAllPages<T>(path: string | null): Resource<{ items: T[] }> {
  const [data, setData] = useState<{ items: T[] } | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    const sep = path.includes('?') ? '&' : '?';
    (async () => {
      const all: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<T>>(
          `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && live);
      return all;
    })()
      .then((items) => {
        if (!live) return;
        setData({ items });
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}
