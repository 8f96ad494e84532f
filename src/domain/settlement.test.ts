import { describe, expect, it } from 'vitest';
import { computeProgress } from './progress.ts';
import { decidePenalty, explainSettlement, settlementFigures } from './settlement.ts';

describe('§12 settlement figures', () => {
  it.each([
    {
      case: 'short, factor 1.5 (Noordoost-Brabant)',
      obligation: 1_000_000,
      verified: 600_000,
      factor: 15_000,
      shortfall: 400_000,
      penalty: 600_000,
      surplus: 0,
    },
    {
      case: 'short, no factor',
      obligation: 1_000_000,
      verified: 600_000,
      factor: undefined,
      shortfall: 400_000,
      penalty: 0,
      surplus: 0,
    },
    {
      case: 'met exactly',
      obligation: 1_000_000,
      verified: 1_000_000,
      factor: 15_000,
      shortfall: 0,
      penalty: 0,
      surplus: 0,
    },
    {
      case: 'surplus',
      obligation: 1_000_000,
      verified: 1_250_000,
      factor: 15_000,
      shortfall: 0,
      penalty: 0,
      surplus: 250_000,
    },
    {
      case: 'penalty rounded once, half away from zero',
      obligation: 3,
      verified: 0,
      factor: 15_000,
      shortfall: 3,
      penalty: 5,
      surplus: 0,
    },
  ])('$case', ({ obligation, verified, factor, shortfall, penalty, surplus }) => {
    const f = settlementFigures({
      obligationCents: obligation,
      verifiedCents: verified,
      penaltyFactorBp: factor,
    });
    expect([f.shortfallCents, f.penaltyCents, f.surplusCents]).toEqual([shortfall, penalty, surplus]);
  });

  it('a surplus carried in counts against the shortfall', () => {
    const f = settlementFigures({
      obligationCents: 1_000,
      verifiedCents: 600,
      carriedInCents: 300,
      penaltyFactorBp: 10_000,
    });
    expect(f.shortfallCents).toBe(100);
    expect(explainSettlement(f, 10_000, 300, 'nl')).toBe(
      'tekort = max(0, € 10,00 verplichting − € 6,00 geverifieerd − € 3,00 overgeheveld) = € 1,00; boete = € 1,00 × 100% = € 1,00',
    );
  });
});

describe('§12 the advisor decides', () => {
  const f = settlementFigures({
    obligationCents: 1_000_000,
    verifiedCents: 600_000,
    penaltyFactorBp: 15_000,
  });
  it.each([
    {
      case: 'impose takes the computed penalty',
      choice: { decision: 'impose' as const, note: 'n' },
      penalty: 600_000,
    },
    {
      case: 'reduce to a lower amount',
      choice: { decision: 'reduce' as const, penaltyCents: 100_000, note: 'partly done' },
      penalty: 100_000,
    },
    { case: 'waive', choice: { decision: 'waive' as const, note: 'market collapsed' }, penalty: 0 },
  ])('$case', ({ choice, penalty }) => expect(decidePenalty(f, choice)).toBe(penalty));

  const fields = (choice: Parameters<typeof decidePenalty>[1], figures = f) => {
    try {
      decidePenalty(figures, choice);
    } catch (e) {
      return (e as { issues: { name: string }[] }).issues.map((i) => i.name);
    }
    return [];
  };
  it.each([
    { case: 'no note', choice: { decision: 'waive' as const, note: ' ' }, fields: ['note'] },
    {
      case: 'reduce without an amount',
      choice: { decision: 'reduce' as const, note: 'n' },
      fields: ['penaltyCents'],
    },
    {
      case: 'reduce to more than computed',
      choice: { decision: 'reduce' as const, penaltyCents: 600_000, note: 'n' },
      fields: ['penaltyCents'],
    },
    {
      case: 'impose another amount',
      choice: { decision: 'impose' as const, penaltyCents: 1, note: 'n' },
      fields: ['penaltyCents'],
    },
    {
      case: 'waive with an amount',
      choice: { decision: 'waive' as const, penaltyCents: 1, note: 'n' },
      fields: ['penaltyCents'],
    },
    {
      case: 'carry over more than the surplus',
      choice: {
        decision: 'waive' as const,
        note: 'n',
        carryOver: { contractId: 'c', amountCents: 1, reason: 'r' },
      },
      fields: ['carryOver.amountCents'],
    },
  ])('refuses $case', ({ choice, fields: expected }) => expect(fields(choice)).toEqual(expected));
});

describe('§12 progress after the end date', () => {
  const input = {
    obligationCents: 1_000_000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    planned: [],
    realised: [{ category: 'employment' as const, valueCents: 700_000 }],
    verified: [{ category: 'employment' as const, valueCents: 600_000 }],
    policy: { behindToleranceBp: 1_000, penaltyFactorBp: 15_000 },
  };
  it('adds shortfall and penalty after the end only', () => {
    const during = computeProgress(input, '2026-12-31');
    expect(during.shortfallCents).toBeUndefined();
    const after = computeProgress(input, '2027-01-01');
    expect([after.shortfallCents, after.penaltyCents]).toEqual([400_000, 600_000]);
  });
});
