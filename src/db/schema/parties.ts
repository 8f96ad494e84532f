import { jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { tenants } from './tenancy.ts';

/** Supplier (opdrachtnemer) organisation, known to one tenant. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    kvkNumber: text('kvk_number').notNull(),
    /** [{ name, email, phone? }] */
    contacts: jsonb('contacts').notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    unique('suppliers_tenant_kvk').on(t.tenantId, t.kvkNumber),
    // the key of contracts' foreign key to their supplier AND its tenant (decision 033)
    unique('suppliers_id_tenant').on(t.id, t.tenantId),
  ],
);

/** Social enterprise or social initiative with its marketplace profile (handprint). */
export const initiatives = pgTable('initiatives', {
  id: id(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  kind: text('kind').notNull(), // 'initiative' | 'socialEnterprise'
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  themes: jsonb('themes').notNull().default([]),
  targetGroups: jsonb('target_groups').notNull().default([]),
  location: text('location'),
  /** draft → submitted → approved | rejected (domain/marketplace.ts); only approved is public. */
  status: text('status').notNull().default('draft'),
  reviewReason: text('review_reason'),
  submittedAt: at('submitted_at'),
  reviewedAt: at('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  updatedAt: at('updated_at'),
  createdAt: createdAt(),
});
