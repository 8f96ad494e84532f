import { expect, test, type Page } from '@playwright/test';
import { accounts, checkPage, login, newPage, samplePdf } from './helpers.ts';

// In-app notifications (issue 16, decision 027): a supplier submits a report, the advisor's bell
// counts one more, the list names it, following it lands on the report and marks it read; "alles
// gelezen" clears the bell. Uses the half-year report of VBS-2025-007 (Het Park) that no other
// journey touches; it stays submitted.

const initiativeHours = 'Uren voor een goedgekeurd maatschappelijk initiatief';
const park = 'leverancier@hetpark.example';

/** The half-year before this one, as the UI writes it ("1e halfjaar 2026"). */
function lastHalfYearLabel(today = new Date()): string {
  const year = today.getFullYear();
  return today.getMonth() >= 6 ? `1e halfjaar ${year}` : `2e halfjaar ${year - 1}`;
}

/** The unread count the bell says in its accessible name. */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole('link', { name: /^Meldingen, / });
  await expect(bell).toBeVisible();
  const name = (await bell.getAttribute('aria-label')) ?? '';
  if (name === 'Meldingen, geen ongelezen') return 0;
  const m = /^Meldingen, (\d+) ongelezen$/.exec(name);
  if (!m) throw new Error(`unexpected bell name: ${name}`);
  return Number(m[1]);
}

test('the advisor hears of a submitted report through the bell and lands on it', async ({ browser }) => {
  test.setTimeout(120_000);
  const period = lastHalfYearLabel();
  const periodEn = period.replace('1e halfjaar', 'First half of').replace('2e halfjaar', 'Second half of');

  // Signed out: no bell, and no failed request in the console.
  const anonymous = await newPage(browser);
  const errors: string[] = [];
  anonymous.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await anonymous.goto('/');
  await anonymous.waitForLoadState('networkidle');
  await expect(anonymous.getByRole('link', { name: /^Meldingen/ })).toHaveCount(0);
  expect(errors).toEqual([]);

  const advisor = await newPage(browser);
  await login(advisor, accounts.advisor);
  const before = await bellCount(advisor);

  // The supplier submits its report of last half-year.
  const supplier = await newPage(browser);
  await login(supplier, park);
  const due = supplier.getByRole('region', { name: 'Wat moet wanneer' });
  await due.getByRole('link', { name: new RegExp(`${period} voor VBS-2025-007`) }).click();
  await expect(supplier.getByRole('heading', { level: 1 })).toHaveText(`Rapportage ${period}`);
  await supplier.getByLabel('Activiteit', { exact: true }).selectOption({ label: initiativeHours });
  await supplier.getByLabel('Uren').fill('4');
  await supplier.getByRole('button', { name: 'Activiteit toevoegen' }).click();
  const row = supplier.getByRole('row').filter({ hasText: initiativeHours });
  await expect(row).toHaveCount(1);
  await row
    .getByLabel(`Bewijsstuk toevoegen bij ${initiativeHours}`)
    .setInputFiles({ name: 'uren.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
  await expect(row.getByRole('link', { name: 'uren.pdf' })).toBeVisible();
  await supplier.getByRole('button', { name: 'Rapportage indienen' }).click();
  await supplier.getByRole('button', { name: 'Ja, indienen' }).click();
  await expect(supplier.getByTestId('notice')).toHaveText('De rapportage is ingediend.');
  const reportUrl = new URL(supplier.url()).pathname;

  // The advisor's bell counts it on the next navigation.
  await advisor
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Contracten' })
    .click();
  // At least one more: a scheduled deadline run may add its own notice meanwhile.
  await expect.poll(() => bellCount(advisor)).toBeGreaterThan(before);
  const after = await bellCount(advisor);
  await checkPage(advisor, 'notifications-bell');

  await advisor.getByRole('link', { name: `Meldingen, ${after} ongelezen` }).click();
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText('Meldingen');
  const text = `Groenvoorziening Het Park heeft de rapportage ${period} van VBS-2025-007 ingediend: te verifiëren.`;
  const item = advisor.getByRole('listitem').filter({ hasText: text });
  await expect(item).toHaveCount(1);
  await expect(item.getByText('Ongelezen')).toBeVisible();
  await checkPage(advisor, 'notifications');

  // Following it lands on the report and marks it read.
  await item.getByRole('link', { name: text }).click();
  await expect(advisor).toHaveURL(reportUrl);
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText(`Rapportage ${period}`);
  await expect(
    advisor.getByRole('link', {
      name: after === 1 ? 'Meldingen, geen ongelezen' : `Meldingen, ${after - 1} ongelezen`,
    }),
  ).toBeVisible();

  await advisor.getByRole('link', { name: /^Meldingen, / }).click();
  await expect(advisor.getByRole('listitem').filter({ hasText: text }).getByText('Ongelezen')).toHaveCount(0);
  if (after > 1) {
    await advisor.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect(advisor.getByText('Ongelezen')).toHaveCount(0);
  }
  await expect(advisor.getByRole('link', { name: 'Meldingen, geen ongelezen' })).toBeVisible();
  await expect(advisor.getByRole('button', { name: 'Alles gelezen' })).toBeDisabled();
  await checkPage(advisor, 'notifications-read');

  // The same notification in English (the text is written by the UI from its kind and parameters).
  await advisor.getByRole('button', { name: 'Switch to English' }).click();
  await expect(advisor.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  await expect(advisor.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
  await expect(
    advisor.getByRole('link', {
      name: `Groenvoorziening Het Park submitted the report ${periodEn} for VBS-2025-007: to verify.`,
    }),
  ).toHaveCount(1);
});
