import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { mailOutbox } from '../schema/index.ts';

/** One try to deliver a message; `sending` marks a claim (a lease), replaced by the outcome. */
export interface OutboxAttempt {
  at: string;
  result: 'sending' | 'sent' | 'error';
  error?: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: OutboxAttempt[];
}

export interface NewMail {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** After this many failed tries a message is marked `failed` and left for an operator. */
export const maxMailAttempts = 8;
/** A claim older than this is taken to be from a crashed sender and is tried again. */
const leaseMinutes = 10;

/** Queues a message in the caller's transaction: it goes out only if the change commits. */
export async function enqueueMail(tx: Tx | Db, mail: NewMail): Promise<void> {
  await tx.insert(mailOutbox).values({
    tenantId: mail.tenantId,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
  });
}

/** Queues many messages in one statement (the deadline job's summaries). */
export async function enqueueMails(tx: Tx | Db, mails: readonly NewMail[]): Promise<void> {
  if (mails.length === 0) return;
  await tx.insert(mailOutbox).values(
    mails.map((mail) => ({
      tenantId: mail.tenantId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
    })),
  );
}

/**
 * Claims up to `limit` pending messages that are due (never tried, or the back-off after the last
 * error has passed, or a stale claim). `FOR UPDATE SKIP LOCKED` lets several app instances claim at
 * once without taking the same row; the claim is committed at once, so sending happens outside any
 * transaction (PGlite has one connection, which a slow SMTP server must not hold).
 */
export async function claimDueMail(
  db: Db,
  now: Date,
  limit: number,
  onlyTenantId?: string,
): Promise<OutboxMessage[]> {
  const nowIso = now.toISOString();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: mailOutbox.id,
        to: mailOutbox.to,
        subject: mailOutbox.subject,
        text: mailOutbox.text,
        html: mailOutbox.html,
        attempts: mailOutbox.attempts,
      })
      .from(mailOutbox)
      .where(
        sql`${mailOutbox.status} = 'pending' and (
          jsonb_array_length(${mailOutbox.attempts}) = 0
          or ((${mailOutbox.attempts} -> -1 ->> 'at')::timestamptz + case
                when ${mailOutbox.attempts} -> -1 ->> 'result' = 'sending' then interval '${sql.raw(String(leaseMinutes))} minutes'
                else least(interval '1 minute' * power(2, jsonb_array_length(${mailOutbox.attempts}) - 1), interval '6 hours')
              end) <= ${nowIso}::timestamptz)
          ${onlyTenantId ? sql`and ${mailOutbox.tenantId} = ${onlyTenantId}` : sql``}`,
      )
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed: OutboxMessage[] = [];
    for (const row of rows) {
      const attempts = [...(row.attempts as OutboxAttempt[]), { at: nowIso, result: 'sending' as const }];
      await tx.update(mailOutbox).set({ attempts }).where(eq(mailOutbox.id, row.id));
      claimed.push({ ...row, attempts });
    }
    return claimed;
  });
}

/** Replaces the claim with the outcome; after the last allowed error the message is `failed`. */
export async function recordMailOutcome(
  db: Db,
  message: OutboxMessage,
  now: Date,
  outcome: { ok: true } | { ok: false; error: string },
): Promise<'sent' | 'pending' | 'failed'> {
  const attempts: OutboxAttempt[] = [
    ...message.attempts.slice(0, -1),
    outcome.ok
      ? { at: now.toISOString(), result: 'sent' }
      : { at: now.toISOString(), result: 'error', error: outcome.error.slice(0, 500) },
  ];
  const status = outcome.ok ? 'sent' : attempts.length >= maxMailAttempts ? 'failed' : 'pending';
  await db
    .update(mailOutbox)
    .set({ attempts, status, ...(outcome.ok ? { sentAt: now } : {}) })
    .where(eq(mailOutbox.id, message.id));
  return status;
}

export async function outboxByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids)) : [];
}
