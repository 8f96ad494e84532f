import {
  bigserial,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, centsColumn, createdAt, id } from './columns.ts';
import { tenants } from './tenancy.ts';
import { contracts } from './contracts.ts';

/** One semi-annual report of a contract; corrections after closing make a new version. */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    // with contract_id one foreign key to the contract of this tenant (below)
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    period: text('period').notNull(), // '2026-H1'
    version: integer('version').notNull().default(1),
    status: text('status').notNull().default('open'), // open | submitted | closed | overdue
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    submittedAt: at('submitted_at'),
    closedAt: at('closed_at'),
    /** Optimistic concurrency: bumped on every change. */
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // the report's contract, in the report's tenant: one check per row instead of two (decision 032)
    foreignKey({
      name: 'reports_contract_tenant_fk',
      columns: [t.contractId, t.tenantId],
      foreignColumns: [contracts.id, contracts.tenantId],
    }),
    unique('reports_contract_period_version').on(t.contractId, t.period, t.version),
    index('reports_tenant_status').on(t.tenantId, t.status),
    // The deadline job: open reports past due, reminders due soon, overdue reports without notice.
    index('reports_status_due').on(t.status, t.dueDate),
  ],
);

/** A reported (realised) activity, valued by the domain when recorded; value, rule and reason stored. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    // with contract_id one foreign key to the contract of this tenant (below)
    tenantId: uuid('tenant_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    typeCode: text('type_code').notNull(),
    category: text('category').notNull(),
    method: text('method').notNull(),
    period: text('period').notNull(),
    fte: numeric('fte', { precision: 6, scale: 2 }),
    months: numeric('months', { precision: 6, scale: 2 }),
    units: integer('units'),
    hours: numeric('hours', { precision: 12, scale: 2 }),
    amountCents: centsColumn('amount_cents'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** When the activity took place: inside its half-year and the contract term (null before 0011). */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** Pseudonymised candidate code chosen by the supplier; never a BSN or name. */
    candidateCode: text('candidate_code'),
    targetGroup: text('target_group'),
    /** The candidate's placement (domain.md §8): start, end and hours per week. */
    candidateStart: date('candidate_start', { mode: 'string' }),
    candidateEnd: date('candidate_end', { mode: 'string' }),
    candidateHoursPerWeek: numeric('candidate_hours_per_week', { precision: 5, scale: 2 }),
    /** `targetGroupYear` (domain.md §11): the bonus codes and the months that count after the group's cap. */
    bonuses: jsonb('bonuses').$type<string[]>(),
    countedMonths: numeric('counted_months', { precision: 6, scale: 2 }),
    description: text('description').notNull().default(''),
    valueCents: centsColumn('value_cents').notNull(),
    ruleId: text('rule_id').notNull(),
    explanation: text('explanation').notNull(),
    /** The explanation in Dutch (decision 009); null for rows valued before it existed. */
    explanationNl: text('explanation_nl'),
    verification: text('verification').notNull().default('pending'), // pending | accepted | rejected | moreInfo
    verificationReason: text('verification_reason'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: at('verified_at'),
    /** The supplier's answer to "more info" (moreInfo), when it was given. */
    supplierReply: text('supplier_reply'),
    repliedAt: at('replied_at'),
    createdBy: uuid('created_by'),
    /** The file import that made this row (decision 021); a new import into the open report replaces them. */
    importBatch: uuid('import_batch'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'activities_contract_tenant_fk',
      columns: [t.contractId, t.tenantId],
      foreignColumns: [contracts.id, contracts.tenantId],
    }),
    index('activities_contract').on(t.contractId),
    index('activities_report').on(t.reportId),
    // portfolio sums of a tenant up to a half-year (dashboard, lists: issue 14)
    index('activities_tenant_period').on(t.tenantId, t.period),
    // the order of a contract's activity list, read page by page by key for exports (issue 11)
    index('activities_contract_order').on(t.contractId, t.period, t.createdAt, t.id),
  ],
);

/** Evidence file metadata; the bytes live in the file store (RETOUR_DATA_DIR/files by default). */
export const evidenceFiles = pgTable('evidence_files', {
  id: id(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  activityId: uuid('activity_id')
    .notNull()
    .references(() => activities.id),
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: createdAt(),
});

/** Reminders and overdue notices: the unique key makes each one go out once, across instances. */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').notNull(), // 'reminder' | 'overdue'
    recipient: text('recipient').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('notices_once').on(t.reportId, t.kind, t.recipient)],
);

/**
 * Rollup of progress per contract, half-year and category (issue 14, decision 013): planned (latest
 * approved plan version), realised (current report versions, not rejected) and verified (accepted).
 * Kept by database triggers in the transaction of every write to activities, reports and plan
 * versions (migrations/0007), so no write path can forget it; dashboards and lists read it instead
 * of every activity. `retour_rebuild_progress_sums()` recomputes it from scratch.
 */
export const progressSums = pgTable(
  'progress_sums',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    period: text('period').notNull(),
    category: text('category').notNull(),
    plannedCents: centsColumn('planned_cents').notNull().default(0),
    realisedCents: centsColumn('realised_cents').notNull().default(0),
    verifiedCents: centsColumn('verified_cents').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.period, t.category] }),
    index('progress_sums_tenant_period').on(t.tenantId, t.period),
  ],
);

/**
 * One row per write statement that changes a municipality's portfolio (contracts, extensions,
 * suppliers, policy versions, the progress rollup), written by statement triggers (migrations/0013).
 * Its count, lowest and highest id per tenant are the portfolio's stamp: a portfolio computed under
 * one stamp holds while the stamp stays (decision 025). Housekeeping prunes rows older than an hour.
 */
export const portfolioChanges = pgTable(
  'portfolio_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** The one contract the statement changed; null when it may have changed any (decision 025). */
    contractId: uuid('contract_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portfolio_changes_tenant').on(t.tenantId, t.id)],
);
