import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const checked = new Set<string>();

/**
 * Runs axe (WCAG 2.1 A and AA) on the page as it is now, expects no violations, and saves a full-page
 * screenshot to e2e/screenshots/<name>.png for reviewers.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(summary, `axe violations on ${name}`).toEqual([]);
  checked.add(name);
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** A fresh context per journey (AxeBuilder needs a page from browser.newContext()). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  return context.newPage();
}

// The demo accounts of src/db/seed/demo-accounts.ts (Gemeente Voorbeeldstad).
export const demoPassword = 'retour-demo-2026';
export const accounts = {
  advisor: 'adviseur@voorbeeldstad.example',
  admin: 'beheer@voorbeeldstad.example',
  contractManager: 'contractmanager@voorbeeldstad.example',
  supplierDeGroot: 'leverancier@bouwbedrijf-degroot.example',
  supplierHelder: 'leverancier@schoonmaak-helder.example',
} as const;

/** Signs in through the sign-in page, as a person would. */
export async function login(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Euro text as the UI shows it in Dutch, e.g. `€ 1.234,56`, back to cents. */
export function centsOf(text: string): number {
  const s = text.replace(/[^\d,-]/g, '').replace(',', '.');
  return Math.round(Number(s) * 100);
}

/** Opens every "how was this calculated?" explanation, so axe also checks what is behind them. */
export async function openExplanations(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
}

/** A tiny valid PDF, as evidence. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}
