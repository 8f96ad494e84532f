import { expect, test } from '@playwright/test';
import { mockApi } from './fixtures.ts';
import { checkPage, newPage } from './helpers.ts';

// Every signed-in page rendered with representative API answers, checked by axe and photographed.
// The journeys in roles.spec.ts run the same pages against the real API and demo data.
const pages = [
  { who: 'advisor', path: '/dashboard', name: 'mock-dashboard', h1: 'Dashboard social return' },
  { who: 'advisor', path: '/contracts', name: 'mock-contracts', h1: 'Contracten' },
  {
    who: 'advisor',
    path: '/contracts/c1',
    name: 'mock-contract',
    h1: 'VBS-2026-014 · Onderhoud openbare ruimte Noord',
  },
  {
    who: 'advisor',
    path: '/contracts/c1/reports/r1',
    name: 'mock-report-advisor',
    h1: 'Rapportage 1e halfjaar 2026',
  },
  { who: 'municipalityAdmin', path: '/policies', name: 'mock-policy', h1: 'Beleid en waarderingstabel' },
  { who: 'municipalityAdmin', path: '/users', name: 'mock-users', h1: 'Gebruikers' },
  { who: 'municipalityAdmin', path: '/audit-log', name: 'mock-audit', h1: 'Auditlog' },
  { who: 'contractManager', path: '/contracts', name: 'mock-manager-contracts', h1: 'Mijn contracten' },
  {
    who: 'contractManager',
    path: '/contracts/c1/summary',
    name: 'mock-summary',
    h1: 'Evaluatiesamenvatting VBS-2026-014',
  },
  { who: 'supplier', path: '/supplier', name: 'mock-supplier-home', h1: 'Mijn contracten' },
  {
    who: 'supplier',
    path: '/contracts/c1/reports/r2',
    name: 'mock-report-supplier',
    h1: 'Rapportage 2e halfjaar 2026',
  },
  {
    who: 'supplier',
    path: '/contracts/c1/plan',
    name: 'mock-plan-builder',
    h1: 'Social return-plan voor VBS-2026-014',
  },
] as const;

for (const p of pages) {
  test(`${p.who} page ${p.path} is accessible`, async ({ browser }) => {
    const page = await newPage(browser);
    await mockApi(page, p.who);
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.h1);
    // Open every explanation, so axe also checks what is behind "how was this calculated?".
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    await checkPage(page, p.name);
  });
}

test('advisor page in English', async ({ browser }) => {
  const page = await newPage(browser);
  await mockApi(page, 'advisor');
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social return dashboard');
  await expect(page.getByTestId('dashboard-verified')).toHaveText('€7,500.00 verified of €27,000.00');
  await checkPage(page, 'mock-dashboard-en');
});
