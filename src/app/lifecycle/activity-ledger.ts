import type { NewActivity, StoredCandidateUse } from '../../db/repositories/activities.ts';

/** What the candidate rules of one activity need to know about its candidate. */
export interface CandidateLookup {
  /** FTE the candidate counts for in the half-year being entered, and its target groups. */
  usage(code: string): { fteInPeriod: number; targetGroups: string[] };
  /** Months the candidate already counts in a target group (`targetGroupYear`, any half-year). */
  monthsCounted(code: string, targetGroup: string): number;
}

/**
 * The number PostgreSQL stores for `String(value)` in a `numeric(p, 2)` column, ×100: rounded half
 * away from zero on the decimal text, as the database casts it. The ledger sums these, so a sum it
 * answers is the sum the database would answer after the same rows were inserted.
 */
export function storedHundredths(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m) return Math.round(Number(value) * 100); // exponent notation: far outside any real quantity
  const [, sign, whole = '', fraction = ''] = m;
  const digits = `${fraction}000`;
  const h = Number(whole || '0') * 100 + Number(digits.slice(0, 2)) + (digits[2]! >= '5' ? 1 : 0);
  return sign ? -h : h;
}

/**
 * What the candidates of a file import count for (decision 028): the usage already stored for the
 * supplier, read once before the first row, plus what each accepted row of the file adds, so the
 * rules "one person counts once" (at most 1 FTE in a half-year, one target group) and the target
 * group's cap hold across the rows exactly as if every row had been inserted and read back in turn.
 * The half-year is the import's: every row counts towards it.
 */
export class ActivityLedger implements CandidateLookup {
  private readonly uses: Map<string, StoredCandidateUse>;

  constructor(stored: Map<string, StoredCandidateUse>) {
    this.uses = stored;
  }

  private use(code: string): StoredCandidateUse {
    let u = this.uses.get(code);
    if (!u) this.uses.set(code, (u = { fteHundredths: 0, targetGroups: [], monthsHundredths: new Map() }));
    return u;
  }

  usage(code: string) {
    const u = this.uses.get(code);
    return { fteInPeriod: (u?.fteHundredths ?? 0) / 100, targetGroups: u ? [...u.targetGroups] : [] };
  }

  monthsCounted(code: string, targetGroup: string): number {
    return (this.uses.get(code)?.monthsHundredths.get(targetGroup) ?? 0) / 100;
  }

  /** An accepted row (verification pending): its FTE, target group and counted months now count. */
  add(row: Pick<NewActivity, 'candidateCode' | 'fte' | 'targetGroup' | 'method' | 'countedMonths'>): void {
    if (!row.candidateCode) return;
    const u = this.use(row.candidateCode);
    u.fteHundredths += storedHundredths(row.fte);
    const group = row.targetGroup;
    if (!group) return;
    if (!u.targetGroups.includes(group)) u.targetGroups.push(group);
    if (row.method === 'targetGroupYear')
      u.monthsHundredths.set(
        group,
        (u.monthsHundredths.get(group) ?? 0) + storedHundredths(row.countedMonths),
      );
  }
}
