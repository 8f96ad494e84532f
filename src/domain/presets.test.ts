import { describe, expect, it } from 'vitest';
import { computeObligation } from './obligation.ts';
import { validatePolicy } from './policy.ts';
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
      name: 'amsterdam',
      field: { percentageBp: 200, base: 'totalValue' },
    },
    {
      case: '§3 amsterdam: plan threshold €200,000',
      name: 'amsterdam',
      field: { planThresholdCents: 20_000_000 },
    },
    {
      case: '§3 amsterdam: half-yearly, due 31 days after the period (31 Jan / 31 Jul)',
      name: 'amsterdam',
      field: { reporting: 'halfYearly', reportDueDays: 31 },
    },
    {
      case: '§3 amsterdam: intake in summer, plan due in autumn',
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
      name: 'rijk',
      field: { behindToleranceBp: 1_000, reportDueDays: 31 },
    },
  ])('$case', ({ name, field }) => expect(getPreset(name)).toMatchObject(field));

  it.each([
    { case: '§6 PSO rung 1 = 50%', code: 'pso-1', shareBp: 5_000 },
    { case: '§6 PSO rung 2 = 100% (Amsterdam)', code: 'pso-2', shareBp: 10_000 },
    { case: '§6 PSO rung 3 = 100%', code: 'pso-3', shareBp: 10_000 },
    { case: '§6 PSO 30+ = 100%', code: 'pso-30plus', shareBp: 10_000 },
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
