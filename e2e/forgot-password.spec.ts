import { expect, test, type Page } from '@playwright/test';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.ts';
import { accounts, checkPage, login, newPage } from './helpers.ts';

// Forgot password, and a reset link sent by the admin, read from a real SMTP sink (the e2e server
// sends its mail to it: playwright.config.ts). The journey works on a user the admin invites itself,
// so the demo accounts the other journeys sign in with keep their passwords.

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3950) + 1);
let sink: SmtpSink;

test.skip(Boolean(process.env.E2E_BASE_URL), 'reads mail from the server it starts itself');
test.beforeAll(async () => {
  sink = await startSmtpSink(smtpPort);
});
test.afterAll(async () => {
  await sink.close();
});

/**
 * The path and fragment of the link (`/password-reset#token=…`) in a mail to `to` that arrived after
 * the first `seen` mails; the outbox goes out every 15 s.
 */
async function linkInMail(to: string, path: string, seen: number): Promise<string> {
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

async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord').fill(password);
  await page.getByLabel('Herhaal het wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw wachtwoord is opgeslagen. U kunt nu inloggen.')).toBeVisible();
}

test('someone who forgot their password gets a link by mail, sets a new one and signs in; the admin can send one too', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await newPage(browser);
  await login(admin, accounts.admin);
  await admin.goto('/users');
  const name = `Vergeten ${Date.now().toString(36)}`;
  const email = `${name.split(' ').pop()}@voorbeeldstad.example`;
  const invite = admin.getByRole('region', { name: 'Gebruiker uitnodigen' });
  await invite.getByLabel('E-mailadres').fill(email);
  await invite.getByLabel('Naam').fill(name);
  await invite.getByLabel('Rol').selectOption({ label: 'Contractmanager' });
  let seen = sink.received.length;
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${email}`);

  // The invited person accepts with the link from the mail.
  const person = await newPage(browser);
  await setPassword(person, await linkInMail(email, '/invitation', seen), 'eerste-wachtwoord-2026');

  // Later they forget it: the sign-in page leads to the request form.
  await person.goto('/sign-in');
  await person.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(person.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await checkPage(person, 'forgot-password');
  // Sent empty: the reason by the field.
  await person.getByRole('button', { name: 'Herstellink sturen' }).click();
  await expect(person.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(person, 'forgot-password-empty');
  seen = sink.received.length;
  await person.getByLabel('E-mailadres').fill(email);
  await person.getByRole('button', { name: 'Herstellink sturen' }).click();
  await expect(person.getByTestId('notice')).toContainText(`Als er een account is met ${email}`);
  await checkPage(person, 'forgot-password-sent');

  const link = await linkInMail(email, '/password-reset', seen);
  await person.goto(link);
  await expect(person.getByRole('heading', { level: 1 })).toHaveText('Nieuw wachtwoord instellen');
  await checkPage(person, 'password-reset');
  await setPassword(person, link, 'tweede-wachtwoord-2026');
  await login(person, email, 'tweede-wachtwoord-2026');

  // A used link does not work twice; the page offers a new one.
  const again = await newPage(browser);
  await again.goto(link);
  await again.getByLabel('Nieuw wachtwoord').fill('derde-wachtwoord-2026');
  await again.getByLabel('Herhaal het wachtwoord').fill('derde-wachtwoord-2026');
  await again.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(again.getByRole('link', { name: 'Een nieuwe herstellink aanvragen' })).toBeVisible();
  await checkPage(again, 'password-reset-used');

  // The admin sends a reset link from the users page.
  await admin.reload();
  const row = admin.getByRole('row').filter({ hasText: email });
  seen = sink.received.length;
  await row.getByRole('button', { name: `Wachtwoordherstellink sturen aan ${name}` }).click();
  await expect(admin.getByTestId('notice')).toContainText(`Er is een herstellink gestuurd naar ${email}`);
  await checkPage(admin, 'users-reset-sent');
  const fromAdmin = await linkInMail(email, '/password-reset', seen);
  const third = await newPage(browser);
  await setPassword(third, fromAdmin, 'vierde-wachtwoord-2026');
  await login(third, email, 'vierde-wachtwoord-2026');
});
