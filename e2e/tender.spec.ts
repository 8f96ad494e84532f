import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accounts, checkPage, login, newPage } from './helpers.ts';

// Issue 17: a buyer gets tender advice and downloads the clause; anyone reads a publishing
// municipality's results without signing in. Read only: the demo data stays as it is.

test('a procurement officer gets tender advice and downloads the clause', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.contractManager);
  await page.getByRole('link', { name: 'Aanbestedingsadvies' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Advies voor een aanbesteding');
  await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue('voorbeeldstad');
  await page.getByLabel('Soort opdracht').selectOption('works');
  await page.getByLabel('Opdrachtwaarde (excl. btw)').fill('1.250.000');
  await page.getByLabel('Begindatum').fill('2027-01-01');
  await page.getByLabel('Einddatum').fill('2028-12-31');
  await page.getByLabel('Geschat aandeel arbeid (%) (optioneel)').fill('40');
  await page.getByLabel('CPV-code (optioneel)').fill('45000000-7');
  await page.getByRole('button', { name: 'Advies opvragen' }).click();

  await expect(page.getByTestId('tender-obligation')).toHaveText('€ 25.000,00');
  const forms = page.getByRole('table', { name: 'Passende vormen van invulling' });
  await expect(forms.getByRole('rowheader', { name: 'Banen' })).toBeVisible();
  await expect(forms.getByRole('rowheader', { name: 'BBL-plaatsen' })).toBeVisible();
  await expect(page.getByTestId('tender-clause-nl')).toContainText('ten minste 2% van de opdrachtwaarde');
  await expect(page.getByTestId('tender-clause-en')).toContainText('€25,000.00');
  await checkPage(page, 'tender-advice');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word (DOCX), Nederlands' }).click(),
  ]);
  expect(docx.suggestedFilename()).toBe('bestektekst-social-return-voorbeeldstad-nl.docx');
  expect(
    readFileSync((await docx.path()) ?? '')
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'PDF, Engels' }).click(),
  ]);
  expect(
    readFileSync((await pdf.path()) ?? '')
      .subarray(0, 8)
      .toString(),
  ).toBe('%PDF-1.7');

  // Bad input: the API's reason appears by the field
  await page.getByLabel('Einddatum').fill('2026-01-01');
  await page.getByRole('button', { name: 'Advies opvragen' }).click();
  await expect(
    page.getByRole('link', { name: /Einddatum|vóór de begindatum|must not be before/ }).first(),
  ).toBeVisible();
});

test('the public results page: no sign-in, Dutch and English, 0 axe violations', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/results/voorbeeldstad?year=2026');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Resultaten social return Gemeente Voorbeeldstad',
  );
  await expect(page.getByRole('table', { name: 'Per vorm van invulling, 2026' })).toBeVisible();
  await expect(page.getByTestId('results-people')).toHaveText(/^(< 5|\d+)$/);
  await checkPage(page, 'public-results-nl');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Social return results Gemeente Voorbeeldstad',
  );
  await checkPage(page, 'public-results-en');

  await page.getByLabel('Year').selectOption('2025');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/year=2025/);
  await expect(page.getByRole('heading', { name: 'Summary 2025' })).toBeVisible();

  await page.goto('/results/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
});
