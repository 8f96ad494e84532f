import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';

// Matching in the marketplace (decision 026) on the demo data: ICT Diensten Noord has stated its
// offer (hours of ICT, laptops; education; children), so Buurtkracht's needs come first with the
// reason; Schoonmaakbedrijf Helder states its offer on "Ons aanbod" and then sees the money need of
// Buurtkracht first; the initiative and the advisor see which suppliers fit each need.

const ict = 'leverancier@ictnoord.example';
const initiative = 'initiatief@buurtkracht.example';

test('a supplier sees the needs that fit its offer first, with the reason', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, ict);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Initiatieven' })
    .click();
  const fitting = page.getByRole('region', { name: 'Vragen die passen bij uw aanbod' });
  const first = fitting.getByRole('listitem').first();
  await expect(first).toContainText('Hulp bij het opzetten van een computerlokaal');
  await expect(first).toContainText(
    'Past bij uw aanbod: uren, expertise ICT, genoeg capaciteit, thema Onderwijs, doelgroep kinderen',
  );
  await checkPage(page, 'matching-needs');
  // from a fitting need to the pledge form with that need chosen, and only the kinds that answer it
  await fitting.getByRole('listitem').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buurtkracht Voorbeeldstad');
  const need = page.getByLabel('Voor welke vraag');
  await expect(need.locator('option:checked')).toHaveText(/Laptops voor huiswerkbegeleiding/);
  await expect(page.getByLabel('Soort bijdrage').locator('option')).toHaveText(['Goederen']);
  await checkPage(page, 'matching-pledge-need');
});

test('a supplier states its offer; a need that fits it comes first', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierHelder);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ons aanbod' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ons aanbod');
  await checkPage(page, 'offer-form');
  await page.getByLabel('Hoeveel uren (per halfjaar)').fill('veel');
  await page.getByRole('button', { name: 'Aanbod opslaan' }).click();
  await expect(page.getByLabel('Hoeveel uren (per halfjaar)')).toHaveAccessibleDescription(/getal/i);
  await checkPage(page, 'offer-form-error');
  await page.getByLabel('Hoeveel uren (per halfjaar)').fill('');
  await page.getByLabel('Uren van medewerkers').uncheck();
  await page.getByLabel('Geld', { exact: true }).check();
  await page.getByLabel('Hoeveel geld (euro)').fill('2.500');
  await page.getByLabel('Onderwijs').check();
  await page.getByRole('button', { name: 'Aanbod opslaan' }).click();
  await expect(page.getByText('Uw aanbod is opgeslagen.')).toBeVisible();
  await checkPage(page, 'offer-saved');
  await page.getByRole('link', { name: 'Bekijk de vragen die passen' }).click();
  const first = page
    .getByRole('region', { name: 'Vragen die passen bij uw aanbod' })
    .getByRole('listitem')
    .first();
  await expect(first).toContainText('Bijdrage aan de zomerschool');
  await expect(first).toContainText('Past bij uw aanbod: geld');
});

test('the initiative and the advisor see which suppliers fit a need', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, initiative);
  const suppliers = page.getByRole('region', { name: 'Passende leveranciers' });
  await expect(suppliers.getByRole('listitem').first()).toContainText('ICT Diensten Noord');
  await expect(suppliers.getByRole('listitem').first()).toContainText('past door: uren, expertise ICT');
  await checkPage(page, 'matching-initiative');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await login(page, accounts.advisor);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Initiatieven beoordelen' })
    .click();
  await page.getByRole('link', { name: 'Buurtkracht Voorbeeldstad' }).click();
  await expect(page.getByRole('region', { name: 'Passende leveranciers' })).toContainText(
    'ICT Diensten Noord',
  );
  await checkPage(page, 'matching-advisor');
  // the advisor reads a supplier's offer on its page
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Leveranciers' })
    .click();
  await page.getByRole('link', { name: 'ICT Diensten Noord' }).click();
  const offer = page.getByRole('region', { name: 'Aanbod in de marktplaats' });
  await expect(offer).toContainText('Uren van medewerkers, Goederen');
  await expect(offer).toContainText('ICT, Projectleiding');
  await checkPage(page, 'supplier-offer');
});
