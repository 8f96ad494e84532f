import { expect, test } from '@playwright/test';
import { accounts, checkPage, login, newPage } from './helpers.ts';
import { invite, linkInMail, setPasswordWithLink, useMailSink } from './mail.ts';

// An independent verifier (issue 16): the admin invites one, the advisor assigns them to one
// contract, and the verifier sees only that contract and its reports, where they can decide.
// Read-only for the demo data apart from the assignment, which the journey ends again.

const mail = useMailSink();

test('an independent verifier sees only the contract assigned to them', async ({ browser }) => {
  test.setTimeout(180_000);
  const sink = mail.sink();
  const admin = await newPage(browser);
  await login(admin, accounts.admin);
  const name = `Verificateur ${Date.now().toString(36)}`;
  const email = `${name.split(' ').pop()}@accountant.example`;
  const seen = await invite(admin, sink, { email, name, role: 'Verificateur' });
  const verifier = await newPage(browser);
  await setPasswordWithLink(
    verifier,
    await linkInMail(sink, email, '/invitation', seen),
    'verificateur-2026',
  );

  // The advisor assigns the verifier on the contract page.
  const advisor = await newPage(browser);
  await login(advisor, accounts.advisor);
  await advisor.goto('/contracts');
  await advisor.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  const section = advisor.getByRole('region', { name: 'Onafhankelijke verificateurs' });
  await expect(section).toContainText('Nog geen verificateur toegewezen.');
  await section.getByLabel('Verificateur').selectOption({ label: `${name} (${email})` });
  await section.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(advisor.getByTestId('notice')).toContainText(
    `${name} (${email}) is toegewezen aan dit contract.`,
  );
  await expect(section.getByRole('row').filter({ hasText: email })).toHaveCount(1);
  await checkPage(advisor, 'contract-verifiers');

  // The verifier lands on their contracts: this one only.
  await login(verifier, email, 'verificateur-2026');
  await expect(verifier.getByRole('heading', { level: 1 })).toHaveText('Mijn contracten');
  await expect(verifier.getByRole('link', { name: /^VBS-2025-001 ·/ })).toBeVisible();
  await expect(verifier.getByRole('link', { name: /^VBS-2025-007 ·/ })).toHaveCount(0);
  await checkPage(verifier, 'verifier-contracts');
  await verifier.getByRole('link', { name: /^VBS-2025-001 ·/ }).click();
  await expect(verifier.getByRole('heading', { level: 1 })).toContainText('VBS-2025-001');
  // Nothing to assign or change for them.
  await expect(verifier.getByRole('region', { name: 'Onafhankelijke verificateurs' })).toHaveCount(0);
  await checkPage(verifier, 'verifier-contract');

  // The advisor ends the assignment; the contract is gone for the verifier.
  await section.getByRole('button', { name: `Toewijzing van ${name} (${email}) beëindigen` }).click();
  await section.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await expect(advisor.getByTestId('notice')).toContainText('is beëindigd');
  await verifier.goto('/contracts');
  await expect(verifier.getByRole('link', { name: /^VBS-2025-001 ·/ })).toHaveCount(0);
});
