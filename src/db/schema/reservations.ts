import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns.ts';
import { contracts } from './contracts.ts';
import { tenants } from './tenancy.ts';

/**
 * A reserved contract (voorbehouden opdracht): the eligibility condition its supplier meets, a PSO
 * 30+ certificate or a stated share of at least 30% staff from the target groups, with the dates it
 * is valid. One row per reserved contract; no row: not reserved.
 */
export const contractReservations = pgTable('contract_reservations', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  basis: text('basis').notNull(), // 'pso30plus' | 'targetGroupShare'
  /** The share of staff from the target groups, basis points (≥ 3000); for PSO 30+ as certified, optional. */
  shareBp: integer('share_bp'),
  /** The certificate number or the statement's reference. */
  reference: text('reference').notNull().default(''),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  createdAt: createdAt(),
});
