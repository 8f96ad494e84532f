import { expect, test, type Page } from '@playwright/test';
import { accounts, centsOf, checkPage, login, newPage, openExplanations, samplePdf } from './helpers.ts';

// Journeys of each role against the real API and the demo municipality (a fresh data folder per run,
// see playwright.config.ts). Each journey works on its own demo contract, so the order does not matter.

const initiativeHours = 'Uren voor een goedgekeurd maatschappelijk initiatief';

/** Opens a contract from the contract list (advisor, contract manager) by its reference. */
async function openContract(page: Page, reference: string): Promise<void> {
  await page.goto('/contracts');
  await page.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
}

test('sign in: a wrong password is explained by the field; the advisor lands on the dashboard and signs out', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await checkPage(page, 'sign-in');
  await page.getByLabel('E-mailadres').fill(accounts.advisor);
  await page.getByLabel('Wachtwoord').fill('wrong-password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(/klopt niet/);
  await expect(page.getByLabel('E-mailadres')).toHaveValue(accounts.advisor);
  await checkPage(page, 'sign-in-error');

  await login(page, accounts.advisor);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard social return');
  await expect(page.getByRole('banner')).toContainText('Gemeente Voorbeeldstad');
  await checkPage(page, 'dashboard');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contracten');
  await expect(page.getByRole('link', { name: /VBS-2025-001/ })).toBeVisible();
  await checkPage(page, 'contracts');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
});

test('supplier reports an activity with a PDF in its overdue half-year report and submits the report', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierHelder);
  await expect(page).toHaveURL(/\/supplier$/);
  await expect(page.getByText('Schoonmaakbedrijf Helder')).toBeVisible();
  await checkPage(page, 'supplier-home');

  // "What is due when": the overdue report of the first half of this year (VBS-2026-014) comes first.
  const due = page.getByRole('region', { name: 'Wat moet wanneer' });
  await due.getByRole('link', { name: /1e halfjaar 2026 voor VBS-2026-014/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 1e halfjaar 2026');
  await expect(page.getByText('Te laat').first()).toBeVisible();

  await page.getByLabel('Activiteit', { exact: true }).selectOption({ label: initiativeHours });
  await page.getByLabel('Uren').fill('10');
  await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  const added = page.getByRole('status').filter({ hasText: 'Toegevoegd. De waarde is:' });
  await expect(added).toContainText('€ 600,00'); // 10 uur × € 60,00 in the demo catalogue
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  await expect(row).toHaveCount(1);

  await row
    .getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`)
    .setInputFiles({ name: 'urenregistratie.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(row.getByRole('link', { name: 'urenregistratie.pdf' })).toBeVisible();
  await openExplanations(page);
  await expect(row.getByText('10 uur × € 60,00 = € 600,00')).toBeVisible();
  await checkPage(page, 'report-supplier');

  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  await expect(page.getByText('De rapportage is ingediend.')).toBeVisible();
  await expect(page.getByText('Ingediend', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rapportage indienen' })).toHaveCount(0);
  await checkPage(page, 'report-submitted');
});

test('supplier completes its draft plan from the catalogue, sees the coverage move, and submits it', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierHelder);
  await page
    .getByRole('link', { name: /VBS-2026-014/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('VBS-2026-014');
  await checkPage(page, 'supplier-contract');
  await page.getByRole('link', { name: 'Plan van aanpak opstellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social return-plan voor VBS-2026-014');
  await expect(page.getByText('Concept', { exact: true })).toBeVisible();
  await checkPage(page, 'plan-builder');

  const coverage = page.getByTestId('plan-coverage');
  const before = centsOf(((await coverage.textContent()) ?? '').split(' gepland')[0] ?? '');
  await page
    .getByLabel('Activiteit', { exact: true })
    .selectOption({ label: 'Stage (BOL) van ten minste 3 maanden' });
  await page.getByLabel('Halfjaar').selectOption({ label: '1e halfjaar 2027' });
  await page.getByLabel('Aantal').fill('2');
  await page.getByRole('button', { name: 'Toevoegen aan plan' }).click();
  // 2 internships × € 2.500,00 = € 5.000,00 more planned, as valued by the API.
  await expect
    .poll(async () => centsOf(((await coverage.textContent()) ?? '').split(' gepland')[0] ?? ''))
    .toBe(before + 500_000);
  await expect(page.getByRole('row').filter({ hasText: 'Stage (BOL)' })).toContainText('1e halfjaar 2027');

  await page.getByRole('button', { name: 'Plan indienen' }).click();
  await expect(page.getByText('Het plan is ingediend.', { exact: false })).toBeVisible();
  await expect(page.getByText('Ingediend', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan indienen' })).toHaveCount(0);
  await checkPage(page, 'plan-submitted');
});

test('advisor verifies an activity of a submitted report; the dashboard verified total moves by exactly its value', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  const verified = async () => centsOf((await page.getByTestId('dashboard-verified').textContent()) ?? '');
  await expect(page.getByTestId('dashboard-verified')).toBeVisible();
  const before = await verified();

  await openContract(page, 'VBS-2025-001');
  await page.getByRole('link', { name: '1e halfjaar 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 1e halfjaar 2026');
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  const value = row.locator('details > summary').first();
  const valueCents = centsOf((await value.textContent()) ?? '');
  expect(valueCents).toBe(240_000); // 40 hours × € 60,00
  await value.click();
  await expect(row.getByText('40 hours × €60,00 = €2.400,00')).toBeVisible();
  await checkPage(page, 'report-advisor');

  await row.getByRole('button', { name: `${initiativeHours} accepteren` }).click();
  await expect(row.getByText('Geaccepteerd')).toBeVisible();
  await checkPage(page, 'report-verified');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect.poll(verified).toBe(before + valueCents);
  await checkPage(page, 'dashboard-after');
});

test('advisor reviews a submitted plan and reads the policy, with every euro explained', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await openContract(page, 'VBS-2026-031');
  await expect(page.getByRole('heading', { name: 'Plan beoordelen' })).toBeVisible();
  await openExplanations(page);
  await expect(page.getByText(/×/).first()).toBeVisible();
  await checkPage(page, 'contract-plan-review');

  await page.goto('/policies');
  await expect(page.getByRole('table', { name: 'Waarderingstabel' })).toBeVisible();
  await checkPage(page, 'policy');
});

test('contract manager opens the one-page summary of a contract', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.contractManager);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn contracten');
  await checkPage(page, 'manager-contracts');
  await page.getByRole('link', { name: 'Samenvatting' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluatiesamenvatting');
  await expect(page.getByRole('heading', { name: 'In het kort' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Voortgang' })).toBeVisible();
  await checkPage(page, 'summary');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluation summary');
  await expect(page.getByRole('heading', { name: 'In brief' })).toBeVisible();
  await checkPage(page, 'summary-en');
});
