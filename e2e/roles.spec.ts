import { expect, test, type Page } from '@playwright/test';
import {
  accounts,
  amountOf,
  arrowToOption,
  centsOf,
  checkPage,
  login,
  newPage,
  openExplanations,
  samplePdf,
  tabTo,
} from './helpers.ts';

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

// One half-year report from start to end, in order: the supplier reports and submits, the advisor
// verifies that very activity (so the dashboard delta is known exactly), the supplier asks for a
// correction and submits the new version with the keyboard only. The file runs in order (serial), as
// these journeys build on each other.
test.describe.configure({ mode: 'serial' });
let helderReportUrl = '';
let reportedCents = 0;

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
  reportedCents = centsOf((await row.locator('details > summary').first().textContent()) ?? '');

  await row
    .getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`)
    .setInputFiles({ name: 'urenregistratie.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(row.getByRole('link', { name: 'urenregistratie.pdf' })).toBeVisible();
  await openExplanations(page);
  await expect(row.getByText('10 uur × € 60,00 = € 600,00')).toBeVisible();
  await checkPage(page, 'report-supplier');

  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  // Submitting asks first, with what goes in; the focus is on "yes".
  await expect(page.getByRole('group', { name: /De rapportage met \d+ activiteit/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, indienen' })).toBeFocused();
  await page.getByRole('button', { name: 'Ja, indienen' }).click();
  // The button is gone; the focus is on the outcome, not on <body>.
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByTestId('notice')).toHaveText('De rapportage is ingediend.');
  await expect(page.getByText('Ingediend', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rapportage indienen' })).toHaveCount(0);
  await checkPage(page, 'report-submitted');
  helderReportUrl = page.url();
});

test('advisor verifies the activity the supplier just reported; the dashboard verified total moves by exactly its value', async ({
  browser,
}) => {
  expect(reportedCents).toBe(60_000); // 10 hours × € 60,00, as the supplier saw it valued
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  const verified = page.getByTestId('dashboard-verified');
  await expect(verified).toBeVisible();
  const before = await amountOf(verified);

  // From the work queue on the start page straight to the report.
  const queue = page.getByRole('region', { name: 'Wat wacht op mij' });
  const toVerify = queue.getByRole('region', { name: /^Te verifiëren rapportages/ });
  await expect(toVerify.getByRole('heading')).toHaveText(/\(\d+\)$/);
  await checkPage(page, 'dashboard-work-queue');
  await toVerify.getByRole('link', { name: /1e halfjaar 2026 · VBS-2026-014/ }).click();
  await expect(page).toHaveURL(helderReportUrl);
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  await expect(row).toHaveCount(1);
  expect(centsOf((await row.locator('details > summary').first().textContent()) ?? '')).toBe(reportedCents);
  await expect(row.getByRole('link', { name: 'urenregistratie.pdf' })).toBeVisible();
  await checkPage(page, 'report-advisor');

  await row.getByRole('button', { name: `${initiativeHours} accepteren` }).click();
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByTestId('notice')).toHaveText(`${initiativeHours} is geaccepteerd.`);
  await expect(row.getByText('Geaccepteerd')).toBeVisible();
  await expect(page.getByText('Afgesloten', { exact: true }).first()).toBeVisible();
  await checkPage(page, 'report-verified');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect.poll(() => amountOf(verified)).toBe(before + reportedCents);
  await checkPage(page, 'dashboard-after');
});

test('supplier asks for a correction, sees the closed version in the history, and resubmits with the keyboard only', async ({
  browser,
}) => {
  test.slow(); // a correction, a walk with the Tab key, and several page states
  const page = await newPage(browser);
  await login(page, accounts.supplierHelder);
  await page.goto(helderReportUrl);
  await expect(page.getByText('Afgesloten', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Correctie aanvragen' }).click();
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByTestId('notice')).toContainText('Versie 2 is aangemaakt.');
  await expect(page).not.toHaveURL(helderReportUrl);
  const history = page.getByRole('region', { name: 'Versies van deze rapportage' });
  await expect(history.getByRole('link', { name: 'Versie 1' })).toBeVisible();
  await expect(history.getByText('Versie 2 (deze)')).toBeVisible();
  await checkPage(page, 'report-correction');

  // From here on the keyboard only: record an activity and submit the new version.
  const type = page.getByLabel('Activiteit', { exact: true });
  await tabTo(page, type);
  await arrowToOption(page, type, initiativeHours);
  const hours = page.getByRole('textbox', { name: 'Uren', exact: true });
  await tabTo(page, hours);
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Toegevoegd. De waarde is:' })).toContainText(
    '€ 300,00',
  );
  await expect(page.getByRole('row').filter({ hasText: initiativeHours })).toHaveCount(2);
  const submit = page.getByRole('button', { name: 'Rapportage indienen' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ja, indienen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByTestId('notice')).toHaveText('De rapportage is ingediend.');
  await checkPage(page, 'report-correction-submitted');

  // The first version is kept as it was closed.
  await history.getByRole('link', { name: 'Versie 1' }).click();
  await expect(page.getByText('U bekijkt versie 1, een eerdere versie.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: initiativeHours })).toHaveCount(1);
});

test('supplier completes its draft plan from the catalogue, sees the coverage move, and submits it', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierHelder);
  await page.getByRole('link', { name: /^VBS-2026-014 ·/ }).click();
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
  await page.getByRole('button', { name: 'Ja, plan indienen' }).click();
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByText('Het plan is ingediend.', { exact: false })).toBeVisible();
  await expect(page.getByText('Ingediend', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan indienen' })).toHaveCount(0);
  await checkPage(page, 'plan-submitted');
});

test('advisor asks for more information about an activity; the supplier answers with evidence; the advisor accepts', async ({
  browser,
}) => {
  test.slow(); // two people and several page states
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await openContract(page, 'VBS-2025-001');
  await page.getByRole('link', { name: '1e halfjaar 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 1e halfjaar 2026');
  const reportUrl = page.url();
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  const value = row.locator('details > summary').first();
  expect(centsOf((await value.textContent()) ?? '')).toBe(240_000); // 40 hours × € 60,00
  await value.click();
  await expect(row.getByText('40 uur × € 60,00 = € 2.400,00')).toBeVisible();

  // Asking needs a question: said next to the field, and nothing is sent.
  const ask = row.getByRole('button', { name: `Meer informatie vragen over ${initiativeHours}` });
  await ask.click();
  const question = row.getByLabel(`Reden of vraag aan de leverancier (${initiativeHours})`);
  await expect(question).toHaveAccessibleDescription(/Schrijf wat u wilt weten/);
  await checkPage(page, 'report-advisor-question-error');
  await question.fill('Stuur de urenregistratie van Buurtkracht mee.');
  await ask.click();
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(row.getByText('Meer informatie nodig')).toBeVisible();
  await expect(row.locator('p', { hasText: 'Stuur de urenregistratie van Buurtkracht mee.' })).toBeVisible();
  await checkPage(page, 'report-more-info');

  // The supplier sees the question and adds evidence to that activity only; the report stays submitted.
  const supplier = await newPage(browser);
  await login(supplier, accounts.supplierDeGroot);
  await supplier.goto(reportUrl);
  const asked = supplier.getByRole('row').filter({ hasText: initiativeHours });
  await expect(asked.getByText('Stuur de urenregistratie van Buurtkracht mee.')).toBeVisible();
  await expect(supplier.getByRole('button', { name: 'Rapportage indienen' })).toHaveCount(0);
  await expect(supplier.getByLabel(/Bewijsstuk toevoegen bij/)).toHaveCount(1);
  await asked
    .getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`)
    .setInputFiles({ name: 'buurtkracht-uren.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(asked.getByRole('link', { name: 'buurtkracht-uren.pdf' })).toBeVisible();
  await expect(asked.getByRole('button', { name: /verwijderen/ })).toHaveCount(0);
  await checkPage(supplier, 'report-more-info-supplier');

  await page.reload();
  await expect(row.getByRole('link', { name: 'buurtkracht-uren.pdf' })).toBeVisible();
  await row.getByRole('button', { name: `${initiativeHours} accepteren` }).click();
  await expect(page.getByTestId('notice')).toHaveText(`${initiativeHours} is geaccepteerd.`);
  await expect(row.getByText('Geaccepteerd')).toBeVisible();
});

