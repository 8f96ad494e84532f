import type { StoredPlanItem } from '../../db/repositories/plans.ts';

export interface PlanDiff {
  added: StoredPlanItem[];
  removed: StoredPlanItem[];
  changed: { before: StoredPlanItem; after: StoredPlanItem }[];
  plannedDeltaCents: number;
}

const quantityKeys = ['fte', 'months', 'units', 'hours', 'amountCents', 'validFrom', 'validTo'] as const;

/** Items are matched by type and half-year (the n-th of the same kind with the n-th). */
function keyed(items: readonly StoredPlanItem[]): Map<string, StoredPlanItem> {
  const seen = new Map<string, number>();
  const out = new Map<string, StoredPlanItem>();
  for (const item of items) {
    const base = `${item.typeCode}|${item.period}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(`${base}|${n}`, item);
  }
  return out;
}

/**
 * What changed from one plan version to the next, so an advisor can compare versions.
 * @example diffPlanItems([], [item]) // { added: [item], removed: [], changed: [], plannedDeltaCents: item.valueCents }
 */
export function diffPlanItems(before: readonly StoredPlanItem[], after: readonly StoredPlanItem[]): PlanDiff {
  const a = keyed(before);
  const b = keyed(after);
  const diff: PlanDiff = { added: [], removed: [], changed: [], plannedDeltaCents: 0 };
  for (const [key, item] of b) {
    const old = a.get(key);
    if (!old) diff.added.push(item);
    else if (old.valueCents !== item.valueCents || quantityKeys.some((k) => old[k] !== item[k]))
      diff.changed.push({ before: old, after: item });
  }
  for (const [key, item] of a) if (!b.has(key)) diff.removed.push(item);
  diff.plannedDeltaCents =
    after.reduce((s, i) => s + i.valueCents, 0) - before.reduce((s, i) => s + i.valueCents, 0);
  return diff;
}
