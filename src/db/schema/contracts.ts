import { date, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, centsColumn, createdAt, id } from './columns.ts';
import { policyVersions, tenants } from './tenancy.ts';
import { suppliers } from './parties.ts';
import { users } from './identity.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    // with supplier_id and with policy_version_id one foreign key each, to a row of this tenant (below);
    // the tenant itself exists through the supplier's own key to it
    tenantId: uuid('tenant_id').notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    contractManagerId: uuid('contract_manager_id').references(() => users.id),
    kind: text('kind').notNull().default('servicesAndSupplies'), // 'works' | 'servicesAndSupplies'
    valueCents: centsColumn('value_cents').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /**
     * The latest end date options may reach (OCDS `period.maxExtentDate`): a possible extension,
     * never the end; using it is an extension like any other (decision 022).
     */
    maxExtentDate: date('max_extent_date', { mode: 'string' }),
    awardDate: date('award_date', { mode: 'string' }).notNull(),
    /** The policy version in force at award: the contract is judged by it for its whole life. */
    policyVersionId: uuid('policy_version_id').notNull(),
    /** Current obligation (after extensions), as computed by the domain, with its reason. */
    obligationCents: centsColumn('obligation_cents').notNull(),
    regime: text('regime').notNull(), // 'none' | 'trust' | 'plan'
    obligationRuleId: text('obligation_rule_id').notNull(),
    obligationExplanation: text('obligation_explanation').notNull(),
    /** The explanation in Dutch (decision 009); null for contracts judged before it existed. */
    obligationExplanationNl: text('obligation_explanation_nl'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('contracts_tenant_reference').on(t.tenantId, t.reference),
    // the key of reports' and activities' one foreign key to their contract AND its tenant (decision 032)
    unique('contracts_id_tenant').on(t.id, t.tenantId),
    index('contracts_supplier').on(t.supplierId),
    // the supplier and the policy version of this tenant: one check each per row instead of three in
    // all, and the database refuses another municipality's supplier or policy (decision 033)
    foreignKey({
      name: 'contracts_supplier_tenant_fk',
      columns: [t.supplierId, t.tenantId],
      foreignColumns: [suppliers.id, suppliers.tenantId],
    }),
    foreignKey({
      name: 'contracts_policy_tenant_fk',
      columns: [t.policyVersionId, t.tenantId],
      foreignColumns: [policyVersions.id, policyVersions.tenantId],
    }),
  ],
);

/** Options and extensions: extra value and possibly a later end date. */
export const contractExtensions = pgTable(
  'contract_extensions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    valueCents: centsColumn('value_cents').notNull(),
    endDate: date('end_date', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('contract_extensions_contract').on(t.contractId)],
);

/**
 * Invoiced amounts of a framework contract per half-year (policy base `invoiced`, decision 022):
 * recorded by the advisor or imported from OCDS `implementation.transactions`.
 */
export const contractInvoices = pgTable(
  'contract_invoices',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    period: text('period').notNull(), // 'YYYY-H1' | 'YYYY-H2'
    amountCents: centsColumn('amount_cents').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('contract_invoices_contract_period').on(t.contractId, t.period)],
);

export const intakes = pgTable('intakes', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  date: date('date', { mode: 'string' }).notNull(),
  notes: text('notes').notNull().default(''),
  agreedDirection: text('agreed_direction').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  createdAt: createdAt(),
});

/** The supplier's social return plan; `items` is the current draft. */
export const plans = pgTable('plans', {
  id: id(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  contractId: uuid('contract_id')
    .notNull()
    .unique()
    .references(() => contracts.id),
  status: text('status').notNull().default('draft'), // draft | submitted | approved | returned
  /** Draft items: [{ typeCode, period, fte?, months?, units?, hours?, amountCents?, valueCents, ruleId, explanation, explanationNl? }] */
  items: jsonb('items').notNull().default([]),
  plannedCents: centsColumn('planned_cents').notNull().default(0),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Every submitted plan version is kept, with its review. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    items: jsonb('items').notNull(),
    plannedCents: centsColumn('planned_cents').notNull(),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    submittedBy: uuid('submitted_by'),
    decision: text('decision'), // null | 'approved' | 'returned'
    comment: text('comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
  },
  (t) => [
    unique('plan_versions_plan_version').on(t.planId, t.version),
    index('plan_versions_tenant_decision').on(t.tenantId, t.decision),
  ],
);

/**
 * The settlement of an ended contract (domain.md §12): the figures at the decision and the
 * advisor's decision; one per contract. A surplus carried over names the contract it went to.
 */
export const settlements = pgTable(
  'settlements',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    obligationCents: centsColumn('obligation_cents').notNull(),
    verifiedCents: centsColumn('verified_cents').notNull(),
    carriedInCents: centsColumn('carried_in_cents').notNull().default(0),
    shortfallCents: centsColumn('shortfall_cents').notNull(),
    /** The penalty the policy's factor gives; `penaltyCents` is what the advisor decided. */
    computedPenaltyCents: centsColumn('computed_penalty_cents').notNull(),
    penaltyFactorBp: integer('penalty_factor_bp'),
    decision: text('decision').notNull(), // 'impose' | 'reduce' | 'waive'
    penaltyCents: centsColumn('penalty_cents').notNull(),
    note: text('note').notNull(),
    explanation: text('explanation').notNull(),
    explanationNl: text('explanation_nl').notNull(),
    carryOverContractId: uuid('carry_over_contract_id').references(() => contracts.id),
    carryOverCents: centsColumn('carry_over_cents'),
    carryOverReason: text('carry_over_reason'),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('settlements_contract').on(t.contractId),
    index('settlements_carry_over').on(t.carryOverContractId),
  ],
);

/**
 * Independent verifiers assigned to a contract (issue 16, decision 024): a user with the role
 * `verifier` in the municipality reads only the contracts listed here and decides their activities.
 */
export const contractVerifiers = pgTable(
  'contract_verifiers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('contract_verifiers_contract_user').on(t.contractId, t.userId),
    index('contract_verifiers_user').on(t.userId, t.contractId),
  ],
);
