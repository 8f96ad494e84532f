import { describe, expect, it } from 'vitest';
import { computeObligation } from './obligation.ts';
import { categories } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';
import { defaultCatalogue, getPreset, presetNames, presets } from './presets.ts';

describe('§10 presets', () => {
  it.each(presetNames.map((name) => ({ case: `§10 ${name} is a valid policy with its source`, name })))(
    '$case',
    ({ name }) => {
      const p = getPreset(name);
      expect(validatePolicy(p)).toEqual({ ok: true, policy: p });
      expect(p.source?.title).toBeTruthy();
      expect(p.activityTypes.map((t) => t.code)).toEqual(defaultCatalogue.map((t) => t.code));
    },
  );

  it.each([
    {
      case: '§6 job-benefits: employment, fteYear',
      rule: '§6 default catalogue',
      code: 'job-benefits',
      category: 'employment',
      method: 'fteYear',
      rateCents: 3500000,
    },
    {
      case: '§6 job-jobagreement: employment, fteYear',
      rule: '§6 default catalogue',
      code: 'job-jobagreement',
      category: 'employment',
      method: 'fteYear',
      rateCents: 3500000,
    },
    {
      case: '§6 bbl-place: participation, fteYear',
      rule: '§6 default catalogue',
      code: 'bbl-place',
      category: 'participation',
      method: 'fteYear',
      rateCents: 1000000,
    },
    {
      case: '§6 internship: participation, unit',
      rule: '§6 default catalogue',
      code: 'internship',
      category: 'participation',
      method: 'unit',
      rateCents: 250000,
    },
    {
      case: '§6 work-experience: participation, fteYear',
      rule: '§6 default catalogue',
      code: 'work-experience',
      category: 'participation',
      method: 'fteYear',
      rateCents: 1000000,
    },
    {
      case: '§6 training: participation, money',
      rule: '§6 default catalogue',
      code: 'training',
      category: 'participation',
      method: 'money',
      shareBp: 10000,
    },
    {
      case: '§6 sw-purchase: participation, spendShare',
      rule: '§6 default catalogue',
      code: 'sw-purchase',
      category: 'participation',
      method: 'spendShare',
      shareBp: 3000,
    },
    {
      case: '§6 social-firm-purchase: participation, spendShare',
      rule: '§6 default catalogue',
      code: 'social-firm-purchase',
      category: 'participation',
      method: 'spendShare',
      shareBp: 3000,
    },
    {
      case: '§6 initiative-hours: socialDomain, hour',
      rule: '§6 default catalogue',
      code: 'initiative-hours',
      category: 'socialDomain',
      method: 'hour',
      rateCents: 6000,
    },
    {
      case: '§6 initiative-money: socialDomain, money',
      rule: '§6 default catalogue',
      code: 'initiative-money',
      category: 'socialDomain',
      method: 'money',
      shareBp: 10000,
    },
    {
      case: '§6 initiative-goods: socialDomain, money',
      rule: '§6 default catalogue',
      code: 'initiative-goods',
      category: 'socialDomain',
      method: 'money',
      shareBp: 10000,
    },
    {
      case: '§6 pso-1: socialEnterprise, obligationShare',
      rule: '§6 default catalogue',
      code: 'pso-1',
      category: 'socialEnterprise',
      method: 'obligationShare',
      shareBp: 5000,
    },
    {
      case: '§6 pso-2: socialEnterprise, obligationShare',
      rule: '§6 default catalogue',
      code: 'pso-2',
      category: 'socialEnterprise',
      method: 'obligationShare',
      shareBp: 10000,
    },
    {
      case: '§6 pso-3: socialEnterprise, obligationShare',
      rule: '§6 default catalogue',
      code: 'pso-3',
      category: 'socialEnterprise',
      method: 'obligationShare',
      shareBp: 10000,
    },
    {
      case: '§6 pso-30plus: socialEnterprise, obligationShare',
      rule: '§6 default catalogue',
      code: 'pso-30plus',
      category: 'socialEnterprise',
      method: 'obligationShare',
      shareBp: 10000,
    },
    {
      case: '§6 sr-in-own-procurement: socialEnterprise, spendShare',
      rule: '§6 default catalogue',
      code: 'sr-in-own-procurement',
      category: 'socialEnterprise',
      method: 'spendShare',
      shareBp: 200,
    },
  ])('$case', (row) => {
    const amount = 'rateCents' in row ? { rateCents: row.rateCents } : { shareBp: row.shareBp };
    expect(defaultCatalogue.find((t) => t.code === row.code)).toMatchObject({
      category: row.category,
      method: row.method,
      ...amount,
    });
  });

  it.each([{ case: '§5 the ladder: four ways, in order', rule: '§5 ladder' }])('$case', () => {
    expect(categories).toEqual(['employment', 'participation', 'socialDomain', 'socialEnterprise']);
    expect(defaultCatalogue.map((t) => categories.indexOf(t.category))).toEqual(
      [...defaultCatalogue.map((t) => categories.indexOf(t.category))].sort((a, b) => a - b),
    );
    for (const t of defaultCatalogue) expect(categories).toContain(t.category);
  });

  it('§6 the default catalogue has exactly the rows of the table', () =>
    expect(defaultCatalogue).toHaveLength(16));

  it('§10 ships every row of the table', () => {
    expect(presetNames).toEqual([
      'amsterdam',
      'rijk',
      'den-haag',
      'rotterdam',
      'schiedam',
      'sudwest-fryslan',
    ]);
  });

  it.each([
    {
      case: '§3 amsterdam: 2% of the total value',
      rule: '§3 percentage',
      name: 'amsterdam',
      field: { percentageBp: 200, base: 'totalValue' },
    },
    {
      case: '§3 amsterdam: plan threshold €200,000',
      rule: '§3 plan threshold',
      name: 'amsterdam',
      field: { planThresholdCents: 20_000_000 },
    },
    {
      case: '§3 amsterdam: half-yearly, due 31 days after the period (31 Jan / 31 Jul)',
      rule: '§3 reporting half-yearly',
      name: 'amsterdam',
      field: { reporting: 'halfYearly', reportDueDays: 31 },
    },
    {
      case: '§3 amsterdam: intake in summer, plan due in autumn',
      rule: '§3 intake and plan due',
      name: 'amsterdam',
      field: { intake: 'summer', planDue: 'autumn' },
    },
    {
      case: '§10 rijk: 5% of the wage sum, at least 6 months',
      name: 'rijk',
      field: { percentageBp: 500, base: 'labourCost', minTermMonths: 6 },
    },
    {
      case: '§10 den-haag: 5%, none below €215,000',
      name: 'den-haag',
      field: { percentageBp: 500, exemptBelowCents: 21_500_000 },
    },
    {
      case: '§10 rotterdam: 5% from €50,000',
      name: 'rotterdam',
      field: { percentageBp: 500, exemptBelowCents: 5_000_000 },
    },
    {
      case: '§10 schiedam: thresholds by kind, assessed at completion',
      name: 'schiedam',
      field: {
        planThresholdByKind: { works: 22_500_000, servicesAndSupplies: 12_500_000 },
        reporting: 'atCompletion',
      },
    },
    {
      case: '§10 sudwest-fryslan: 2%, obligation capped at €300,000',
      name: 'sudwest-fryslan',
      field: { percentageBp: 200, obligationCapCents: 30_000_000 },
    },
    {
      case: '§10 a setting left open takes the §3 default (tolerance 10%)',
      rule: '§3 settings left open take the defaults',
      name: 'rijk',
      field: { behindToleranceBp: 1_000, reportDueDays: 31 },
    },
  ])('$case', ({ name, field }) => expect(getPreset(name)).toMatchObject(field));

  it.each([
    { case: '§6 PSO rung 1 = 50%', rule: '§6 PSO rung shares', code: 'pso-1', shareBp: 5_000 },
    { case: '§6 PSO rung 2 = 100% (Amsterdam)', rule: '§6 PSO rung shares', code: 'pso-2', shareBp: 10_000 },
    { case: '§6 PSO rung 3 = 100%', rule: '§6 PSO rung shares', code: 'pso-3', shareBp: 10_000 },
    { case: '§6 PSO 30+ = 100%', rule: '§6 PSO rung shares', code: 'pso-30plus', shareBp: 10_000 },
  ])('$case', ({ code, shareBp }) =>
    expect(presets.amsterdam.activityTypes.find((t) => t.code === code)).toMatchObject({
      method: 'obligationShare',
      shareBp,
    }),
  );

  it('getPreset gives a copy; an unknown name is refused', () => {
    const p = getPreset('amsterdam');
    p.percentageBp = 999;
    expect(presets.amsterdam.percentageBp).toBe(200);
    expect(() => getPreset('atlantis')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('§10 the example of the Amsterdam information sheet: €1,250,000 → €25,000, plan regime', () => {
    const o = computeObligation(presets.amsterdam, {
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(o).toMatchObject({
      amountCents: 2_500_000,
      regime: 'plan',
      explanation: '2% × €1.250.000,00 = €25.000,00; ≥ €200.000,00: plan regime',
    });
  });
});
