import { describe, expect, it } from 'vitest';
import type { StoredPlanItem } from '../../db/repositories/plans.ts';
import { diffPlanItems } from './plan-diff.ts';

const item = (typeCode: string, period: string, valueCents: number, extra: Partial<StoredPlanItem> = {}) =>
  ({
    typeCode,
    period,
    valueCents,
    category: 'participation',
    method: 'unit',
    ruleId: 'r',
    explanation: 'e',
    ...extra,
  }) as StoredPlanItem;

describe('diffPlanItems', () => {
  it.each([
    {
      case: 'first version: everything added',
      before: [],
      after: [item('internship', '2026-H1', 250_000)],
      expected: { added: 1, removed: 0, changed: 0, delta: 250_000 },
    },
    {
      case: 'same items: nothing changed',
      before: [item('internship', '2026-H1', 250_000, { units: 1 })],
      after: [item('internship', '2026-H1', 250_000, { units: 1 })],
      expected: { added: 0, removed: 0, changed: 0, delta: 0 },
    },
    {
      case: 'quantity changed',
      before: [item('internship', '2026-H1', 250_000, { units: 1 })],
      after: [item('internship', '2026-H1', 500_000, { units: 2 })],
      expected: { added: 0, removed: 0, changed: 1, delta: 250_000 },
    },
    {
      case: 'moved to another half-year: one removed, one added',
      before: [item('internship', '2026-H1', 250_000)],
      after: [item('internship', '2026-H2', 250_000)],
      expected: { added: 1, removed: 1, changed: 0, delta: 0 },
    },
    {
      case: 'a second item of the same kind',
      before: [item('internship', '2026-H1', 250_000)],
      after: [item('internship', '2026-H1', 250_000), item('internship', '2026-H1', 250_000)],
      expected: { added: 1, removed: 0, changed: 0, delta: 250_000 },
    },
  ])('$case', ({ before, after, expected }) => {
    const d = diffPlanItems(before, after);
    expect({
      added: d.added.length,
      removed: d.removed.length,
      changed: d.changed.length,
      delta: d.plannedDeltaCents,
    }).toEqual(expected);
  });
});
