import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';

/** Append-only audit trail: every write, sign-in/out, token use and failed sign-in. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
    at: createdAt(),
  },
  (t) => [index('audit_log_tenant_at').on(t.tenantId, t.at)],
);

/** Outgoing mail, written in the same transaction as the change that causes it, sent by a job. */
export const mailOutbox = pgTable('mail_outbox', {
  id: id(),
  tenantId: uuid('tenant_id'),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  status: text('status').notNull().default('pending'), // pending | sent | failed
  attempts: jsonb('attempts').notNull().default([]),
  createdAt: createdAt(),
  sentAt: at('sent_at'),
});

/**
 * One row per scheduled job (src/jobs/scheduler.ts): which instance holds it now and until when,
 * and when it is due again. Every instance polls; one at a time wins the claim, so a job runs once
 * per interval however many instances share the database.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  leaseUntil: at('lease_until'),
  nextRunAt: at('next_run_at'),
  runs: integer('runs').notNull().default(0),
  lastStartedAt: at('last_started_at'),
  lastFinishedAt: at('last_finished_at'),
  /** done | stopped (shut down mid-run; resumes at the next claim) | failed */
  lastOutcome: text('last_outcome'),
});
