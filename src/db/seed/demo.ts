import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.ts';
import { tenants } from '../schema/index.ts';

/** Loads the demo municipality on the first start of an empty database. Returns true when it did. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tenants);
  if ((row?.n ?? 0) > 0) return false;
  await deps.db.transaction(async (tx) => {
    await tx.insert(tenants).values({ slug: 'voorbeeldstad', name: 'Gemeente Voorbeeldstad' });
  });
  return true;
}
