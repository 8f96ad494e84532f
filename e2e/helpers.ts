import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Page-structure rules axe files under best practice, not under a WCAG tag, so the tags above never
 * run them: headings in order, one h1, all content in landmarks, one main.
 */
export const structureRules = ['heading-order', 'page-has-heading-one', 'region', 'landmark-one-main'];

/**
 * Runs axe (WCAG 2.1 A and AA, plus the structure rules) on the page as it is now, saves a full-page
 * screenshot to e2e/screenshots/<name>.png for reviewers (also when axe finds something, so the
 * failure can be looked at), and expects no violations.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // One pass: the WCAG tags, plus the structure rules switched on by name (axe lets an explicit
  // `enabled` win over the tag filter).
  const result = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: wcagTags },
      rules: Object.fromEntries(structureRules.map((id) => [id, { enabled: true }])),
    })
    .analyze();
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  const summary = result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

/** A fresh context per journey (AxeBuilder needs a page from browser.newContext()). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  return context.newPage();
}

// The demo accounts of src/seed/demo-accounts.ts (Gemeente Voorbeeldstad).
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

/** Euro text as the UI shows it in Dutch, e.g. `€ 1.234,56`, back to cents; throws on anything else. */
export function centsOf(text: string): number {
  const s = text.replace(/[^\d,-]/g, '').replace(',', '.');
  const cents = Math.round(Number(s) * 100);
  if (!/\d/.test(s) || !Number.isFinite(cents)) throw new Error(`not an amount in euros: "${text}"`);
  return cents;
}

/** The first Dutch euro amount in a text (`€ 600,00 geverifieerd van € 9.600,00` → 60000). */
export function firstAmountCents(text: string): number {
  const m = /€\s?-?[\d.]+(,\d{2})?/.exec(text);
  if (!m) throw new Error(`no amount in euros in "${text}"`);
  return centsOf(m[0]);
}

/** The euro amount of an element's text, read when asked (for expect.poll). */
export async function amountOf(locator: Locator): Promise<number> {
  return firstAmountCents((await locator.textContent()) ?? '');
}

/** Presses Tab until the target has the focus (a keyboard-only journey has no other way there). */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

/** Picks an option of the focused select with the arrow keys only. */
export async function arrowToOption(page: Page, select: Locator, label: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text)) === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option "${label}" not reached with the arrow keys`);
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
