import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCategoryCaps, categoryCapCents, checkCandidateFte } from './caps.ts';

describe('§6 category caps', () => {
  it.each([
    {
      case: '§6 no cap: everything counts',
      rule: '§3 category caps',
      caps: {},
      total: 900_000,
      counted: 900_000,
      cap: null,
    },
    {
      case: '§6 cap reached: 50% of €10.000 counts at most €5.000',
      rule: '§6 category cap',
      caps: { employment: 5_000 },
      total: 900_000,
      counted: 500_000,
      cap: 500_000,
    },
    {
      case: '§6 cap not reached: the sum counts',
      rule: '§6 category cap',
      caps: { employment: 5_000 },
      total: 400_000,
      counted: 400_000,
      cap: 500_000,
    },
    {
      case: '§6 sum exactly at the cap',
      caps: { employment: 5_000 },
      total: 500_000,
      counted: 500_000,
      cap: 500_000,
    },
    { case: '§6 cap of 0%: nothing counts', caps: { employment: 0 }, total: 400_000, counted: 0, cap: 0 },
  ])('$case', ({ caps, total, counted, cap }) => {
    const r = applyCategoryCaps(
      { employment: total, participation: 100 },
      { categoryCapsBp: caps },
      1_000_000,
    );
    expect(r.byCategory.employment).toEqual({ totalCents: total, capCents: cap, countedCents: counted });
    expect(r.countedCents).toBe(counted + 100);
  });

  it.each([
    {
      case: '§6 the cap amount is rounded like a valuation: 33,33% × €10.000,01 → 333.300,33 → 333.300',
      rule: '§6 cap amount rounded',
      bp: 3_333,
      obligation: 1_000_001,
      cap: 333_300,
    },
    {
      case: '§6 the cap amount at exactly half a cent rounds up: 50% × 1 cent → 1',
      rule: '§6 cap amount rounded',
      bp: 5_000,
      obligation: 1,
      cap: 1,
    },
  ])('$case', ({ bp, obligation, cap }) => expect(categoryCapCents(bp, obligation)).toBe(cap));

  it('§6 a cap is never exceeded (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e11 }),
        (total, bp, obligation) => {
          const r = applyCategoryCaps(
            { socialEnterprise: total },
            { categoryCapsBp: { socialEnterprise: bp } },
            obligation,
          );
          const c = r.byCategory.socialEnterprise;
          expect(c.countedCents).toBeLessThanOrEqual(c.capCents ?? Infinity);
          expect(c.countedCents).toBe(Math.min(total, categoryCapCents(bp, obligation)));
        },
      ),
    );
  });
});

describe('§6 no double counting: at most 1,0 FTE per candidate per half-year', () => {
  it.each([
    {
      case: '§6 a first job of 1 FTE counts',
      rule: '§6 at most one FTE per candidate',
      existing: 0,
      fte: 1,
      ok: true,
    },
    {
      case: '§6 split 0,5 + 0,5 over two contracts counts',
      rule: '§6 at most one FTE per candidate',
      existing: 0.5,
      fte: 0.5,
      ok: true,
    },
    { case: '§6 0,7 + 0,3 is exactly 1,0 (no float drift)', existing: 0.7, fte: 0.3, ok: true },
    {
      case: '§6 0,6 + 0,5 would pass 1,0: refused',
      rule: '§6 at most one FTE per candidate',
      existing: 0.6,
      fte: 0.5,
      ok: false,
    },
    { case: '§6 any more after 1,0: refused', existing: 1, fte: 0.01, ok: false },
    {
      case: '§6 fte with 3 decimals: refused',
      rule: '§6 more precision refused',
      existing: 0,
      fte: 0.125,
      ok: false,
    },
  ])('$case', ({ existing, fte, ok }) => expect(checkCandidateFte(existing, fte).ok).toBe(ok));

  it.each([{ case: '§6 the refusal gives the reason', rule: '§6 double counting refused with the reason' }])(
    '$case',
    () =>
      expect(checkCandidateFte(0.6, 0.5)).toEqual({
        ok: false,
        reason:
          'the candidate would count for 0,6 + 0,5 = 1,1 FTE in this half-year; at most 1 FTE counts across all contracts',
      }),
  );
});
