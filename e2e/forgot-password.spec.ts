import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';
import { invite, linkInMail, setPasswordWithLink, useMailSink } from './mail.ts';

// Forgot password, and a reset link sent by the admin, read from a real SMTP sink (the e2e server
// sends its mail to it: playwright.config.ts). The journey works on a user the admin invites itself,
// so the demo accounts the other journeys sign in with keep their passwords.

const mail = useMailSink();

test('someone who forgot their password gets a link by mail, sets a new one and signs in; the admin can send one too', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sink = mail.sink();
  const admin = await newPage(browser);
  await login(admin, accounts.admin);
  const name = `Vergeten ${Date.now().toString(36)}`;
  const email = `${name.split(' ').pop()}@voorbeeldstad.example`;
  let seen = await invite(admin, sink, { email, name, role: 'Contractmanager' });

  // The invited person accepts with the link from the mail.
  const person = await newPage(browser);
  await setPasswordWithLink(
    person,
    await linkInMail(sink, email, '/invitation', seen),
    'eerste-wachtwoord-2026',
  );

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

  const link = await linkInMail(sink, email, '/password-reset', seen);
  await person.goto(link);
  await expect(person.getByRole('heading', { level: 1 })).toHaveText('Nieuw wachtwoord instellen');
  await checkPage(person, 'password-reset');
  await setPasswordWithLink(person, link, 'tweede-wachtwoord-2026');
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
  await admin.goto('/users');
  const row = admin.getByRole('row').filter({ hasText: email });
  seen = sink.received.length;
  await row.getByRole('button', { name: `Wachtwoordherstellink sturen aan ${name}` }).click();
  await expect(admin.getByTestId('notice')).toContainText(`Er is een herstellink gestuurd naar ${email}`);
  await checkPage(admin, 'users-reset-sent');
  const fromAdmin = await linkInMail(sink, email, '/password-reset', seen);
  const third = await newPage(browser);
  await setPasswordWithLink(third, fromAdmin, 'vierde-wachtwoord-2026');
  await login(third, email, 'vierde-wachtwoord-2026');
});
