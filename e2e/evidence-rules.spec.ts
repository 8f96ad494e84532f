import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage, samplePdf } from './helpers.ts';

// Evidence rules (issue 16, decision 024): an activity without evidence is named before the report is
// submitted, in the confirmation question too; adding evidence takes the warning away. The journey
// removes the activity it adds, so the open report stays as the other journeys expect it.

const initiativeHours = 'Uren voor een goedgekeurd maatschappelijk initiatief';

test('a supplier is told which activities have no evidence before submitting', async ({ browser }) => {
  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  await page.getByRole('link', { name: /2e halfjaar 2026 voor VBS-2025-001/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 2e halfjaar 2026');
  await expect(page.getByTestId('evidence-missing')).toHaveCount(0);

  await page.getByLabel('Activiteit', { exact: true }).selectOption({ label: initiativeHours });
  await page.getByLabel('Uren').fill('2');
  await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  const row = page.getByRole('row').filter({ hasText: initiativeHours });
  await expect(row).toHaveCount(1);
  const warning = page.getByTestId('evidence-missing');
  await expect(warning).toHaveText(
    `1 activiteit(en) hebben geen bewijsstuk: ${initiativeHours}. U kunt toch indienen; de adviseur ziet dit ook.`,
  );
  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  const question = page.getByRole('group', { name: /1 activiteit\(en\) hebben geen bewijsstuk\.$/ });
  await expect(question).toBeVisible();
  await checkPage(page, 'report-evidence-missing');
  await question.getByRole('button', { name: 'Annuleren' }).click();

  // With evidence the warning goes.
  await row
    .getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`)
    .setInputFiles({ name: 'uren.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(row.getByRole('link', { name: 'uren.pdf' })).toBeVisible();
  await expect(warning).toHaveCount(0);

  // Leave the report as it was.
  await row.getByRole('button', { name: `${initiativeHours} verwijderen` }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('row').filter({ hasText: initiativeHours })).toHaveCount(0);
});
