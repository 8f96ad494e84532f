import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { accounts, login, newPage } from './helpers.ts';

// Files out (issue 11) in the browser: the download links are reached by keyboard and give files with
// the numbers of the API.

test('advisor downloads the dashboard as XLSX, with the totals of the screen', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/dashboard');
  const link = page.getByRole('link', { name: 'Excel (XLSX)' });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets.map((s) => s.name)).toContain('Totalen');
  const json = await (await page.request.get('/api/v1/dashboard')).json();
  const totals = workbook.getWorksheet('Totalen');
  const amounts = new Map<string, unknown>();
  totals?.eachRow((row) => amounts.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(amounts.get('Verplichting')).toBe(json.totals.obligationCents / 100);
  expect(amounts.get('Geverifieerd')).toBe(json.totals.verifiedCents / 100);
});

test('contract manager downloads the evaluation summary as a tagged PDF', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await login(page, accounts.contractManager);
  await page.getByRole('link', { name: 'Samenvatting' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluatiesamenvatting');
  const link = page
    .getByRole('navigation', { name: 'Samenvatting downloaden' })
    .getByRole('link', { name: 'PDF' });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^summary-.+\.pdf$/);
  const path = await download.path();
  expect(execFileSync('pdfinfo', [path]).toString()).toMatch(/Tagged:\s+yes/);
  const text = execFileSync('pdftotext', [path, '-']).toString();
  expect(text).toContain('Evaluatiesamenvatting');
  expect(text).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
});
