import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';

// The municipality admin manages the users of the municipality. The journey works on a user it invites
// itself, so the demo accounts the other journeys sign in with keep their roles.

test('municipality admin invites a user, disables and enables them, changes their role and resends the invitation', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.admin);
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');

  const name = `Test Beheer ${Date.now().toString(36)}`;
  const email = `${name.split(' ').pop()}@voorbeeldstad.example`;
  const invite = page.getByRole('region', { name: 'Gebruiker uitnodigen' });
  await invite.getByLabel('E-mailadres').fill(email);
  await invite.getByLabel('Naam').fill(name);
  await invite.getByLabel('Rol').selectOption({ label: 'Adviseur social return' });
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${email}`);

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Uitgenodigd');
  // The admin's own row offers no actions (the API refuses changing one's own role too).
  await expect(page.getByRole('row').filter({ hasText: accounts.admin })).toContainText('Uw eigen rol');
  await checkPage(page, 'users');

  await row.getByRole('button', { name: `${name} uitschakelen` }).click();
  await expect(page.getByTestId('notice')).toContainText(`${name} is uitgeschakeld`);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Nee');
  await expect(row.getByRole('button', { name: `Uitnodiging opnieuw versturen naar ${name}` })).toHaveCount(
    0,
  );
  await row.getByRole('button', { name: `${name} inschakelen` }).click();
  await expect(page.getByTestId('notice')).toContainText(`${name} is weer ingeschakeld.`);
  await expect(row).toContainText('Uitgenodigd');

  await row.getByLabel(`Rol van ${name}`, { exact: true }).selectOption({ label: 'Contractmanager' });
  await row.getByRole('button', { name: `Rol van ${name} wijzigen` }).click();
  await expect(page.getByTestId('notice')).toContainText(`${name} is nu Contractmanager`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Contractmanager');
  await expect(row.getByLabel(`Rol van ${name}`, { exact: true })).toHaveValue('contractManager');

  await row.getByRole('button', { name: `Uitnodiging opnieuw versturen naar ${name}` }).click();
  await expect(page.getByTestId('notice')).toContainText(`Nieuwe uitnodiging verstuurd naar ${email}`);

  // Removing asks first, in the page; cancel keeps the user.
  await row.getByRole('button', { name: `${name} verwijderen` }).click();
  const question = page.getByRole('group', { name: `${name} verwijderen uit deze gemeente?`, exact: false });
  await expect(question).toBeVisible();
  await checkPage(page, 'users-remove-question');
  await question.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByTestId('notice')).toContainText(`${name} is verwijderd.`);
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
});
