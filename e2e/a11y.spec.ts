import { expect, test, type Page } from '@playwright/test';
import { accounts, checkPage, login, openExplanations } from './helpers.ts';

// Pages outside the role journeys, and the main pages at 320 CSS pixels wide (WCAG 1.4.10 reflow:
// no sideways scrolling of the page; a wide table scrolls inside its own labelled, focusable box).
// Read only: nothing here changes the demo data the journeys start from.

test('the pages around the journeys: not found, no access, switch organisation, a reset link without its token', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
  await checkPage(page, 'not-found');

  await page.goto('/password-reset');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkPage(page, 'password-reset-no-token');

  await login(page, accounts.supplierHelder);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expect(page.getByText('U heeft geen toegang tot deze pagina.')).toBeVisible();
  await checkPage(page, 'forbidden');

  await page.goto('/switch-tenant');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkPage(page, 'switch-tenant');
});

/**
 * The page does not scroll sideways at this width: not the document, not the app's root box, and no
 * heading or paragraph sticks out of the main area. Only a table's own container may scroll.
 */
async function expectReflow(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const measure = () =>
    page.evaluate(() => {
      const root = document.querySelector('.retour-root');
      const main = document.querySelector('main');
      const mainRight = main ? main.getBoundingClientRect().right : window.innerWidth;
      return {
        document: document.documentElement.scrollWidth - window.innerWidth,
        root: root ? root.scrollWidth - root.clientWidth : 0,
        main: Math.round(mainRight - window.innerWidth),
      };
    });
  // Polled, as the page settles once every list has loaded.
  await expect
    .poll(measure, { message: 'the page scrolls sideways' })
    .toEqual({ document: 0, root: 0, main: 0 });
}

test('at 320 px wide the main pages reflow, and wide tables are keyboard-reachable regions', async ({
  browser,
}) => {
  test.slow(); // seven page states, each checked by axe
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 320, height: 640 },
  });
  const page = await context.newPage();
  for (const [path, name] of [
    ['/', 'narrow-home'],
    ['/estimate', 'narrow-estimate'],
    ['/sign-in', 'narrow-sign-in'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectReflow(page);
    await checkPage(page, name);
  }

  await login(page, accounts.supplierDeGroot);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn contracten');
  await expectReflow(page);
  await checkPage(page, 'narrow-supplier-home');
  await page.getByRole('link', { name: /2e halfjaar 2026 voor VBS-2025-001/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportage 2e halfjaar 2026');
  await expectReflow(page);
  await checkPage(page, 'narrow-report-open');

  // The contract page's tables are wider than 320 px: each scrolls in a region that takes the focus.
  await page.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('VBS-2025-001');
  await openExplanations(page);
  await expectReflow(page);
  const scrolling = page.locator('.retour-table-container[role="region"]');
  await expect(scrolling.first()).toBeVisible();
  const first = scrolling.first();
  await expect(first).toHaveAttribute('tabindex', '0');
  await expect(first).toHaveAccessibleName(/.+/);
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => first.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await checkPage(page, 'narrow-contract');
});
