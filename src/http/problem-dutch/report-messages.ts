import type { Rule } from './rule.ts';
import { evidenceReasonNl, half, mb, st } from './words.ts';

/** Whole messages of evidence files, reports (submission, correction) and activities (valuation, candidates, verification). */
export const reportMessageRules: readonly Rule[] = [
  [/^The file is larger than (\d+) bytes\.$/, (n) => `Het bestand is groter dan ${mb(n)}.`],
  [/^The file needs a name\.$/, 'Het bestand heeft een naam nodig.'],
  [/^The file is empty\.$/, 'Het bestand is leeg.'],
  [/^Not accepted as evidence: (.+)\.$/, (r) => `Niet toegestaan als bewijsstuk: ${evidenceReasonNl(r)}.`],
  [/^Evidence not of this activity\.$/, 'Dit bewijsstuk hoort niet bij deze activiteit.'],
  [
    /^The file of this evidence is no longer stored\.$/,
    'Het bestand van dit bewijsstuk is niet meer bewaard.',
  ],
  [
    /^The report is (\w+); evidence can no longer be added\.$/,
    (s) => `De rapportage is ${st(s)}; er kunnen geen bewijsstukken meer bij.`,
  ],
  [
    /^The report is (\w+); its evidence can no longer be removed\.$/,
    (s) => `De rapportage is ${st(s)}; de bewijsstukken kunnen niet meer weg.`,
  ],
  [/^The report is (\w+) already\.$/, (s) => `De rapportage is al ${st(s)}.`],
  [
    /^The report is (\w+); activities are verified after the supplier submits it\.$/,
    (s) =>
      `De rapportage is ${st(s)}; activiteiten worden beoordeeld nadat de leverancier haar heeft ingediend.`,
  ],
  [/^The (\d{4}-H[12]) report is (\w+)\.$/, (p, s) => `De rapportage over ${half(p)} is ${st(s)}.`],
  [
    /^(\d{4}-H[12]) can be submitted from (.+), after the half-year has ended\.$/,
    (p, d) => `${half(p)} kan worden ingediend vanaf ${d}, na het einde van het halfjaar.`,
  ],
  [
    /^The report changed meanwhile; try again\.$/,
    'De rapportage is intussen gewijzigd; probeer het opnieuw.',
  ],
  [/^Someone else just started a correction\.$/, 'Iemand anders is net een correctie begonnen.'],
  [
    /^Only a closed report is corrected; this one is (\w+)\.$/,
    (s) => `Alleen een gesloten rapportage kan worden gecorrigeerd; deze is ${st(s)}.`,
  ],
  [
    /^Version (\d+) of (\d{4}-H[12]) is the current one\.$/,
    (v, p) => `Versie ${v} van ${half(p)} is de huidige.`,
  ],
  [
    /^The activity falls outside its half-year or the contract\.$/,
    'De activiteit valt buiten haar halfjaar of buiten het contract.',
  ],
  [/^An activity ends on or after its start\.$/, 'Een activiteit eindigt op of na haar begin.'],
  [/^A placement ends on or after its start\.$/, 'Een plaatsing eindigt op of na haar begin.'],
  [/^Unknown activity type (.+)\.$/, (c) => `Onbekende activiteit ${c}.`],
  [/^The activity cannot be valued as (.+)\.$/, (c) => `De activiteit kan niet worden gewaardeerd als ${c}.`],
  [/^The activity cannot be valued in this context\.$/, 'De activiteit kan hier niet worden gewaardeerd.'],
  [
    /^Work by a person records a pseudonymous candidate\.$/,
    'Werk door een persoon legt een kandidaat vast met een pseudoniem.',
  ],
  [
    /^A candidate is recorded by a pseudonymous code(, never by a BSN)?\.$/,
    'Een kandidaat wordt vastgelegd met een pseudoniem, nooit met een BSN.',
  ],
  [/^A candidate counts in one target group only\.$/, 'Een kandidaat telt in één doelgroep.'],
  [/^No double counting of a candidate\.$/, 'Een kandidaat telt niet dubbel.'],
  [/^Hours per week out of range\.$/, 'Uren per week buiten het toegestane bereik.'],
  [/^A reason is required\.$|^A rejection says why\.$/, 'Geef een reden.'],
  [
    /^This activity is already (\w+); to change that decision send change: true with a reason\.$/,
    (s) => `Deze activiteit is al ${st(s)}; geef een reden om die beslissing te wijzigen.`,
  ],
  [
    /^Only an activity the advisor asked more about \(in a submitted report\) is answered\.$/,
    'Alleen een activiteit waarover de adviseur een vraag stelde (in een ingediende rapportage) wordt beantwoord.',
  ],
  [/^An answer needs a reply or evidence\.$/, 'Een antwoord heeft een toelichting of een bewijsstuk nodig.'],
];
