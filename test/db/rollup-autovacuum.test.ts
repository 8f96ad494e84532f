import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The rollup table is vacuumed and analysed after 2% of its rows changed, not the default 20%
 * (migration 0023): its rows are rewritten by every activity written.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('progress_sums is vacuumed and analysed after 2% of its rows changed', async () => {
  const result = (await t.deps.db.execute(
    sql`select reloptions from pg_class where relname = 'progress_sums' and relkind = 'r'`,
  )) as unknown as { rows: { reloptions: string[] | null }[] };
  expect(result.rows).toHaveLength(1);
  expect([...(result.rows[0]?.reloptions ?? [])].sort()).toEqual([
    'autovacuum_analyze_scale_factor=0.02',
    'autovacuum_vacuum_scale_factor=0.02',
  ]);
});
