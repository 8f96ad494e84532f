import nodemailer from 'nodemailer';
import type { Config } from '../app/deps.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** Sends one message or throws; the outbox records the outcome. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when `SMTP_URL` is set (e.g. `smtp://127.0.0.1:2525`,
 * `smtps://user:pass@mail.example:465`); otherwise the message is written to the log, which is
 * what a developer on a laptop wants.
 */
export function createMailSender(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  log: (line: string) => void = console.log,
): MailSender {
  const from = config.mailFrom ?? 'Retour <no-reply@retour.example>';
  if (!config.smtpUrl) {
    return {
      async send(message) {
        log(`[mail] to ${message.to}: ${message.subject}\n${message.text}`);
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
