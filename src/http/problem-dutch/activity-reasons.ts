import type { Rule } from './rule.ts';
import { half, st } from './words.ts';

/** Field reasons of recording an activity: dates in the half-year and the term, candidates, the catalogue. */
export const activityReasonRules: readonly Rule[] = [
  [/^must not be before startDate \((.+)\)$/, (d) => `mag niet vóór de begindatum (${d}) liggen`],
  [/^must not be before startDate$/, 'mag niet vóór de begindatum liggen'],
  [/^must not be before contractStart$/, 'mag niet vóór de start van het contract liggen'],
  [
    /^must not be before candidate\.startDate \((.+)\)$/,
    (d) => `mag niet vóór de start van de plaatsing (${d}) liggen`,
  ],
  [/^must not be before the current end date (.+)$/, (d) => `mag niet vóór de huidige einddatum ${d} liggen`],
  [
    /^must be inside (\d{4}-H[12]) and the contract term \((.+) to (.+)\)$/,
    (p, a, b) => `moet binnen ${half(p)} en de looptijd van het contract liggen (${a} tot en met ${b})`,
  ],
  [
    /^(\d{4}-H[12]) is not a half-year of the contract term$/,
    (p) => `${half(p)} is geen halfjaar van de looptijd`,
  ],
  [
    /^(\d{4}-H[12]) has not begun: its report opens on (\d{4}-\d{2}-\d{2})$/,
    (p, d) => `${half(p)} is nog niet begonnen: de rapportage opent op ${d}`,
  ],
  [
    /^the (\d{4}-H[12]) report opens within minutes of the half-year's start: try again shortly$/,
    (p) =>
      `de rapportage over ${half(p)} opent binnen enkele minuten na het begin van het halfjaar: probeer het zo opnieuw`,
  ],
  [
    /^(\d{4}-H[12]) is outside the contract term(.*)$/,
    (p, rest) => `${half(p)} valt buiten de looptijd${rest}`,
  ],
  [
    /^the (\d{4}-H[12]) report is (\w+); activities can only be added to an open report \(ask for a correction\)$/,
    (p, s) =>
      `de rapportage over ${half(p)} is ${st(s)}; activiteiten kunnen alleen aan een open rapportage worden toegevoegd (vraag om een correctie)`,
  ],
  [
    /^is required for this activity type \(a pseudonymous code\)$/,
    'is verplicht voor deze activiteit (een pseudoniem)',
  ],
  [
    /^looks like a BSN \(9 digits\): use a pseudonymous code instead$/,
    'lijkt op een BSN (9 cijfers): gebruik een pseudoniem',
  ],
  [
    /^must be a pseudonymous code of at most 40 letters, digits, '\.', '_' or '-' \(no names, no spaces\)$/,
    "moet een pseudoniem zijn van hoogstens 40 letters, cijfers, '.', '_' of '-' (geen namen, geen spaties)",
  ],
  [
    /^must be more than 0 and at most (.+), with at most 2 decimals$/,
    (n) => `moet meer dan 0 en hoogstens ${n} zijn, met hoogstens 2 decimalen`,
  ],
  [
    /^fte must be more than 0, with at most 2 decimals$/,
    'fte moet meer dan 0 zijn, met hoogstens 2 decimalen',
  ],
  [
    /^the candidate would count for (.+) \+ (.+) = (.+) FTE in this half-year; at most 1 FTE counts across all contracts$/,
    (a, b, t) =>
      `de kandidaat zou in dit halfjaar voor ${a} + ${b} = ${t} fte tellen; over alle contracten samen telt hoogstens 1 fte`,
  ],
  [
    /^candidate (.+) is already recorded in target group "(.+)"$/,
    (c, g) => `kandidaat ${c} staat al geregistreerd in doelgroep "${g}"`,
  ],
  [/^unknown activity type "(.+)"$/, (c) => `onbekende activiteit "${c}"`],
  [
    /^is not in the catalogue of policy version (\d+)( that this contract follows)?$/,
    (v, c) => `staat niet in de catalogus van beleidsversie ${v}${c ? ' die dit contract volgt' : ''}`,
  ],
];
