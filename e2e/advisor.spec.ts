import { expect, test } from '@playwright/test';
import { accounts, centsOf, checkPage, login, newPage, openExplanations } from './helpers.ts';

// The advisor's own work in the browser: register a supplier and a contract (and see the obligation
// with its explanation), record the intake, an extension, and a new policy version with a new
// activity type. A fresh data folder per run (playwright.config.ts), so fixed names are unique.

test('advisor registers a supplier and a contract, sees the obligation explained, records intake and extension', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await newPage(browser);
  await login(page, accounts.advisor);
  await page.goto('/contracts');
  await page.getByRole('link', { name: 'Opdrachtnemer registreren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opdrachtnemer registreren');
  await checkPage(page, 'advisor-supplier-new');

  // A KvK number of 5 digits is refused next to the field; what was typed stays.
  await page.getByLabel('Naam van de organisatie').fill('Sociaal Bouwen Oost B.V.');
  await page.getByLabel('KvK-nummer').fill('12345');
  await page.getByRole('button', { name: 'Opdrachtnemer registreren' }).click();
  await expect(page.getByLabel('KvK-nummer')).toHaveAccessibleDescription(/8 cijfers/);
  await expect(page.getByLabel('Naam van de organisatie')).toHaveValue('Sociaal Bouwen Oost B.V.');
  await checkPage(page, 'advisor-supplier-error');

  // An e-mail address the API refuses comes back next to its field.
  await page.getByLabel('KvK-nummer').fill('87654321');
  await page.getByLabel('Naam contactpersoon').fill('Ayşe Demir');
  await page.getByLabel('E-mailadres contactpersoon').fill('ayse-at-example');
  await page.getByRole('button', { name: 'Opdrachtnemer registreren' }).click();
  await expect(page.getByLabel('E-mailadres contactpersoon')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('KvK-nummer')).toHaveValue('87654321');
  await page.getByLabel('E-mailadres contactpersoon').fill('ayse@sociaalbouwen.example');
  await page.getByRole('button', { name: 'Opdrachtnemer registreren' }).click();
  await expect(page.getByText('Sociaal Bouwen Oost B.V. is geregistreerd.')).toBeVisible();
  await checkPage(page, 'advisor-supplier-created');

  await page.getByRole('link', { name: 'Contract registreren voor Sociaal Bouwen Oost B.V.' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contract registreren');
  await expect(page.getByLabel('Opdrachtnemer')).toHaveValue(/.+/);
  await page.getByLabel('Kenmerk').fill('E2E-2026-001');
  await page.getByLabel('Titel van de opdracht').fill('Renovatie sporthal De Brug');
  await page.getByLabel('Opdrachtwaarde').fill('1.250.000');
  await page.getByLabel('Soort opdracht').selectOption('works');
  await page.getByLabel('Startdatum').fill('2026-03-01');
  await page
    .getByLabel('Contractmanager')
    .selectOption({ label: 'Carla Contract (contractmanager@voorbeeldstad.example)' });
  // The API refuses an end before the start; the message sits by the end date, the rest is kept.
  await page.getByLabel('Einddatum').fill('2025-12-31');
  await page.getByRole('button', { name: 'Contract registreren' }).click();
  await expect(page.getByLabel('Einddatum')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Kenmerk')).toHaveValue('E2E-2026-001');
  await checkPage(page, 'advisor-contract-error');

  await page.getByLabel('Einddatum').fill('2028-02-29');
  await page.getByRole('button', { name: 'Contract registreren' }).click();
  const created = page.getByRole('status').filter({ hasText: 'Contract E2E-2026-001 is geregistreerd' });
  await expect(created).toBeVisible();
  // 2% of €1.250.000 (the demo's Amsterdam rules), plan regime from €200.000, with the arithmetic.
  expect(centsOf(await created.getByTestId('obligation-amount').innerText())).toBe(2_500_000);
  await expect(created).toContainText('Plan van aanpak');
  await expect(created).toContainText('€ 1.250.000,00');
  await checkPage(page, 'advisor-contract-created');

  await created.getByRole('link', { name: 'Contract E2E-2026-001 openen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('E2E-2026-001');
  // Progress figures explain themselves (expected pro rata by days).
  await page.getByRole('region', { name: 'Voortgang' }).locator('summary').first().click();
  await openExplanations(page);
  await expect(page.getByRole('region', { name: 'Voortgang' })).toContainText('dagen');

  // The contract manager picked at registration; the advisor changes the title and takes them off.
  const details = page.getByRole('region', { name: 'Titel en contractmanager' });
  await expect(details.getByLabel('Contractmanager')).not.toHaveValue('');
  await details.getByLabel('Titel van de opdracht').fill('Renovatie sporthal De Brug en kleedkamers');
  await details.getByLabel('Contractmanager').selectOption({ label: 'Geen contractmanager' });
  await details.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(details.getByText('Het contract is gewijzigd.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('en kleedkamers');
  await checkPage(page, 'advisor-contract-details');

  const intake = page.getByRole('region', { name: 'Intakegesprek' });
  await expect(intake).toContainText('nog geen intakegesprek');
  await intake.getByLabel('Datum van het gesprek').fill('2026-03-10');
  await intake.getByLabel('Afgesproken richting').fill('Twee leerwerkplekken');
  await intake.getByRole('button', { name: 'Intake vastleggen' }).click();
  await expect(intake.getByText('De intake is vastgelegd.')).toBeVisible();
  await expect(intake).toContainText('10 maart 2026');
  await checkPage(page, 'advisor-intake');

  const extension = page.getByRole('region', { name: 'Optie of verlenging vastleggen' });
  await extension.getByLabel('Extra opdrachtwaarde').fill('250.000');
  await extension.getByRole('button', { name: 'Verlenging vastleggen' }).click();
  const recomputed = extension.getByRole('status').filter({ hasText: 'opnieuw berekend' });
  await expect(recomputed).toBeVisible();
  expect(centsOf(await recomputed.getByTestId('obligation-amount').innerText())).toBe(3_000_000);
  await checkPage(page, 'advisor-extension');

  // The contract list: the obligation with its explanation, filtered by the new supplier.
  await page.goto('/contracts');
  await page.getByLabel('Opdrachtnemer').selectOption({ label: 'Sociaal Bouwen Oost B.V.' });
  await expect(page.getByRole('link', { name: /E2E-2026-001/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /VBS-2025-001/ })).toHaveCount(0);
  await expect(page.getByText('1 contracten').first()).toBeAttached();
  const row = page.getByRole('row', { name: /E2E-2026-001/ });
  await row.locator('summary').click();
  // The recomputed obligation, explained in Dutch.
  await expect(row).toContainText('€ 30.000,00');
  await checkPage(page, 'advisor-contracts-filtered');

  // Sorting and paging by the server: two per page, by obligation, highest first; the next page
  // continues where the first ended, and the browser's back button returns to it.
  await page.goto('/contracts?limit=2');
  const obligationHeader = page.getByRole('columnheader', { name: /Verplichting/ });
  await obligationHeader.getByRole('button').click();
  await expect(obligationHeader).toHaveAttribute('aria-sort', 'ascending');
  // The rows are read once the page shows what the server answered for that sort and page (under
  // load the URL and the header change before the new rows arrive).
  const answer = (match: (url: URL) => boolean) =>
    page
      .waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/v1/contracts' && match(url);
      })
      .then(async (r) => ((await r.json()) as { items: { obligationCents: number }[] }).items)
      .then((items) => items.map((i) => i.obligationCents));
  const amounts = async () =>
    (
      await page
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => r.querySelectorAll('td')[3]?.querySelector('summary')?.textContent ?? ''),
        )
    ).map((text) => centsOf(text));
  const descending = answer((url) => url.searchParams.get('sort') === '-obligationCents');
  await obligationHeader.getByRole('button').click();
  await expect(obligationHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-obligationCents/);
  const firstPage = await descending;
  await expect.poll(amounts).toEqual(firstPage);
  expect(firstPage).toHaveLength(2);
  expect(firstPage[0]).toBeGreaterThanOrEqual(firstPage[1] ?? 0);
  await expect(page.getByRole('table').first()).toContainText('1–2 van');
  const next = answer((url) => url.searchParams.has('cursor'));
  await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(page.getByRole('table').first()).toContainText('3–4 van');
  const secondPage = await next;
  await expect.poll(amounts).toEqual(secondPage);
  expect(secondPage[0]).toBeLessThanOrEqual(firstPage[1] ?? 0);
  await checkPage(page, 'advisor-contracts-sorted-page-2');
  await page.getByRole('button', { name: 'Vorige pagina' }).click();
  await expect(page.getByRole('table').first()).toContainText('1–2 van');

  await page.goto('/dashboard');
  await openExplanations(page);
  await expect(page.getByText('Wat tellen deze totalen?')).toBeVisible();
  await expect(page.getByText('Contracten per status')).toBeVisible();
  await checkPage(page, 'advisor-dashboard-explained');
});

test('policy editor: the admin adds an activity type and saves a new version; older versions show what changed', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await newPage(browser);
  await login(page, accounts.admin);
  await page.goto('/policies');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beleid en waarderingstabel');
  await checkPage(page, 'policy-editor');

  const form = page.getByRole('region', { name: 'Nieuwe beleidsversie' });
  await form.getByRole('button', { name: 'Activiteit toevoegen aan de tabel' }).click();
  const added = form.getByRole('group', { name: /^Activiteit \d+:/ }).last();
  await added.getByLabel('Code').fill('E2E-GASTLES');
  await added.getByLabel('Eenheid').fill('uur');
  await added.getByLabel('Tarief (€)').fill('55');
  await form.getByLabel('Marge achterstand (%)').fill('15');
  // Tender rules (issue 17): 2% where labour is under 30% of the value
  const tender = form.getByRole('region', { name: 'Aanbestedingsadvies: regels en bestektekst' });
  await tender.getByRole('button', { name: 'Band toevoegen' }).click();
  const band = tender.getByRole('group', { name: 'Band 1' });
  await band.getByLabel('Arbeidsaandeel onder (%)').fill('30');
  await band.getByLabel('Percentage dan (%)').fill('2');
  // No date and no name: refused by the fields, what was typed stays.
  await form.getByRole('button', { name: 'Versie opslaan' }).click();
  await expect(form.getByLabel('Geldig vanaf')).toHaveAttribute('aria-invalid', 'true');
  await expect(added.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await expect(added.getByLabel('Code')).toHaveValue('E2E-GASTLES');
  await checkPage(page, 'policy-editor-error');

  await added.getByLabel('Naam').fill('Gastlessen op scholen');
  await form.getByLabel('Geldig vanaf').fill('2030-01-01');
  await form.getByRole('button', { name: 'Versie opslaan' }).click();
  await expect(page.getByText(/Versie \d+ is opgeslagen\./)).toBeVisible();
  const changes = page.getByRole('region', { name: /Wijzigingen ten opzichte van versie/ });
  await expect(changes).toContainText('Toegevoegd: Gastlessen op scholen');
  await expect(changes).toContainText('Marge achterstand');
  await expect(page.getByRole('table', { name: 'Waarderingstabel' })).toContainText('Gastlessen op scholen');
  await checkPage(page, 'policy-editor-saved');
  // the new version carries the band: the editor starts from it after a reload
  await page.reload();
  const stored = page
    .getByRole('region', { name: 'Aanbestedingsadvies: regels en bestektekst' })
    .getByRole('group', { name: 'Band 1' });
  await expect(stored.getByLabel('Arbeidsaandeel onder (%)')).toHaveValue('30');
  await expect(stored.getByLabel('Percentage dan (%)')).toHaveValue('2');

  await page.getByRole('button', { name: 'Versie 1 bekijken' }).click();
  await expect(page.getByRole('heading', { name: /^Versie 1, geldig vanaf/ })).toBeVisible();
  await expect(page.getByText('Dit is de eerste versie.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Waarderingstabel' })).not.toContainText(
    'Gastlessen op scholen',
  );
  await checkPage(page, 'policy-version-1');
});
