import { describe, expect, it } from 'vitest';
import { policyInForce } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';
import { computeObligation } from './obligation.ts';

const minimal = {
  validFrom: '2026-01-01',
  percentageBp: 200,
  planThresholdCents: 20_000_000,
  activityTypes: [
    { code: 'job-benefits', name: 'Job', category: 'employment', method: 'fteYear', rateCents: 3_500_000 },
  ],
};

describe('§3 policy validation', () => {
  it.each([
    {
      case: '§3 settings a policy leaves open take the defaults (totalValue, 31 days, 10% tolerance, summer/autumn)',
      rule: '§3 settings left open take the defaults',
    },
  ])('$case', () => {
    const r = validatePolicy(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy).toMatchObject({
      base: 'totalValue',
      reporting: 'halfYearly',
      reportDueDays: 31,
      behindToleranceBp: 1_000,
      intake: 'summer',
      planDue: 'autumn',
    });
    expect(r.policy.exemptBelowCents).toBeUndefined();
    expect(r.policy.obligationCapCents).toBeUndefined();
    expect(r.policy.categoryCapsBp).toBeUndefined();
  });

  it('§3 every problem is listed at once', () => {
    const r = validatePolicy({
      validFrom: '2026-02-30',
      percentageBp: -1,
      planThresholdCents: 1.5,
      categoryCapsBp: { employment: 12_000, housing: 100 },
      activityTypes: [
        { code: 'a', name: 'A', category: 'employment', method: 'fteYear', rateCents: -5 },
        { code: 'a', name: 'B', category: 'sports', method: 'unit', rateCents: 100 },
        { code: 'c', name: 'C', category: 'participation', method: 'spendShare', shareBp: 10_001 },
        { code: 'd', name: 'D', category: 'participation', method: 'teleport' },
        { code: 'e', name: 'E', category: 'employment', method: 'hour' },
        { code: 'f', name: 'F', category: 'socialEnterprise', method: 'obligationShare' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.name).sort()).toEqual(
      [
        'validFrom',
        'percentageBp',
        'planThresholdCents',
        'categoryCapsBp.employment',
        'categoryCapsBp.housing',
        'activityTypes.0.rateCents',
        'activityTypes.1.code',
        'activityTypes.1.category',
        'activityTypes.2.shareBp',
        'activityTypes.3.method',
        'activityTypes.4.rateCents',
        'activityTypes.5.shareBp',
      ].sort(),
    );
  });

  it.each([
    { case: '§3 not an object', input: 'x', name: '' },
    {
      case: '§3 activityTypes must be a list',
      input: { ...minimal, activityTypes: {} },
      name: 'activityTypes',
    },
    {
      case: '§3 exempt-below above the plan threshold',
      rule: '§3 exempt below',
      input: { ...minimal, exemptBelowCents: 30_000_000 },
      name: 'exemptBelowCents',
    },
    {
      case: '§3 exempt-below above the works threshold',
      rule: '§3 exempt below',
      input: { ...minimal, exemptBelowCents: 15_000_000, planThresholdByKind: { works: 10_000_000 } },
      name: 'exemptBelowCents',
    },
    {
      case: '§3 exempt-below above the services and supplies threshold',
      input: {
        ...minimal,
        exemptBelowCents: 15_000_000,
        planThresholdByKind: { works: 22_500_000, servicesAndSupplies: 12_500_000 },
      },
      name: 'exemptBelowCents',
    },
    {
      case: '§3 obligation cap must be positive',
      input: { ...minimal, obligationCapCents: 0 },
      name: 'obligationCapCents',
    },
    {
      case: '§3 tolerance is at most 100%',
      rule: '§3 behind tolerance',
      input: { ...minimal, behindToleranceBp: 10_001 },
      name: 'behindToleranceBp',
    },
    { case: '§3 unknown base', rule: '§3 base', input: { ...minimal, base: 'profit' }, name: 'base' },
    {
      case: '§3 unknown contract kind',
      rule: '§3 threshold by contract kind',
      input: { ...minimal, planThresholdByKind: { ships: 1 } },
      name: 'planThresholdByKind.ships',
    },
    {
      case: '§3 source needs a title',
      input: { ...minimal, source: { url: 'https://example.org' } },
      name: 'source.title',
    },
    {
      case: '§6 a rate does not apply to a share method',
      rule: '§6 catalogue entry',
      input: {
        ...minimal,
        activityTypes: [{ code: 'x', name: 'X', category: 'participation', method: 'money', rateCents: 5 }],
      },
      name: 'activityTypes.0.rateCents',
    },
  ])('$case', ({ input, name }) => {
    const r = validatePolicy(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.name)).toContain(name);
  });

  it.each([
    { case: '§3 exempt-below equal to every threshold is accepted', exempt: 12_500_000, ok: true },
    {
      case: '§3 exempt-below one cent above the lower by-kind threshold is refused',
      exempt: 12_500_001,
      ok: false,
    },
  ])('$case', ({ exempt, ok }) => {
    const r = validatePolicy({
      ...minimal,
      exemptBelowCents: exempt,
      planThresholdByKind: { works: 22_500_000, servicesAndSupplies: 12_500_000 },
    });
    expect(r.ok).toBe(ok);
    if (!r.ok)
      expect(r.issues).toEqual([
        { name: 'exemptBelowCents', reason: 'must not exceed planThresholdByKind.servicesAndSupplies' },
      ]);
  });

  it('§3 settings §3 names are kept: thresholds by kind, cap, caps, base, source', () => {
    const r = validatePolicy({
      ...minimal,
      base: 'labourCost',
      planThresholdByKind: { works: 22_500_000 },
      obligationCapCents: 30_000_000,
      categoryCapsBp: { socialEnterprise: 5_000 },
      exemptBelowCents: 5_000_000,
      source: { title: 'Regeling' },
      unknownField: 1,
    });
    expect(r.ok && r.policy).toMatchObject({
      base: 'labourCost',
      planThresholdByKind: { works: 22_500_000 },
      obligationCapCents: 30_000_000,
      categoryCapsBp: { socialEnterprise: 5_000 },
      exemptBelowCents: 5_000_000,
      source: { title: 'Regeling' },
    });
    expect(r.ok && 'unknownField' in r.policy).toBe(false);
  });
});

describe('§3 versioned: the version in force on the award date', () => {
  const versions = [
    { version: 1, validFrom: '2025-01-01', percentageBp: 200 },
    { version: 2, validFrom: '2026-07-01', percentageBp: 300 },
    { version: 3, validFrom: '2026-07-01', percentageBp: 400 },
  ];
  it.each([
    {
      case: '§3 before the first version: none in force',
      rule: '§3 version in force on the award date',
      on: '2024-12-31',
      version: undefined,
    },
    { case: '§3 on the first validFrom', on: '2025-01-01', version: 1 },
    {
      case: '§3 the day before a change',
      rule: '§3 version in force on the award date',
      on: '2026-06-30',
      version: 1,
    },
    {
      case: '§3 on the change day; a tie goes to the higher version',
      rule: '§3 version in force on the award date',
      on: '2026-07-01',
      version: 3,
    },
    { case: '§3 long after', on: '2030-01-01', version: 3 },
  ])('policyInForce: $case', ({ on, version }) => expect(policyInForce(versions, on)?.version).toBe(version));

  it.each([
    {
      case: '§3 a policy version change between two contracts: each is judged by its award date, for its whole life',
      rule: '§3 version in force on the award date',
    },
  ])('$case', () => {
    const v1 = validatePolicy({ ...minimal, validFrom: '2025-01-01', percentageBp: 200 });
    const v2 = validatePolicy({ ...minimal, validFrom: '2026-07-01', percentageBp: 500 });
    if (!v1.ok || !v2.ok) throw new Error('invalid fixture');
    const all = [v1.policy, v2.policy];
    const terms = { valueCents: 100_000_000, startDate: '2026-09-01', endDate: '2028-08-31' };
    const a = computeObligation(policyInForce(all, '2026-06-30') ?? v1.policy, terms);
    const b = computeObligation(policyInForce(all, '2026-07-01') ?? v1.policy, terms);
    expect([a.amountCents, b.amountCents]).toEqual([2_000_000, 5_000_000]);
    // an extension years later still uses the award-date version
    const later = computeObligation(policyInForce(all, '2026-06-30') ?? v1.policy, {
      ...terms,
      extensions: [{ valueCents: 50_000_000, endDate: '2029-08-31' }],
    });
    expect(later.amountCents).toBe(3_000_000);
  });
});
