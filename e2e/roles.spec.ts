import { expect, test } from '@playwright/test';
import { accounts, apiExists, centsOf, checkPage, login, newPage, samplePdf } from './helpers.ts';

// These journeys need the identity and lifecycle APIs; until they exist on the server they skip.
test.beforeEach(async ({ baseURL }) => {
  const ready = await apiExists(baseURL, '/me', '/contracts', '/dashboard');
  test.skip(!ready, 'the identity/lifecycle API is not there yet');
});

test('sign in: each role lands on its own start page; a wrong password is explained by the field', async ({
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
  await checkPage(page, 'contracts');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
});

test('supplier submits a plan and a half-year report with evidence; advisor verifies and the dashboard moves by exactly that value', async ({
  browser,
}) => {
  // Supplier: my contracts, then the plan builder of a plan-regime contract.
  const supplier = await newPage(browser);
  await login(supplier, accounts.supplier);
  await expect(supplier).toHaveURL(/\/supplier$/);
  await checkPage(supplier, 'supplier-home');

  const buildPlan = async () => {
    const links = supplier.getByRole('table').first().getByRole('link');
    const n = await links.count();
    for (let i = 0; i < n; i++) {
      await supplier.goto('/supplier');
      await supplier.getByRole('table').first().getByRole('link').nth(i).click();
      const build = supplier.getByRole('link', { name: 'Plan van aanpak opstellen' });
      if (!(await build.isVisible().catch(() => false))) continue;
      await build.click();
      if (
        await supplier.getByRole('heading', { name: 'Activiteit uit de waarderingstabel kiezen' }).isVisible()
      )
        return true;
    }
    return false;
  };
  if (await buildPlan()) {
    await checkPage(supplier, 'plan-builder');
    const before = (await supplier.getByTestId('plan-coverage').textContent()) ?? '';
    await supplier
      .getByLabel('Activiteit', { exact: true })
      .selectOption({ label: 'Stage (BOL) van ten minste 3 maanden' });
    await supplier.getByLabel('Halfjaar').selectOption({ index: 1 });
    await supplier.getByLabel('Aantal').fill('2');
    await supplier.getByRole('button', { name: 'Toevoegen aan plan' }).click();
    await expect(supplier.getByTestId('plan-coverage')).not.toHaveText(before);
    await supplier.getByRole('button', { name: 'Plan indienen' }).click();
    await expect(supplier.getByText('Het plan is ingediend.')).toBeVisible();
    await checkPage(supplier, 'plan-submitted');
  }

  // Supplier: the next report that is due, one activity with evidence, then submit.
  await supplier.goto('/supplier');
  await supplier.getByRole('region', { name: 'Wat moet wanneer' }).getByRole('link').first().click();
  await expect(supplier.getByRole('heading', { level: 1 })).toContainText('Rapportage');
  const reportUrl = supplier.url();
  await supplier
    .getByLabel('Activiteit', { exact: true })
    .selectOption({ label: 'Uren voor een goedgekeurd maatschappelijk initiatief' });
  await supplier.getByLabel('Uren').fill('10');
  await supplier.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  await expect(supplier.getByText('Toegevoegd. De waarde is:')).toBeVisible();
  await supplier
    .getByLabel(/Bewijsstuk toevoegen bij/)
    .last()
    .setInputFiles({ name: 'urenregistratie.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(supplier.getByRole('link', { name: 'urenregistratie.pdf' })).toBeVisible();
  await checkPage(supplier, 'report-supplier');
  await supplier.getByRole('button', { name: 'Rapportage indienen' }).click();
  await expect(supplier.getByText('De rapportage is ingediend.')).toBeVisible();

  // Advisor: dashboard total before, verify the activity, dashboard total after.
  const advisor = await newPage(browser);
  await login(advisor, accounts.advisor);
  const verifiedBefore = centsOf((await advisor.getByTestId('dashboard-verified').textContent()) ?? '');
  await advisor.goto(new URL(reportUrl).pathname);
  await checkPage(advisor, 'report-advisor');
  const row = advisor
    .getByRole('row')
    .filter({ hasText: 'Uren voor een goedgekeurd maatschappelijk initiatief' })
    .last();
  const valueCents = centsOf((await row.locator('summary').first().textContent()) ?? '');
  expect(valueCents).toBe(60_000); // 10 hours × €60,00 in the demo catalogue
  await row.locator('summary').first().click();
  await expect(row.getByText('€60,00', { exact: false })).toBeVisible();
  await row.getByRole('button', { name: /accepteren/ }).click();
  await expect(row.getByText('Geaccepteerd')).toBeVisible();
  await advisor.goto('/dashboard');
  await expect
    .poll(async () => centsOf((await advisor.getByTestId('dashboard-verified').textContent()) ?? ''))
    .toBe(verifiedBefore + valueCents);
  await checkPage(advisor, 'dashboard-after');
});

test('contract manager opens the one-page summary of a contract', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.contractManager);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn contracten');
  await checkPage(page, 'manager-contracts');
  await page.getByRole('link', { name: 'Samenvatting' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluatiesamenvatting');
  await expect(page.getByRole('heading', { name: 'Voortgang' })).toBeVisible();
  await checkPage(page, 'summary');
});

test('advisor reads the policy and a contract, with every euro explained', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/policies');
  await expect(page.getByRole('table', { name: 'Waarderingstabel' })).toBeVisible();
  await checkPage(page, 'policy');
  await page.goto('/contracts');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByText('Hoe is dit berekend?').first().click();
  await expect(page.getByText(/×/).first()).toBeVisible();
  await checkPage(page, 'contract');
});
