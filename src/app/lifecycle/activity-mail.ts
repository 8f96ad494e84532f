import type { Tx } from '../../db/client.ts';
import type { ActivityRow } from '../../db/repositories/activities.ts';
import type { ContractWithNames } from '../../db/repositories/contracts.ts';
import type { Recipient } from '../../db/repositories/report-deadlines.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import type { MailTemplate } from '../../mail/templates.ts';
import type { AppDeps } from '../deps.ts';

type ActivityMailKind = 'activityRejected' | 'activityMoreInfo' | 'activityAnswered';

/**
 * Queues one mail about an activity per recipient, in the caller's transaction (so it goes out only
 * if the decision or answer commits). Returns the addresses, for the audit entry.
 */
export async function mailAboutActivity(
  tx: Tx,
  deps: AppDeps,
  mail: {
    kind: ActivityMailKind;
    contract: ContractWithNames;
    activity: ActivityRow;
    message: string;
    to: readonly Recipient[];
  },
): Promise<string[]> {
  const { contract, activity } = mail;
  const template = {
    kind: mail.kind,
    data: {
      contractReference: contract.reference,
      contractTitle: contract.title,
      supplierName: contract.supplierName,
      period: activity.period,
      typeCode: activity.typeCode,
      message: mail.message,
      link: `${deps.config.publicUrl}/contracts/${contract.id}`,
    },
  } satisfies MailTemplate;
  for (const r of mail.to)
    await queueMail(tx, { tenantId: contract.tenantId, to: r.email, locale: r.locale, template });
  return mail.to.map((r) => r.email);
}
