import type { NeedKind, PledgeKind, Theme } from './marketplace.ts';

/**
 * Matching in the marketplace (domain.md §9, decision 026): a supplier states its strengths (what
 * it can offer: hours of which expertise, goods, money, places; and the themes and target groups
 * it has an affinity with), and a need of an initiative is scored against them. The score is a sum
 * of points, each with the rule that gave it, so the screen can say why a need is ranked first.
 *
 * | rule          | points | when                                                                  |
 * |---------------|--------|-----------------------------------------------------------------------|
 * | `kind`        | 10     | the supplier offers the need's kind (hours, goods, money, place)      |
 * | `expertise`   | 5      | a need of hours asks an expertise among the supplier's keywords       |
 * | `capacity`    | 2      | the supplier can offer at least the quantity asked                    |
 * | `theme`       | 3      | the initiative works on a theme the supplier has an affinity with     |
 * | `targetGroup` | 3      | the initiative serves a target group the supplier has an affinity with|
 *
 * Expertise and capacity count only with the kind: an expertise of hours means nothing to a
 * supplier that gives no hours. Quantities: hours in hours, goods and places in units, money in
 * euros (the initiative's `quantity`) against the supplier's capacity in cents.
 */

export const matchPoints = {
  kind: 10,
  expertise: 5,
  capacity: 2,
  theme: 3,
  targetGroup: 3,
} as const;
export type MatchRule = keyof typeof matchPoints;

export interface Strengths {
  /** The kinds the supplier offers. */
  kinds: readonly NeedKind[];
  /** Keywords of the expertise it offers hours of ("ICT", "coaching"). */
  expertise: readonly string[];
  hoursCapacity: number | null;
  goodsCapacity: number | null;
  moneyCapacityCents: number | null;
  placesCapacity: number | null;
  themes: readonly Theme[];
  targetGroups: readonly string[];
}

export const noStrengths: Strengths = {
  kinds: [],
  expertise: [],
  hoursCapacity: null,
  goodsCapacity: null,
  moneyCapacityCents: null,
  placesCapacity: null,
  themes: [],
  targetGroups: [],
};

/** A need with what the matching reads of its initiative. */
export interface NeedToMatch {
  kind: NeedKind;
  expertise: string | null;
  /** Hours, units, or euros for money; null when the initiative did not say. */
  quantity: number | null;
  themes: readonly Theme[];
  targetGroups: readonly string[];
}

/** Why points were given: the rule, its points, and what matched (a kind, keyword, theme, group). */
export interface MatchReason {
  rule: MatchRule;
  points: number;
  /** What matched, in the data's own words (codes for kind and theme; the UI translates them). */
  matched: string[];
}

export interface Match {
  score: number;
  reasons: MatchReason[];
}

const words = (s: string) =>
  s
    .toLocaleLowerCase('nl')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether an expertise keyword covers what a need asks: every word of the keyword is a word of the
 * need's expertise, case-insensitive ("ict" covers "ICT-beheer"; "ICT beheer" does not cover "ICT").
 */
export function expertiseCovers(keyword: string, asked: string): boolean {
  const need = new Set(words(asked));
  const key = words(keyword);
  return key.length > 0 && key.every((w) => need.has(w));
}

const sameGroup = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** Whether the supplier's capacity for the need's kind reaches the quantity asked. */
export function capacityFits(strengths: Strengths, kind: NeedKind, quantity: number | null): boolean {
  if (quantity === null) return false;
  switch (kind) {
    case 'hours':
      return strengths.hoursCapacity !== null && strengths.hoursCapacity >= quantity;
    case 'goods':
      return strengths.goodsCapacity !== null && strengths.goodsCapacity >= quantity;
    case 'place':
      return strengths.placesCapacity !== null && strengths.placesCapacity >= quantity;
    case 'money':
      return (
        strengths.moneyCapacityCents !== null && strengths.moneyCapacityCents >= Math.round(quantity * 100)
      );
  }
}

/**
 * How well a need fits a supplier's strengths. Example: a need of 40 hours ICT for an initiative on
 * education, and a supplier offering hours of "ICT" (80 h) with an affinity for education →
 * score 20 (kind 10, expertise 5, capacity 2, theme 3).
 */
export function scoreNeed(strengths: Strengths, need: NeedToMatch): Match {
  const reasons: MatchReason[] = [];
  if (strengths.kinds.includes(need.kind)) {
    reasons.push({ rule: 'kind', points: matchPoints.kind, matched: [need.kind] });
    if (need.kind === 'hours' && need.expertise) {
      const asked = need.expertise;
      const keys = strengths.expertise.filter((k) => expertiseCovers(k, asked));
      if (keys.length) reasons.push({ rule: 'expertise', points: matchPoints.expertise, matched: keys });
    }
    if (capacityFits(strengths, need.kind, need.quantity))
      reasons.push({ rule: 'capacity', points: matchPoints.capacity, matched: [String(need.quantity)] });
  }
  const themes = need.themes.filter((t) => strengths.themes.includes(t));
  if (themes.length) reasons.push({ rule: 'theme', points: matchPoints.theme, matched: themes });
  const groups = need.targetGroups.filter((g) => strengths.targetGroups.some((s) => sameGroup(s, g)));
  if (groups.length) reasons.push({ rule: 'targetGroup', points: matchPoints.targetGroup, matched: groups });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** A ranked item: its score, then a sort key (e.g. a name) and its id make the order total. */
export interface RankKey {
  score: number;
  key: string;
  id: string;
}

/** Best score first; ties by key, then id (ascending), so the order never depends on load order. */
export function compareRank(a: RankKey, b: RankKey): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** The items in rank order; with `after`, only those that come after it (a page's cursor). */
export function rank<T extends RankKey>(items: readonly T[], after?: RankKey): T[] {
  const sorted = [...items].sort(compareRank);
  return after ? sorted.filter((i) => compareRank(i, after) > 0) : sorted;
}

/**
 * The kinds of pledge that answer a kind of need: hours, money and goods each their own; a place
 * (a room or a work-experience place the supplier provides) is given in kind, so it is pledged as
 * goods, valued in euros.
 */
export const pledgeKindsForNeed: Record<NeedKind, readonly PledgeKind[]> = {
  hours: ['hours'],
  money: ['money'],
  goods: ['goods'],
  place: ['goods'],
};
