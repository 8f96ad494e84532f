import { describe, expect, it } from 'vitest';
import { getPreset } from '../../domain/index.ts';
import { estimateText, kindOf } from './estimate.ts';

describe('retour estimate', () => {
  it.each([
    {
      case: 'rijk without a term: 5% counts, the 6-month rule is named',
      preset: 'rijk',
      options: {},
      says: ['Obligation: €50.000,00', 'Regime: plan', 'only for contracts of at least 6 months'],
    },
    {
      case: 'rijk with --start/--end of 3 months: none',
      preset: 'rijk',
      options: { startDate: '2026-01-01', endDate: '2026-03-31' },
      says: ['Obligation: €0,00', 'Regime: none', 'shorter than 6 months'],
    },
    {
      case: 'schiedam --kind works: the works threshold',
      preset: 'schiedam',
      options: { contractKind: kindOf('works') },
      says: ['Regime: plan', '(works)'],
    },
  ])('$case', ({ preset, options, says }) => {
    const text = estimateText(
      getPreset(preset),
      { valueCents: 100_000_000, awardDate: '2026-01-01', ...options },
      `preset ${preset}`,
    );
    for (const s of says) expect(text).toContain(s);
  });

  it('refuses an unknown --kind', () => expect(() => kindOf('bridges')).toThrow('--kind'));
});
