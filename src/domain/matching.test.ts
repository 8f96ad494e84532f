import { describe, expect, it } from 'vitest';
import {
  compareRank,
  expertiseCovers,
  noStrengths,
  pledgeKindsForNeed,
  rank,
  scoreNeed,
  type MatchRule,
  type NeedToMatch,
  type Strengths,
} from './matching.ts';

const ict: Strengths = {
  kinds: ['hours', 'goods'],
  expertise: ['ICT', 'projectleiding'],
  hoursCapacity: 80,
  goodsCapacity: 10,
  moneyCapacityCents: null,
  placesCapacity: null,
  themes: ['education'],
  targetGroups: ['Kinderen'],
};

const need = (n: Partial<NeedToMatch>): NeedToMatch => ({
  kind: 'hours',
  expertise: null,
  quantity: null,
  themes: [],
  targetGroups: [],
  ...n,
});

describe('scoreNeed: the ranking rules', () => {
  it.each<{ case: string; strengths?: Strengths; need: NeedToMatch; score: number; rules: MatchRule[] }>([
    {
      case: 'everything fits',
      need: need({ expertise: 'ICT', quantity: 40, themes: ['education'], targetGroups: ['kinderen'] }),
      score: 23,
      rules: ['kind', 'expertise', 'capacity', 'theme', 'targetGroup'],
    },
    { case: 'kind only', need: need({ kind: 'goods' }), score: 10, rules: ['kind'] },
    { case: 'kind not offered', need: need({ kind: 'money', quantity: 1 }), score: 0, rules: [] },
    {
      case: 'kind not offered, theme shared',
      need: need({ kind: 'money', themes: ['education', 'work'] }),
      score: 3,
      rules: ['theme'],
    },
    {
      case: 'expertise of a keyword, case-insensitive, inside a longer name',
      need: need({ expertise: 'ict-beheer' }),
      score: 15,
      rules: ['kind', 'expertise'],
    },
    { case: 'other expertise', need: need({ expertise: 'Coaching' }), score: 10, rules: ['kind'] },
    {
      case: 'expertise counts for hours only',
      strengths: { ...ict, kinds: ['goods'] },
      need: need({ expertise: 'ICT' }),
      score: 0,
      rules: [],
    },
    {
      case: 'more hours asked than offered',
      need: need({ quantity: 81 }),
      score: 10,
      rules: ['kind'],
    },
    {
      case: 'exactly the hours offered',
      need: need({ quantity: 80 }),
      score: 12,
      rules: ['kind', 'capacity'],
    },
    { case: 'no quantity asked: no capacity point', need: need({}), score: 10, rules: ['kind'] },
    {
      case: 'goods within the units offered',
      need: need({ kind: 'goods', quantity: 10 }),
      score: 12,
      rules: ['kind', 'capacity'],
    },
    {
      case: 'money in euros against a capacity in cents',
      strengths: { ...noStrengths, kinds: ['money'], moneyCapacityCents: 250_000 },
      need: need({ kind: 'money', quantity: 2500 }),
      score: 12,
      rules: ['kind', 'capacity'],
    },
    {
      case: 'money above the capacity',
      strengths: { ...noStrengths, kinds: ['money'], moneyCapacityCents: 250_000 },
      need: need({ kind: 'money', quantity: 2500.01 }),
      score: 10,
      rules: ['kind'],
    },
    {
      case: 'places',
      strengths: { ...noStrengths, kinds: ['place'], placesCapacity: 2 },
      need: need({ kind: 'place', quantity: 2 }),
      score: 12,
      rules: ['kind', 'capacity'],
    },
    {
      case: 'a capacity without the kind gives nothing',
      strengths: { ...noStrengths, placesCapacity: 2 },
      need: need({ kind: 'place', quantity: 1 }),
      score: 0,
      rules: [],
    },
    {
      case: 'target group, case and spaces ignored',
      need: need({ kind: 'money', targetGroups: [' KINDEREN '] }),
      score: 3,
      rules: ['targetGroup'],
    },
    {
      case: 'no strengths at all',
      strengths: noStrengths,
      need: need({ expertise: 'ICT' }),
      score: 0,
      rules: [],
    },
  ])('$case → $score', ({ strengths = ict, need: n, score, rules }) => {
    const match = scoreNeed(strengths, n);
    expect(match.score).toBe(score);
    expect(match.reasons.map((r) => r.rule)).toEqual(rules);
    expect(match.reasons.reduce((s, r) => s + r.points, 0)).toBe(score);
  });

  it('names what matched', () => {
    const match = scoreNeed(
      ict,
      need({ expertise: 'ICT', themes: ['work', 'education'], targetGroups: ['ouderen', 'kinderen'] }),
    );
    expect(match.reasons).toEqual([
      { rule: 'kind', points: 10, matched: ['hours'] },
      { rule: 'expertise', points: 5, matched: ['ICT'] },
      { rule: 'theme', points: 3, matched: ['education'] },
      { rule: 'targetGroup', points: 3, matched: ['kinderen'] },
    ]);
  });
});

describe('expertiseCovers', () => {
  it.each([
    { keyword: 'ICT', asked: 'ICT', covers: true },
    { keyword: 'ict', asked: 'ICT-beheer', covers: true },
    { keyword: 'ICT beheer', asked: 'ICT', covers: false },
    { keyword: 'Coaching', asked: 'coaching van deelnemers', covers: true },
    { keyword: 'coach', asked: 'coaching', covers: false },
    { keyword: ' ', asked: 'ICT', covers: false },
  ])('$keyword covers $asked: $covers', ({ keyword, asked, covers }) =>
    expect(expertiseCovers(keyword, asked)).toBe(covers),
  );
});

describe('rank', () => {
  const items = [
    { score: 10, key: 'b', id: '2' },
    { score: 23, key: 'z', id: '9' },
    { score: 10, key: 'a', id: '5' },
    { score: 10, key: 'a', id: '3' },
    { score: 0, key: 'a', id: '1' },
  ];

  it('orders by score, then key, then id, whatever the order given', () => {
    const order = ['9', '3', '5', '2', '1'];
    expect(rank(items).map((i) => i.id)).toEqual(order);
    expect(rank([...items].reverse()).map((i) => i.id)).toEqual(order);
  });

  it('continues after a cursor, also when the cursor item itself is gone', () => {
    expect(rank(items, { score: 10, key: 'a', id: '5' }).map((i) => i.id)).toEqual(['2', '1']);
    expect(rank(items, { score: 10, key: 'a', id: '4' }).map((i) => i.id)).toEqual(['5', '2', '1']);
  });

  it('is a total order', () => {
    expect(compareRank(items[0]!, items[0]!)).toBe(0);
  });
});

describe('pledgeKindsForNeed', () => {
  it('a place is pledged in kind (goods); the others as their own kind', () => {
    expect(pledgeKindsForNeed).toEqual({
      hours: ['hours'],
      money: ['money'],
      goods: ['goods'],
      place: ['goods'],
    });
  });
});
