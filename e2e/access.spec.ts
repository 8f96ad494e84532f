import { expect, test } from '@playwright/test';
import { accounts, login, newPage, checkPage } from './helpers.ts';

// What the API refuses must not show in the browser either: a supplier who types another supplier's
// contract or report address gets the not-found page, never the data. The ids come from the API as
// the advisor, who may see every contract.

interface Listed {
  id: string;
  reference: string;
  title: string;
}

test("the supplier of Bouwbedrijf De Groot opens another supplier's contract and report by id and gets the not-found page", async ({
  browser,
}) => {
  const advisor = await newPage(browser);
  await login(advisor, accounts.advisor);
  const contracts = (await (await advisor.request.get('/api/v1/contracts')).json()) as { items: Listed[] };
  const other = contracts.items.find((c) => c.reference === 'VBS-2026-014');
  expect(other, 'the contract of Schoonmaakbedrijf Helder').toBeDefined();
  const { id, title } = other as Listed;
  const reports = (await (await advisor.request.get(`/api/v1/contracts/${id}/reports`)).json()) as {
    items: { id: string }[];
  };
  const reportId = reports.items[0]?.id ?? '';
  expect(reportId).not.toBe('');

  const page = await newPage(browser);
  await login(page, accounts.supplierDeGroot);
  for (const path of [`/contracts/${id}`, `/contracts/${id}/reports/${reportId}`, `/contracts/${id}/plan`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
    await expect(page.getByText('Deze pagina bestaat niet of u heeft er geen toegang toe.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(title);
    await expect(page.locator('body')).not.toContainText('VBS-2026-014');
  }
  await checkPage(page, 'not-found-other-supplier');
});
