import { euroIn, formatBp, formatHundredths, mulDivRound, type Lang } from './money.ts';

/**
 * Examples of how an obligation can be filled, from the catalogue's own rates, so a bidder sees what
 * the amount means ("≈ 0,71 FTE-year of a job for someone on benefits"). Illustrative, not advice.
 * Quantities are rounded once, half away from zero, like every amount (domain.md §6): to hundredths
 * (whole units for `unit`, whole cents for an amount).
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
  /** FTE-years or hours to 2 decimals, whole units, or euros to the cent. */
  quantity: number;
  unit: string;
  /** In English; {@link FulfilmentExample.explanationNl} says the same in Dutch. */
  explanation: string;
  explanationNl: string;
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
    let hundredths: number; // the quantity in hundredths: of an FTE-year, an hour, a unit, or a euro (cents)
    if (t.method === 'spendShare' || t.method === 'money') {
      const share = t.shareBp ?? 10_000;
      if (share <= 0) continue;
      hundredths = mulDivRound(obligationCents, 10_000, 1, share); // cents to spend or give
    } else {
      if (!t.rateCents || t.rateCents <= 0) continue;
      hundredths =
        t.method === 'unit'
          ? mulDivRound(obligationCents, 1, 1, t.rateCents) * 100
          : mulDivRound(obligationCents, 100, 1, t.rateCents);
    }
    out.push({
      typeCode: t.code,
      name: t.name,
      category: t.category,
      quantity: hundredths / 100,
      unit,
      explanation: explain(t, hundredths, obligationCents, 'en'),
      explanationNl: explain(t, hundredths, obligationCents, 'nl'),
    });
  }
  return out;
}

function explain(t: CatalogueEntry, hundredths: number, obligationCents: number, lang: Lang): string {
  const nl = lang === 'nl';
  const q = formatHundredths(hundredths);
  const obligation = euroIn(lang, obligationCents);
  const rate = euroIn(lang, t.rateCents ?? 0);
  switch (t.method) {
    case 'fteYear':
      return nl
        ? `${obligation} / ${rate} per FTE-jaar ≈ ${q} FTE-jaar`
        : `${obligation} / ${rate} per FTE-year ≈ ${q} FTE-year`;
    case 'unit':
      return `${obligation} / ${rate} ${nl ? 'per stuk' : 'each'} ≈ ${q}`;
    case 'hour':
      return nl
        ? `${obligation} / ${rate} per uur ≈ ${q} uur`
        : `${obligation} / ${rate} per hour ≈ ${q} hours`;
    default:
      return `${obligation} / ${formatBp(t.shareBp ?? 10_000)} ≈ ${euroIn(lang, hundredths)}`;
  }
}
