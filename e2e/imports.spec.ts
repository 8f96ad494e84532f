import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { accounts, checkPage, firstAmountCents, login, newPage } from './helpers.ts';

// Files in (issue 12) in the browser: a supplier downloads the half-year's template, fills two rows
// (one wrong), sees the error by row and column, fixes it, imports, and the contract's progress
// moves by exactly the valued amount.

test('a supplier imports a half-year from the template, after fixing the wrong row', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  await page.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  const contractId = /\/contracts\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await page.getByRole('link', { name: '2e halfjaar 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Activiteiten inlezen uit een bestand' })).toBeVisible();

  // the template, reached by keyboard
  const link = page
    .getByRole('navigation', { name: 'Download sjabloon' })
    .getByRole('link', { name: 'Excel (XLSX)' });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^sjabloon-vbs-2025-001-2026-h2\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const [first, choices] = workbook.worksheets;
  if (!first || !choices) throw new Error('template without its two sheets');
  const sheet: ExcelJS.Worksheet = first;
  expect(choices.name).toBe('Keuzes');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const col = (name: string) => headers.indexOf(name) + 1;
  expect(col('Soort activiteit')).toBe(1);
  expect((choices.getColumn(1).values as unknown[]).slice(2)).toContain('internship');

  // two rows, the second with half an internship
  const dir = mkdtempSync(join(tmpdir(), 'retour-import-'));
  async function fill(units: number[]) {
    units.forEach((n, i) => {
      const row = sheet.getRow(i + 2);
      row.getCell(col('Soort activiteit')).value = 'internship';
      row.getCell(col('Aantal')).value = n;
      row.getCell(col('Omschrijving')).value = `E2E-import ${i + 1}`;
    });
    const file = join(dir, `activiteiten-${units.join('-')}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }
  const before = (await (await page.request.get(`/api/v1/contracts/${contractId}/progress`)).json()) as {
    realisedCents: number;
  };
  const fileInput = page.getByLabel('Bestand (CSV of Excel)');
  await fileInput.setInputFiles(await fill([1, 2.5]));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Niet ingelezen: 1 fout(en)' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Fouten per regel en kolom' });
  const errorRow = errors.getByRole('row').filter({ hasText: 'moet een geheel getal zijn' });
  await expect(errorRow.getByRole('rowheader')).toHaveText('3');
  await expect(errorRow).toContainText('Aantal');
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await checkPage(page, 'report-import-errors');

  // fixed: checked again, then imported
  await fileInput.setInputFiles(await fill([1, 2]));
  await page.getByRole('button', { name: 'Controleren' }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('2 regel(s) in het bestand, 2 goed');
  const valued = firstAmountCents((await summary.textContent()) ?? '');
  await expect(page.getByRole('table', { name: 'Goede regels met hun waarde' }).getByRole('row')).toHaveCount(
    3,
  );
  await checkPage(page, 'report-import-ready');
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 activiteit(en) ingelezen' })).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/contracts/${contractId}/progress`)).json()) as {
    realisedCents: number;
  };
  expect(valued).toBe(3 * 250_000);
  expect(after.realisedCents - before.realisedCents).toBe(valued);
});
