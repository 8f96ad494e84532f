import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';

test('a supplier reports a Participatiewet candidate with the 50+ bonus and sees the value explained', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  await page.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  await page.getByRole('link', { name: '2e halfjaar 2026' }).click();
  await expect(page.getByRole('heading', { name: /Activiteit melden voor/ })).toBeVisible();

  await page.getByLabel('Activiteit', { exact: true }).selectOption({
    label: 'Baan voor een kandidaat uit een doelgroep (bouwblok)',
  });
  await page.getByLabel('Kandidaatcode').fill('E2E-PW-50');
  await page
    .getByLabel('Doelgroep van de kandidaat')
    .selectOption({ label: 'Participatiewet < 2 jaar — € 40.000,00 per voltijdjaar' });
  const hours = page.getByLabel('Uren per week');
  await expect(hours).toHaveAccessibleDescription(/volle werkweek is 36 uur/);
  await hours.fill('24');
  await page.getByLabel('Maanden in dit halfjaar').fill('3');
  await page.getByLabel('50+ (+ € 10.000,00 per voltijdjaar)').check();

  // the value before saving, every term shown
  await page.getByRole('button', { name: 'Waarde berekenen' }).click();
  const preview = page.getByTestId('activity-preview');
  await expect(preview).toContainText('€ 8.333,33');
  await expect(preview).toContainText(
    'Participatiewet < 2 jaar + 50+: (€ 40.000,00 + € 10.000,00) × 24/36 uur × 3/12 maanden = € 8.333,33',
  );
  await checkPage(page, 'activity-target-group-preview');

  await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  const added = page.getByRole('status').filter({ hasText: 'Toegevoegd' });
  await expect(added).toContainText('€ 8.333,33');
  const row = page.getByRole('row').filter({ hasText: 'E2E-PW-50' });
  await expect(row).toContainText('€ 8.333,33');
  await row.getByText('€ 8.333,33').first().click();
  await expect(row).toContainText('× 24/36 uur × 3/12 maanden');
  await checkPage(page, 'activity-target-group-added');
});
