import { expect, test } from '@playwright/test';
import { checkPage, login, newPage } from './helpers.ts';

// The marketplace journey on the demo data: a supplier pledges hours to Buurtkracht for one of its
// contracts, the initiative confirms them, and the activity shows on the supplier's contract.

const supplier = 'leverancier@ictnoord.example';
const initiative = 'initiatief@buurtkracht.example';
const initiativeHours = 'Uren voor een goedgekeurd maatschappelijk initiatief';

test('supplier pledges → initiative confirms → the activity is in the supplier’s report', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, supplier);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Initiatieven' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maatschappelijke initiatieven');
  // the browse list below the needs that fit the supplier's offer (e2e/matching.spec.ts)
  const all = page.locator('.retour-card-list');
  await page.getByLabel('Thema').selectOption({ label: 'Gezondheidsbevordering' });
  await expect(page.getByText('Geen initiatieven gevonden.')).toBeVisible();
  await page.getByLabel('Thema').selectOption({ label: 'Onderwijs' });
  await page.getByLabel('Soort vraag').selectOption({ label: 'goederen' });
  await expect(all.getByRole('link', { name: 'Buurtkracht Voorbeeldstad' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fietsenwerkplaats De Spaak' })).toHaveCount(0); // not approved
  await checkPage(page, 'marketplace-browse');
  await all.getByRole('link', { name: 'Buurtkracht Voorbeeldstad' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buurtkracht Voorbeeldstad');

  // the pledge answers one of the initiative's needs: the first open one, hours of ICT
  await expect(page.getByLabel('Voor welke vraag')).toHaveValue(/.+/);
  await page.getByLabel('Contract').selectOption({ label: 'VBS-2026-040 · Kantoorartikelen' });
  const periodSelect = page.getByLabel('Halfjaar');
  await expect.poll(() => periodSelect.locator('option').count()).toBeGreaterThan(1);
  const periodLabel = (await periodSelect.locator('option').nth(1).textContent()) ?? '';
  await periodSelect.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Bijdrage toezeggen' }).click();
  await expect(page.getByLabel('Uren')).toHaveAccessibleDescription(/.+/); // no hours: said by the field
  await page.getByLabel('Uren').fill('8');
  await page.getByLabel('Toelichting').fill('Een dag hulp bij het computerlokaal');
  await page.getByRole('button', { name: 'Bijdrage toezeggen' }).click();
  await expect(page.getByText('Uw toezegging is verstuurd.')).toBeVisible();
  await checkPage(page, 'marketplace-pledge');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await login(page, initiative);
  await expect(page).toHaveURL(/\/initiative$/);
  await expect(page.getByLabel('Naam')).toHaveValue('Buurtkracht Voorbeeldstad');
  await checkPage(page, 'initiative-profile');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bijdragen' }).click();
  await page.getByRole('button', { name: 'Bijdrage van ICT Diensten Noord (8 uur) bevestigen' }).click();
  const row = page.getByRole('row').filter({ hasText: 'VBS-2026-040' });
  await expect(row.getByText('Bevestigd')).toBeVisible();
  await checkPage(page, 'initiative-pledges');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await login(page, supplier);
  const due = page.getByRole('region', { name: 'Wat moet wanneer' });
  await due.getByRole('link', { name: new RegExp(`${periodLabel} voor VBS-2026-040`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rapportage ${periodLabel}`);
  const activity = page.getByRole('row').filter({ hasText: initiativeHours });
  await expect(activity).toHaveCount(1);
  await expect(activity).toContainText('€ 480,00'); // 8 hours × € 60,00
  await expect(activity).toContainText('Uit toezegging aan Buurtkracht Voorbeeldstad');
  await expect(activity).toContainText('Nog niet ingediend'); // the report is open: nothing to review yet
  await checkPage(page, 'marketplace-activity');
});
