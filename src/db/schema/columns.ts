import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders: ids are uuids made by the database, amounts are bigint euro cents. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const centsColumn = (name: string) => bigint(name, { mode: 'number' });
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
