import { expect, test, type Page } from '@playwright/test';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.ts';

/**
 * Mail in a journey: a real SMTP sink on the port the e2e server sends to (playwright.config.ts),
 * started for the spec that calls this. Journeys that read mail run only against the server the
 * run starts itself.
 */
export function useMailSink(): { sink: () => SmtpSink } {
  const port = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3950) + 1);
  let sink: SmtpSink | undefined;
  test.skip(Boolean(process.env.E2E_BASE_URL), 'reads mail from the server it starts itself');
  test.beforeAll(async () => {
    sink = await startSmtpSink(port);
  });
  test.afterAll(async () => {
    await sink?.close();
  });
  return {
    sink: () => {
      if (!sink) throw new Error('the mail sink is not started');
      return sink;
    },
  };
}

/**
 * The path and fragment of a one-time link (`/password-reset#token=…`) in a mail to `to` that arrived
 * after the first `seen` mails; the outbox goes out every 15 s.
 */
export async function linkInMail(sink: SmtpSink, to: string, path: string, seen: number): Promise<string> {
  let link = '';
  const pattern = new RegExp(`https?://\\S+?(${path.replace(/[#/]/g, '\\$&')}#token=[\\w-]+)`);
  await expect
    .poll(
      () => {
        const mail = sink.received.slice(seen).find((m) => m.to.includes(to) && pattern.test(m.text));
        link = (mail && pattern.exec(mail.text)?.[1]) ?? '';
        return link;
      },
      { timeout: 45_000, message: `a mail to ${to} with a ${path} link` },
    )
    .not.toBe('');
  return link;
}

/** Chooses a password on the page behind an invitation or reset link. */
export async function setPasswordWithLink(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord').fill(password);
  await page.getByLabel('Herhaal het wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw wachtwoord is opgeslagen. U kunt nu inloggen.')).toBeVisible();
}

/** The admin invites someone on the users page; the mail count before, to find the invitation. */
export async function invite(
  admin: Page,
  sink: SmtpSink,
  person: { email: string; name: string; role: string },
): Promise<number> {
  await admin.goto('/users');
  const form = admin.getByRole('region', { name: 'Gebruiker uitnodigen' });
  await form.getByLabel('E-mailadres').fill(person.email);
  await form.getByLabel('Naam').fill(person.name);
  await form.getByLabel('Rol').selectOption({ label: person.role });
  const seen = sink.received.length;
  await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(form.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${person.email}`);
  return seen;
}
