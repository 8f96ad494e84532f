import { index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, centsColumn, createdAt, id } from './columns.ts';
import { contracts } from './contracts.ts';
import { initiatives, suppliers } from './parties.ts';
import { activities } from './reporting.ts';
import { tenants } from './tenancy.ts';

/** What an initiative asks for (hours of some expertise, goods, money, a place), in its order. */
export const initiativeNeeds = pgTable(
  'initiative_needs',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    kind: text('kind').notNull(), // hours | goods | money | place
    expertise: text('expertise'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 2 }),
    position: integer('position').notNull().default(0),
    /** open | closed: a closed need takes no new pledges (a removed need that has pledges is closed). */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [index('initiative_needs_initiative').on(t.initiativeId)],
);

/** A supplier's pledge to an initiative for one of its contracts; confirmed, it becomes an activity. */
export const pledges = pgTable(
  'pledges',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** The need of the initiative this pledge answers (decision 026); null for pledges made before. */
    needId: uuid('need_id').references(() => initiativeNeeds.id),
    kind: text('kind').notNull(), // hours | money | goods
    hours: numeric('hours', { precision: 12, scale: 2 }),
    amountCents: centsColumn('amount_cents'),
    period: text('period').notNull(),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('open'), // open | confirmed | declined
    /** What the initiative confirmed as delivered (may differ from the pledge). */
    deliveredHours: numeric('delivered_hours', { precision: 12, scale: 2 }),
    deliveredAmountCents: centsColumn('delivered_amount_cents'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    /** The activity a confirmed pledge became; cleared if the supplier deletes that activity. */
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('pledges_tenant_initiative').on(t.tenantId, t.initiativeId),
    index('pledges_tenant_supplier').on(t.tenantId, t.supplierId),
    index('pledges_need').on(t.needId),
  ],
);

/**
 * What a supplier can offer and what it has an affinity with (decision 026), one row per supplier:
 * the kinds it offers (hours, goods, money, place), keywords of its expertise, how much of each,
 * and the themes and target groups it cares for. Needs are ranked for it by these.
 */
export const supplierStrengths = pgTable(
  'supplier_strengths',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    kinds: jsonb('kinds').notNull().default([]),
    expertise: jsonb('expertise').notNull().default([]),
    hoursCapacity: numeric('hours_capacity', { precision: 12, scale: 2 }),
    goodsCapacity: integer('goods_capacity'),
    moneyCapacityCents: centsColumn('money_capacity_cents'),
    placesCapacity: integer('places_capacity'),
    themes: jsonb('themes').notNull().default([]),
    targetGroups: jsonb('target_groups').notNull().default([]),
    description: text('description').notNull().default(''),
    updatedBy: uuid('updated_by'),
    updatedAt: at('updated_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supplier_strengths_supplier').on(t.tenantId, t.supplierId)],
);
