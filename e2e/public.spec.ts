import { expect, test } from '@playwright/test';
import { checkPage, newPage } from './helpers.ts';

test('public estimate: a bidder calculates the obligation without signing in', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social return in aanbestedingen');
  await checkPage(page, 'home');

  await page.getByRole('link', { name: 'Bereken de verplichting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Schatting van de social return-verplichting',
  );

  // The municipality is chosen by name from the list (issue 16), not typed as a slug.
  const municipality = page.getByRole('combobox', { name: 'Gemeente', exact: true });
  await expect(municipality).toContainText('Gemeente Voorbeeldstad');
  await municipality.selectOption({ label: 'Gemeente Voorbeeldstad' });
  await expect(municipality).toHaveValue('voorbeeldstad');
  // A mistake is shown next to the field, and what was typed stays.
  await page.getByLabel('Opdrachtwaarde (excl. btw)').fill('vijf ton');
  await page.getByRole('button', { name: 'Bereken' }).click();
  const value = page.getByLabel('Opdrachtwaarde (excl. btw)');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/Vul een bedrag in euro’s in/);
  await expect(value).toHaveValue('vijf ton');
  await checkPage(page, 'estimate-error');

  await value.fill('500.000');
  await page.getByRole('button', { name: 'Bereken' }).click();
  await expect(page.getByTestId('estimate-obligation')).toHaveText('€ 10.000,00');
  await expect(page.getByTestId('estimate-regime')).toHaveText('Plan van aanpak');
  await page.getByText('Hoe is dit berekend?').first().click();
  await expect(page.getByText('2% × € 500.000,00 = € 10.000,00', { exact: false })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Zo kunt u de verplichting bijvoorbeeld invullen' }),
  ).toContainText('Stage (BOL)');
  // what a person of each target group is worth per year (domain.md §11; the demo uses Utrecht's table)
  const groups = page.getByRole('table', { name: 'Waarde per doelgroep per voltijdjaar' });
  await expect(groups.getByRole('row').filter({ hasText: 'Participatiewet < 2 jaar' })).toContainText(
    '€ 40.000,00',
  );
  await expect(page.getByText(/Bron: Gemeente Utrecht/)).toBeVisible();
  await checkPage(page, 'estimate-result');
});

test('language switch: English on request, remembered, and <html lang> follows', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/estimate');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Estimate of the social return obligation',
  );
  await page
    .getByRole('combobox', { name: 'Municipality', exact: true })
    .selectOption({ label: 'Gemeente Voorbeeldstad' });
  await page.getByLabel('Contract value (excl. VAT)').fill('150,000');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByTestId('estimate-obligation')).toHaveText('€3,000.00');
  await expect(page.getByTestId('estimate-regime')).toHaveText('Trust regime');
  await checkPage(page, 'estimate-en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Schatting van de social return-verplichting',
  );
});

test('keyboard: the skip link is the first stop and moves to the main content', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/estimate');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('invitation link: a used or unknown link is explained, the typed password is not lost', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto('/invitation#token=onbekend-of-al-gebruikt-0123456789');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging aannemen');
  await page.getByLabel('Nieuw wachtwoord').fill('een heel lang wachtwoord');
  await page.getByLabel('Herhaal het wachtwoord').fill('een heel lang wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Deze link is niet meer geldig. Vraag een nieuwe aan.')).toBeVisible();
  await expect(page.getByLabel('Nieuw wachtwoord')).toHaveValue('een heel lang wachtwoord');
  await checkPage(page, 'invitation');
});
