import type { Db } from '../db/client.ts';
import { claimDueMail, recordMailOutcome } from '../db/repositories/mail-outbox.ts';
import type { MailSender } from './transport.ts';

export interface DeliveryResult {
  sent: number;
  retryLater: number;
  failed: number;
}

/**
 * Delivers due messages of `mail_outbox` in batches until none is due. Delivery is at least once:
 * a crash between the SMTP answer and recording it sends that message again after the lease.
 */
export async function deliverOutbox(
  db: Db,
  sender: MailSender,
  now: Date,
  options: {
    batchSize?: number;
    maxMessages?: number;
    /** Only this tenant's messages (tests on a shared database). */
    onlyTenantId?: string;
    /** Stops before the next message once aborted (shutdown); claimed ones go out after their lease. */
    signal?: AbortSignal;
  } = {},
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const maxMessages = options.maxMessages ?? 500;
  const result: DeliveryResult = { sent: 0, retryLater: 0, failed: 0 };
  let handled = 0;
  while (handled < maxMessages && !options.signal?.aborted) {
    const batch = await claimDueMail(
      db,
      now,
      Math.min(batchSize, maxMessages - handled),
      options.onlyTenantId,
    );
    if (batch.length === 0) break;
    for (const message of batch) {
      if (options.signal?.aborted) break;
      handled += 1;
      let outcome: { ok: true } | { ok: false; error: string };
      try {
        await sender.send(message);
        outcome = { ok: true };
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const status = await recordMailOutcome(db, message, now, outcome);
      if (status === 'sent') result.sent += 1;
      else if (status === 'failed') result.failed += 1;
      else result.retryLater += 1;
    }
  }
  return result;
}
