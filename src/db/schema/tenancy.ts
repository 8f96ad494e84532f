import { boolean, date, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

/** A municipality (gemeente) or other public buyer. Every business row carries its tenant id. */
export const tenants = pgTable('tenants', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Results in the open (public page, open data): off until the municipality switches it on. */
  publishResults: boolean('publish_results').notNull().default(false),
  createdAt: createdAt(),
});

/** Policy versions are stored, never edited in place: a new version gets the next number. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: integer('version').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** The whole validated policy value of src/domain/policy.ts. */
    policy: jsonb('policy').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('policy_versions_tenant_version').on(t.tenantId, t.version),
    // the key of contracts' foreign key to their policy version AND its tenant (decision 033)
    unique('policy_versions_id_tenant').on(t.id, t.tenantId),
  ],
);
