import type { Rule } from './rule.ts';
import { st } from './words.ts';

/** Whole messages of the marketplace: pledges, needs and initiative profiles. */
export const marketplaceMessageRules: readonly Rule[] = [
  [/^This pledge is already (\w+)\.$/, (s) => `Deze toezegging is al ${st(s)}.`],
  [/^The need is not one of this initiative\.$/, 'Deze behoefte hoort niet bij dit initiatief.'],
  [/^A need is not one of this initiative\.$/, 'Een behoefte hoort niet bij dit initiatief.'],
  [/^This need is closed\.$/, 'Deze behoefte is gesloten.'],
  [/^The kind of pledge does not answer this need\.$/, 'Dit soort toezegging past niet bij deze behoefte.'],
  [/^The quantity does not fit the kind of pledge\.$/, 'De hoeveelheid past niet bij het soort toezegging.'],
  [/^This account does not act for an initiative\.$/, 'Dit account werkt niet voor een initiatief.'],
  [
    /^The profile is (\w+); only a draft can be submitted\.$/,
    (s) => `Het profiel is ${st(s)}; alleen een concept kan worden ingediend.`,
  ],
  [
    /^The profile is (\w+); it cannot be (\w+) now\.$/,
    (s, d) => `Het profiel is ${st(s)}; het kan nu niet ${st(d)} worden.`,
  ],
];