test('supplier removes an evidence file and an activity of its open report, each after confirming', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  await page.getByRole('link', { name: /2e halfjaar 2026 voor VBS-2025-001/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 2e halfjaar 2026');
  await page.getByLabel('Activiteit', { exact: true }).selectOption({ label: initiativeHours });
  await page.getByLabel('Uren').fill('3');
  await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  await expect(row).toHaveCount(1);
  const upload = row.getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`);
  await upload.setInputFiles({ name: 'verkeerd.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(row.getByRole('link', { name: 'verkeerd.pdf' })).toBeVisible();
  await expect(row.getByText(/\d+ B\)/)).toBeVisible(); // the size, as formatBytes writes it

  await row.getByRole('button', { name: 'Bewijsstuk verkeerd.pdf verwijderen' }).click();
  const confirmFile = row.getByRole('group', { name: 'Bewijsstuk verkeerd.pdf verwijderen?' });
  await expect(confirmFile.getByRole('button', { name: 'Ja, verwijderen' })).toBeFocused();
  await checkPage(page, 'report-confirm-delete');
  await confirmFile.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(row.getByRole('link', { name: 'verkeerd.pdf' })).toHaveCount(0);
  await expect(upload).toBeFocused();

  // Cancel keeps the activity and returns the focus; confirming removes it.
  const remove = row.getByRole('button', { name: `${initiativeHours} verwijderen` });
  await remove.click();
  await row.getByRole('button', { name: 'Annuleren' }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await row.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByTestId('notice')).toHaveText(`${initiativeHours} is verwijderd.`);
  await expect(page.getByRole('row').filter({ hasText: initiativeHours })).toHaveCount(0);
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
