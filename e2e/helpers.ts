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

export const demoPassword = 'retour-demo';
export const accounts = {
  advisor: 'adviseur@voorbeeldstad.example',
  admin: 'beheer@voorbeeldstad.example',
  contractManager: 'contractmanager@voorbeeldstad.example',
  supplier: 'leverancier@bouwbedrijf-degroot.example',
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

/**
 * True when every endpoint exists on the server (an unknown path answers "No such endpoint"). Journeys
 * that need an API still being built skip with a reason instead of failing.
 */
export async function apiExists(baseURL: string | undefined, ...paths: string[]): Promise<boolean> {
  for (const p of paths) {
    const [method, path] = p.includes(' ') ? (p.split(' ') as [string, string]) : ['GET', p];
    const res = await fetch(new URL(`/api/v1${path}`, baseURL), {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'GET' ? null : '{}',
    });
    if (res.status === 404) {
      const body = (await res.json().catch(() => ({}))) as { detail?: string };
      if (body.detail?.startsWith('No such endpoint')) return false;
    }
  }
  return true;
}

/** A tiny valid PDF, as evidence. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}
