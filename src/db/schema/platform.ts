import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
