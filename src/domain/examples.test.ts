import { describe, expect, it } from 'vitest';
import { fulfilmentExamples } from './examples.ts';

const catalogue = {
  activityTypes: [
    { code: 'job-benefits', name: 'Job', category: 'employment', method: 'fteYear', rateCents: 3_500_000 },
    { code: 'internship', name: 'Internship', category: 'participation', method: 'unit', rateCents: 250_000 },
    { code: 'initiative-hours', name: 'Hours', category: 'socialDomain', method: 'hour', rateCents: 6_000 },
    { code: 'sw-purchase', name: 'SW', category: 'participation', method: 'spendShare', shareBp: 3_000 },
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
    { case: 'fteYear: €25.000 / €35.000 ≈ 0.72 FTE-year (rounded up)', code: 'job-benefits', quantity: 0.72 },
    { case: 'unit: €25.000 / €2.500 = 10 internships', code: 'internship', quantity: 10 },
    { case: 'hour: €25.000 / €60 ≈ 416.67 hours', code: 'initiative-hours', quantity: 416.67 },
    { case: 'spendShare: €25.000 / 30% ≈ €83.333,34 bought', code: 'sw-purchase', quantity: 83_333.34 },
  ])('$case', ({ code, quantity }) => {
    const example = fulfilmentExamples(catalogue, 2_500_000).find((e) => e.typeCode === code);
    expect(example?.quantity).toBe(quantity);
    expect(example?.explanation).toMatch(/€25\.000,00/);
  });

  it('gives no example for PSO (a share of the obligation, not a quantity) nor for a zero obligation', () => {
    expect(fulfilmentExamples(catalogue, 2_500_000).map((e) => e.typeCode)).not.toContain('pso-2');
    expect(fulfilmentExamples(catalogue, 0)).toEqual([]);
  });
});
