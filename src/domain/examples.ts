/**
 * Examples of how an obligation can be filled, from the catalogue's own rates, so a bidder sees what
 * the amount means ("≈ 0,71 FTE-year of a job for someone on benefits"). Illustrative, not advice.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  category: string;
  method: string;
  rateCents?: number | undefined;
  shareBp?: number | undefined;
}

export interface FulfilmentExample {
  typeCode: string;
  name: string;
  category: string;
  /** Rounded to 2 decimals (whole units for `unit`). */
  quantity: number;
  unit: string;
  explanation: string;
}

const unitOf: Record<string, string> = {
  fteYear: 'fteYear',
  unit: 'unit',
  hour: 'hour',
  spendShare: 'euroSpent',
  money: 'euroGiven',
};

/** One example per catalogue entry whose method turns an amount into a quantity (PSO is a share, not a quantity). */
export function fulfilmentExamples(
  policy: { activityTypes: readonly CatalogueEntry[] },
  obligationCents: number,
): FulfilmentExample[] {
  if (obligationCents <= 0) return [];
  const out: FulfilmentExample[] = [];
  for (const t of policy.activityTypes) {
    const unit = unitOf[t.method];
    if (!unit) continue;
    let quantity: number;
    if (t.method === 'spendShare' || t.method === 'money') {
      const share = t.shareBp ?? 10_000;
      if (share <= 0) continue;
      quantity = Math.ceil((obligationCents * 10_000) / share) / 100; // euros to spend or give
    } else {
      if (!t.rateCents || t.rateCents <= 0) continue;
      const raw = obligationCents / t.rateCents;
      quantity = t.method === 'unit' ? Math.ceil(raw) : Math.ceil(raw * 100) / 100;
    }
    out.push({
      typeCode: t.code,
      name: t.name,
      category: t.category,
      quantity,
      unit,
      explanation: explain(t, quantity, obligationCents),
    });
  }
  return out;
}

function euros(c: number): string {
  return `€${(c / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function explain(t: CatalogueEntry, quantity: number, obligationCents: number): string {
  const q = quantity.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  switch (t.method) {
    case 'fteYear':
      return `${euros(obligationCents)} / ${euros(t.rateCents ?? 0)} per FTE-year ≈ ${q} FTE-year`;
    case 'unit':
      return `${euros(obligationCents)} / ${euros(t.rateCents ?? 0)} each → ${q}`;
    case 'hour':
      return `${euros(obligationCents)} / ${euros(t.rateCents ?? 0)} per hour ≈ ${q} hours`;
    default:
      return `${euros(obligationCents)} / ${((t.shareBp ?? 10_000) / 100).toLocaleString('nl-NL')}% ≈ €${q}`;
  }
}
