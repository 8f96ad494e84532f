import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';

// The advisor loads contracts from a spreadsheet export (decision 022): a CSV with one bad row is
// checked, the error is shown by row and column and nothing is saved; the fixed file is checked
// and imported, and the contracts are in the list. A fresh data folder per run, so fixed names are
// unique.

const header =
  'referentie;titel;kvk-nummer;leverancier;waarde;startdatum;einddatum;gunningsdatum;soort;contractmanager';
const good =
  'E2E-IMP-001;Onderhoud fietspaden;61234567;Fietspad Onderhoud B.V.;€ 480.000,00;1-3-2026;28-2-2028;15-1-2026;werken;';
const row = (value: string) =>
  `E2E-IMP-002;Schoonmaak wijkcentra;61234568;Schoon & Sociaal B.V.;${value};1-4-2026;31-3-2027;;diensten;`;
const csv = (value: string) => Buffer.from([header, good, row(value)].join('\r\n'), 'utf8');

test('advisor imports contracts from a CSV: one bad row refused by row and column, fixed, imported, listed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/contracts');
  await page.getByRole('link', { name: 'Contracten importeren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contracten importeren');
  await checkPage(page, 'contract-import');

  const file = page.getByLabel('Bestand (CSV, XLSX of OCDS-JSON)');
  // keyboard: the file field and the check button are reachable with Tab
  await file.focus();
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'contracten.csv', mimeType: 'text/csv', buffer: csv('negentigduizend') });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Controleren' })).toBeFocused();
  await page.keyboard.press('Enter');

  const result = page.getByRole('heading', {
    name: /Fouten in het bestand: 1\. Er is niets opgeslagen/,
    level: 2,
  });
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  const errors = page.getByRole('table', { name: 'Fouten per rij en kolom' });
  await expect(errors.getByRole('row', { name: /3 Waarde/ })).toContainText('geen bedrag in euro');
  await expect(page.getByRole('button', { name: /importeren$/ })).toHaveCount(0);
  await checkPage(page, 'contract-import-errors');

  await file.setInputFiles({ name: 'contracten.csv', mimeType: 'text/csv', buffer: csv('90.000') });
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { name: /Alles klopt/, level: 2 })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Contracten in het bestand' });
  await expect(preview.getByRole('row', { name: /E2E-IMP-001/ })).toContainText('€ 480.000,00');
  await expect(preview.getByRole('row', { name: /E2E-IMP-002/ })).toContainText('Nieuw');
  await checkPage(page, 'contract-import-ready');

  await page.getByRole('button', { name: '2 contracten importeren' }).click();
  await expect(
    page.getByRole('heading', { name: /Import klaar: 2 contracten aangemaakt/, level: 2 }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Naar de contracten' }).click();
  await page.getByLabel('Zoeken').fill('E2E-IMP');
  await expect(page.getByRole('link', { name: /E2E-IMP-001/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /E2E-IMP-002/ })).toBeVisible();
});

// A framework contract (raamovereenkomst): under a policy version on invoiced value (from 2030, so
// no other journey's contract is judged by it), the advisor records what was invoiced in a
// half-year on the contract page and the obligation follows.
test('framework contract: the advisor records an invoiced half-year and the obligation follows', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await newPage(browser);
  await login(admin, accounts.admin);
  const me = (await (await admin.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const versions = (await (await admin.request.get('/api/v1/policies')).json()) as {
    items: { policy: Record<string, unknown> }[];
  };
  const created = await admin.request.post('/api/v1/policies', {
    headers: { 'X-CSRF-Token': me.csrfToken },
    data: { ...versions.items[0]?.policy, validFrom: '2030-01-01', base: 'invoiced' },
  });
  expect(created.status()).toBe(201);

  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/contracts/import');
  const framework = [
    header,
    'E2E-RAAM-001;Raamovereenkomst groenonderhoud;61234569;Groen Raam B.V.;2.000.000;1-2-2030;31-1-2032;15-1-2030;diensten;',
  ].join('\r\n');
  await page
    .getByLabel('Bestand (CSV, XLSX of OCDS-JSON)')
    .setInputFiles({ name: 'raam.csv', mimeType: 'text/csv', buffer: Buffer.from(framework, 'utf8') });
  await page.getByRole('button', { name: 'Controleren' }).click();
  await page.getByRole('button', { name: '1 contracten importeren' }).click();
  await expect(page.getByRole('heading', { name: /Import klaar/, level: 2 })).toBeVisible();

  await page.goto('/contracts?q=E2E-RAAM-001');
  await page.getByRole('link', { name: /E2E-RAAM-001/ }).click();
  const section = page.getByRole('region', { name: 'Gefactureerd per halfjaar (raamovereenkomst)' });
  await expect(section.getByText('Nog niets gefactureerd.')).toBeVisible();
  await section.getByLabel('Halfjaar').selectOption('2030-H1');
  await section.getByLabel('Gefactureerd', { exact: true }).fill('150.000');
  await section.getByRole('button', { name: 'Bedrag vastleggen' }).click();
  // 2% of € 150.000 invoiced, not of the € 2.000.000 framework value
  await expect(section.getByText('Vastgelegd. De verplichting is nu € 3.000,00.')).toBeVisible();
  await expect(section.getByRole('table', { name: 'Gefactureerde bedragen' })).toContainText('€ 150.000,00');
  await checkPage(page, 'contract-framework-invoiced');
});
