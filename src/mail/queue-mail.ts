import type { Db, Tx } from '../db/client.ts';
import { enqueueMail } from '../db/repositories/mail-outbox.ts';
import { asLocale, renderMail, type MailTemplate } from './templates.ts';

/**
 * Renders a template in the recipient's language and queues it in the caller's transaction, so it
 * goes out (through the outbox sender) only if the change commits. For invitations and password
 * resets: `queueMail(tx, { tenantId, to, locale: user.locale, template: { kind: 'invitation', data } })`.
 */
export async function queueMail(
  tx: Tx | Db,
  mail: { tenantId: string | null; to: string; locale?: string | null; template: MailTemplate },
): Promise<void> {
  const rendered = renderMail(mail.template, asLocale(mail.locale));
  await enqueueMail(tx, { tenantId: mail.tenantId, to: mail.to, ...rendered });
}
