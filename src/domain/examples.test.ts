import { describe, expect, it } from 'vitest';
import { fulfilmentExamples } from './examples.ts';

const catalogue = {
  activityTypes: [
    { code: 'job-benefits', name: 'Job', category: 'employment', method: 'fteYear', rateCents: 3_500_000 },
    { code: 'internship', name: 'Internship', category: 'participation', method: 'unit', rateCents: 250_000 },
    { code: 'initiative-hours', name: 'Hours', category: 'socialDomain', method: 'hour', rateCents: 6_000 },
    { code: 'sw-purchase', name: 'SW', category: 'participation', method: 'spendShare', shareBp: 3_000 },
    { code: 'training', name: 'Training', category: 'participation', method: 'money' },
    {
      code: 'pso-2',
      name: 'PSO 2',
      category: 'socialEnterprise',
      method: 'obligationShare',
      shareBp: 10_000,
    },
  ],
};

describe('fulfilment examples of an obligation', () => {
  it.each([
    {
      case: 'fteYear: €25.000 / €35.000 ≈ 0,71 FTE-year (0,714…)',
      rule: '§6 rounding once half away from zero',
      code: 'job-benefits',
      obligation: 2_500_000,
      quantity: 0.71,
      en: '€25.000,00 / €35.000,00 per FTE-year ≈ 0,71 FTE-year',
      nl: '€ 25.000,00 / € 35.000,00 per FTE-jaar ≈ 0,71 FTE-jaar',
    },
    {
      case: 'fteYear: half a hundredth rounds up (€175 / €35.000 = 0,005)',
      rule: '§6 rounding once half away from zero',
      code: 'job-benefits',
      obligation: 17_500,
      quantity: 0.01,
      en: '€175,00 / €35.000,00 per FTE-year ≈ 0,01 FTE-year',
      nl: '€ 175,00 / € 35.000,00 per FTE-jaar ≈ 0,01 FTE-jaar',
    },
    {
      case: 'unit: €25.000 / €2.500 = 10 internships',
      rule: '§6 unit',
      code: 'internship',
      obligation: 2_500_000,
      quantity: 10,
      en: '€25.000,00 / €2.500,00 each ≈ 10',
      nl: '€ 25.000,00 / € 2.500,00 per stuk ≈ 10',
    },
    {
      case: 'unit: whole units, €26.250 / €2.500 = 10,5 → 11',
      rule: '§6 unit',
      code: 'internship',
      obligation: 2_625_000,
      quantity: 11,
      en: '€26.250,00 / €2.500,00 each ≈ 11',
      nl: '€ 26.250,00 / € 2.500,00 per stuk ≈ 11',
    },
    {
      case: 'hour: €25.000 / €60 ≈ 416,67 hours',
      rule: '§6 hour',
      code: 'initiative-hours',
      obligation: 2_500_000,
      quantity: 416.67,
      en: '€25.000,00 / €60,00 per hour ≈ 416,67 hours',
      nl: '€ 25.000,00 / € 60,00 per uur ≈ 416,67 uur',
    },
    {
      case: 'spendShare: €25.000 / 30% ≈ €83.333,33 bought',
      rule: '§6 spendShare',
      code: 'sw-purchase',
      obligation: 2_500_000,
      quantity: 83_333.33,
      en: '€25.000,00 / 30% ≈ €83.333,33',
      nl: '€ 25.000,00 / 30% ≈ € 83.333,33',
    },
    {
      case: 'money: a share of 100% by default, €25.000 given',
      rule: '§6 money default share',
      code: 'training',
      obligation: 2_500_000,
      quantity: 25_000,
      en: '€25.000,00 / 100% ≈ €25.000,00',
      nl: '€ 25.000,00 / 100% ≈ € 25.000,00',
    },
    {
      case: 'spendShare: exact beyond 2^53 (€10 billion obligation / 30%)',
      rule: '§6 rounding once half away from zero',
      code: 'sw-purchase',
      obligation: 1_000_000_000_000,
      quantity: 33_333_333_333.33,
      en: '€10.000.000.000,00 / 30% ≈ €33.333.333.333,33',
      nl: '€ 10.000.000.000,00 / 30% ≈ € 33.333.333.333,33',
    },
  ])('$case', ({ code, obligation, quantity, en, nl }) => {
    const example = fulfilmentExamples(catalogue, obligation).find((e) => e.typeCode === code);
    expect(example).toMatchObject({ quantity, explanation: en, explanationNl: nl });
  });

  it('gives no example for PSO (a share of the obligation, not a quantity) nor for a zero obligation', () => {
    expect(fulfilmentExamples(catalogue, 2_500_000).map((e) => e.typeCode)).not.toContain('pso-2');
    expect(fulfilmentExamples(catalogue, 0)).toEqual([]);
  });
});
