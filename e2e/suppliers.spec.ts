import { expect, test, type Page } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';

/** The supplier names in the list's table, top to bottom. */
async function listedNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Leveranciers' });
  return table.locator('tbody tr th, tbody tr td:first-child').allTextContents();
}

test('advisor finds a supplier by search and sort, reads its contracts and edits its contacts', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Leveranciers' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leveranciers');
  await expect(page.getByRole('link', { name: 'Bouwbedrijf De Groot B.V.' })).toBeVisible();
  await checkPage(page, 'suppliers-list');

  // Sorting happens in the database: by name descending is the ascending list turned round.
  const ascending = await listedNames(page);
  expect(ascending.length).toBeGreaterThan(2);
  await page.getByLabel('Sorteren op').selectOption('-name');
  await expect(page).toHaveURL(/sort=-name/);
  await expect.poll(() => listedNames(page)).toEqual([...ascending].reverse());

  // A part of the name finds the supplier; search and sort are kept in the address.
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('helder');
  await expect(page).toHaveURL(/q=helder/);
  await expect.poll(() => listedNames(page)).toEqual(['Schoonmaakbedrijf Helder']);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('helder');
  await expect(page.getByLabel('Sorteren op')).toHaveValue('-name');
  await expect.poll(() => listedNames(page)).toEqual(['Schoonmaakbedrijf Helder']);

  // Nothing found is said in words; the whole KvK number finds a supplier too.
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('bestaat-niet');
  await expect(page.getByText('Geen leveranciers gevonden.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('45678901');
  await expect.poll(() => listedNames(page)).toEqual(['ICT Diensten Noord']);
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
  await page.getByRole('link', { name: 'Bouwbedrijf De Groot B.V.' }).click();

  // The supplier's page: its contracts with their progress.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bouwbedrijf De Groot B.V.');
  const contracts = page.getByRole('region', { name: 'Contracten en voortgang' });
  await expect(contracts.getByRole('link').first()).toBeVisible();
  await expect(contracts.getByRole('columnheader', { name: 'Verplichting' })).toBeVisible();
  await checkPage(page, 'supplier-detail');

  // Contacts: a wrong e-mail address is refused next to its field, in Dutch, and nothing is saved.
  const contacts = page.getByRole('region', { name: 'Contactpersonen' });
  await contacts.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const added = contacts.getByRole('group').last();
  await added.getByLabel('Naam contactpersoon').fill('Noor Bakker');
  await added.getByLabel('E-mailadres contactpersoon').fill('noor-at-degroot');
  await contacts.getByRole('button', { name: 'Contactpersonen opslaan' }).click();
  const email = added.getByLabel('E-mailadres contactpersoon');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/e-mailadres/i);
  await expect(added.getByLabel('Naam contactpersoon')).toHaveValue('Noor Bakker');
  // the summary names the field in error, and its link leads there
  const link = page.getByRole('alert').getByRole('link', {
    name: /^Contactpersoon \d+, E-mailadres contactpersoon: moet een e-mailadres zijn$/,
  });
  await expect(link).toBeVisible();
  await link.click();
  await expect(email).toBeFocused();
  await checkPage(page, 'supplier-contacts-error');

  await email.fill('noor@bouwbedrijf-degroot.example');
  await added.getByLabel('Telefoonnummer contactpersoon').fill('020 123 4567');
  await contacts.getByRole('button', { name: 'Contactpersonen opslaan' }).click();
  await expect(contacts.getByText('De contactpersonen zijn opgeslagen.')).toBeVisible();

  // Saved for real: after a reload the new contact is there, beside the earlier ones.
  await page.reload();
  const again = page.getByRole('region', { name: 'Contactpersonen' });
  const last = again.getByRole('group').last();
  await expect(last.getByLabel('E-mailadres contactpersoon')).toHaveValue('noor@bouwbedrijf-degroot.example');
  await expect(last.getByLabel('Telefoonnummer contactpersoon')).toHaveValue('020 123 4567');
  expect(await again.getByRole('group').count()).toBeGreaterThan(1);
  await expect(again.getByRole('group').first().getByLabel('E-mailadres contactpersoon')).not.toHaveValue('');
  await checkPage(page, 'supplier-contacts-saved');
});
