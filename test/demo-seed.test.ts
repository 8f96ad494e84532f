import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { demoAccounts } from '../src/seed/demo-accounts.ts';
import { createTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ tenantId } = await seedDemo(t.deps));
}, 120_000);
// On PostgreSQL every test file shares one database: look only at the demo's own rows.
const ofDemo = <T extends { tenantId: string | null }>(rows: T[]) =>
  rows.filter((r) => r.tenantId === tenantId);
afterAll(() => t.close());

describe('demo data', () => {
  it('gives Gemeente Voorbeeldstad the Amsterdam rules: 2%, plan from €200.000', async () => {
    const res = await t.app.request('/api/v1/estimates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenant: 'voorbeeldstad', contractValueCents: 125_000_000 }),
    });
    expect(await res.json()).toMatchObject({
      obligationCents: 2_500_000,
      regime: 'plan',
      tenant: { name: 'Gemeente Voorbeeldstad' },
    });
  });

  it('has every demo account of the README', async () => {
    const emails = demoAccounts.map((a) => a.email);
    const rows = (await t.deps.db.query.users.findMany()).filter((u) => emails.includes(u.email));
    expect(rows.map((u) => u.email).sort()).toEqual([...emails].sort());
    expect(rows.every((u) => u.passwordHash?.startsWith('$argon2id$'))).toBe(true);
  });
});

// The demo is loaded on whatever day the app first starts: every state must be there on any day.
describe.each([
  { loadedOn: '2026-01-10' },
  { loadedOn: '2026-07-15' },
  { loadedOn: '2026-11-23' },
  { loadedOn: '2027-06-30' },
  { loadedOn: '2027-12-31' },
])('demo contracts loaded on $loadedOn', ({ loadedOn }) => {
  it('show every plan and report state', async () => {
    // A database of its own: demo accounts are unique across tenants, so one per load.
    const own = await createTestApp({}, { ownPglite: true });
    try {
      own.setNow(`${loadedOn}T09:00:00Z`);
      await seedDemo(own.deps);
      const plans = await own.deps.db.query.plans.findMany();
      expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['draft', 'submitted', 'approved']));
      const reports = await own.deps.db.query.reports.findMany();
      expect(new Set(reports.map((r) => r.status))).toEqual(
        new Set(['open', 'submitted', 'closed', 'overdue']),
      );
      const overdue = reports.filter((r) => r.status === 'overdue');
      expect(overdue.every((r) => r.dueDate < loadedOn)).toBe(true);
    } finally {
      await own.close();
    }
  }, 120_000);
});

describe('demo contracts', () => {
  it('show every state: draft, submitted and approved plans; open, submitted, closed and overdue reports', async () => {
    const plans = ofDemo(await t.deps.db.query.plans.findMany());
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['draft', 'submitted', 'approved']));
    const reports = ofDemo(await t.deps.db.query.reports.findMany());
    expect(new Set(reports.map((r) => r.status))).toEqual(
      new Set(['open', 'submitted', 'closed', 'overdue']),
    );
    const contracts = ofDemo(await t.deps.db.query.contracts.findMany());
    expect(new Set(contracts.map((c) => c.regime))).toEqual(new Set(['plan', 'trust']));
  });

  it('values every activity with its rule and explanation, and keeps one rejection with its reason', async () => {
    const activities = ofDemo(await t.deps.db.query.activities.findMany());
    expect(activities.length).toBeGreaterThanOrEqual(6);
    expect(activities.every((a) => a.valueCents > 0 && a.ruleId && a.explanation.includes('='))).toBe(true);
    const rejected = activities.filter((a) => a.verification === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.verificationReason).toMatch(/3 maanden/);
  });
});

describe('demo marketplace', () => {
  it('has Buurtkracht approved with needs, one profile awaiting approval, and a confirmed and an open pledge', async () => {
    const profiles = ofDemo(await t.deps.db.query.initiatives.findMany());
    expect(profiles.map((p) => [p.name, p.status]).sort()).toEqual([
      ['Buurtkracht Voorbeeldstad', 'approved'],
      ['Fietsenwerkplaats De Spaak', 'submitted'],
    ]);
    const needs = ofDemo(await t.deps.db.query.initiativeNeeds.findMany());
    expect(needs.length).toBeGreaterThanOrEqual(3);
    const pledges = ofDemo(await t.deps.db.query.pledges.findMany());
    expect(pledges.map((p) => p.status).sort()).toEqual(['confirmed', 'open']);
    // each pledge answers a need of Buurtkracht of its kind (decision 026)
    expect(pledges.map((p) => [p.kind, needs.find((n) => n.id === p.needId)?.kind]).sort()).toEqual([
      ['goods', 'goods'],
      ['hours', 'hours'],
    ]);
    const strengths = ofDemo(await t.deps.db.query.supplierStrengths.findMany());
    expect(strengths).toHaveLength(2);
    const confirmed = pledges.find((p) => p.status === 'confirmed');
    const activity = ofDemo(await t.deps.db.query.activities.findMany()).find(
      (a) => a.id === confirmed?.activityId,
    );
    expect(activity).toMatchObject({
      typeCode: 'initiative-goods',
      valueCents: 450_000,
      verification: 'pending',
    });
  });
});
