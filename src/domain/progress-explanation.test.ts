import { describe, expect, it } from 'vitest';
import { progressExplanation } from './progress-explanation.ts';
import { computeProgress, type ProgressInput } from './progress.ts';

/** Obligation €365 over 2026 (365 days): €1 a day; €60 realised, €40 of it verified. */
const input: ProgressInput = {
  obligationCents: 36_500,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  planned: [{ category: 'employment', valueCents: 50_000 }],
  realised: [{ category: 'employment', valueCents: 6_000 }],
  verified: [{ category: 'employment', valueCents: 4_000 }],
};

function explain(asOf: string, lang: 'nl' | 'en') {
  const p = computeProgress(input, asOf);
  return progressExplanation({ ...p, startDate: input.startDate, endDate: input.endDate, asOf }, lang);
}

describe('§7 progress explanations', () => {
  it.each([
    {
      case: 'nl during the term: expected pro rata by days',
      asOf: '2026-04-30',
      lang: 'nl' as const,
      expected: '€365,00 × 120 / 365 dagen = €120,00',
      forecast: '€60,00 gerealiseerd × 365 / 120 dagen = €182,50',
    },
    {
      case: 'en during the term: English separators',
      asOf: '2026-04-30',
      lang: 'en' as const,
      expected: '€365.00 × 120 / 365 days = €120.00',
      forecast: '€60.00 realised × 365 / 120 days = €182.50',
    },
    {
      case: 'nl before the start: nothing expected, no forecast',
      asOf: '2025-12-31',
      lang: 'nl' as const,
      expected: 'Vóór de start van de looptijd wordt nog niets verwacht: €0,00.',
      forecast: 'Vóór de start van de looptijd is er geen prognose: €0,00.',
    },
    {
      case: 'en after the end: whole obligation expected, forecast = realised',
      asOf: '2027-01-05',
      lang: 'en' as const,
      expected: 'At or after the end of the term the whole obligation is expected: €365.00.',
      forecast: 'At or after the end of the term the forecast equals the realised value: €60.00.',
    },
  ])('$case', ({ asOf, lang, expected, forecast }) => {
    const e = explain(asOf, lang);
    expect(e.expected).toBe(expected);
    expect(e.forecast).toBe(forecast);
  });

  it.each([
    { case: 'nl', lang: 'nl' as const, times: 'Dat is 2,6× de verplichting: de prognose trekt het tempo' },
    { case: 'en', lang: 'en' as const, times: 'That is 2.6× the obligation: the forecast extends the pace' },
  ])('$case: a forecast far above the obligation says how many times and why', ({ lang, times }) => {
    // €60 realised after 23 days of 365: forecast €952,17 = 2.6 × €365.
    const e = explain('2026-01-23', lang);
    expect(e.forecast).toContain(times);
    expect(explain('2026-04-30', lang).forecast).not.toMatch(/×\s(de verplichting|the obligation)/);
  });

  it.each([
    { case: 'nl', lang: 'nl' as const, planned: '€500,00', verified: 'verplichting van €365,00' },
    { case: 'en', lang: 'en' as const, planned: '€500.00', verified: 'obligation of €365.00' },
  ])('$case: planned, realised and verified name their sums', ({ lang, planned, verified }) => {
    const e = explain('2026-04-30', lang);
    expect(e.planned).toContain(planned);
    expect(e.verified).toContain(verified);
    expect(e.realised).toMatch(/6[0,.]+00/);
  });
});
