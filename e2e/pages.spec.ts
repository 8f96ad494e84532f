import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage, openExplanations } from './helpers.ts';

// The signed-in pages the journeys in roles.spec.ts do not reach, on the real API with the demo data:
// read only, so they do not change what the journeys start from. Every explanation is opened first so
// axe also checks what is behind "how was this calculated?".

test('municipality admin: policy with the new-version form, users and audit log', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.admin);
  await page.goto('/policies');
  await expect(page.getByRole('heading', { name: 'Nieuwe beleidsversie' })).toBeVisible();
  await checkPage(page, 'admin-policy');
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
  await expect(page.getByRole('cell', { name: 'adviseur@voorbeeldstad.example' })).toBeVisible();
  await checkPage(page, 'admin-users');
  await page.goto('/audit-log');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog');
  // The demo was made through the use cases, so its awards are in the log.
  await expect(page.getByRole('cell', { name: 'contract.create' }).first()).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Downloaden' }).getByRole('link', { name: 'CSV', exact: true }),
  ).toBeVisible();
  await checkPage(page, 'admin-audit');
});

test('advisor: a trust-regime contract, a closed report, and the dashboard in English', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/contracts?regime=trust');
  await expect(page.getByRole('link', { name: /VBS-2025-001/ })).toHaveCount(0);
  await page.getByRole('link', { name: /VBS-2025-007/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('VBS-2025-007');
  await openExplanations(page);
  await checkPage(page, 'contract-trust');

  await page.goto('/contracts');
  await page.getByRole('link', { name: /VBS-2025-001/ }).click();
  await page.getByRole('link', { name: '2e halfjaar 2025' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 2e halfjaar 2025');
  await expect(page.getByText('Afgesloten').first()).toBeVisible();
  await openExplanations(page);
  await checkPage(page, 'report-closed');

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social return dashboard');
  await expect(page.getByTestId('dashboard-verified')).toContainText('verified of');
  await checkPage(page, 'dashboard-en');
});

test('supplier with an approved plan: contract, plan (read only) and a report that is still open', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  await page.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  await expect(page.getByText('Goedgekeurd', { exact: true }).first()).toBeVisible();
  await openExplanations(page);
  await checkPage(page, 'supplier-contract-approved');
  await page.getByRole('link', { name: 'Plan van aanpak opstellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social return-plan voor VBS-2025-001');
  await expect(page.getByRole('button', { name: 'Plan indienen' })).toHaveCount(0);
  await checkPage(page, 'plan-approved');
  await page.getByRole('link', { name: /VBS-2025-001 ·/ }).click();
  await page.getByRole('link', { name: '2e halfjaar 2026' }).click();
  await expect(page.getByRole('heading', { name: /Activiteit melden voor/ })).toBeVisible();
  await checkPage(page, 'report-open');
});
