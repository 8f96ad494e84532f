import type { Rule } from './rule.ts';
import { st } from './words.ts';

/** Whole messages of plans and intake, contracts, suppliers and policies. */
export const planAndContractMessageRules: readonly Rule[] = [
  [/^Say why the plan is returned\.$/, 'Zeg waarom het plan wordt teruggestuurd.'],
  [/^Some plan items cannot be valued\.$/, 'Sommige onderdelen van het plan kunnen niet worden gewaardeerd.'],
  [
    /^There is no draft plan with items to submit\.$/,
    'Er is geen conceptplan met onderdelen om in te dienen.',
  ],
  [
    /^There is no submitted plan waiting for review\.$/,
    'Er is geen ingediend plan dat op beoordeling wacht.',
  ],
  [
    /^The plan is (\w+); change the draft before submitting again\.$/,
    (s) => `Het plan is ${st(s)}; wijzig het concept voordat u opnieuw indient.`,
  ],
  [
    /^The plan is being reviewed; wait for the advisor’s decision\.$/,
    'Het plan wordt beoordeeld; wacht op de beslissing van de adviseur.',
  ],
  [
    /^The intake has not been recorded yet; the advisor records it first\.$/,
    'Het intakegesprek is nog niet vastgelegd; de adviseur legt het eerst vast.',
  ],
  [
    /^This contract has the (\w+) regime: intake and plan apply to the plan regime only \(it still reports every half-year\)\.$/,
    (r) =>
      `Dit contract valt onder het regime ${st(r)}: intake en plan gelden alleen bij het planregime (er wordt wel elk halfjaar gerapporteerd).`,
  ],
  [
    /^This contract has no social return obligation( to report on)?\.$/,
    'Dit contract heeft geen verplichting voor social return.',
  ],
  [
    /^A contract with reference (.+) already exists\.$/,
    (r) => `Er bestaat al een contract met kenmerk ${r}.`,
  ],
  [
    /^A supplier with KvK number (.+) is already registered\.$/,
    (k) => `Er is al een leverancier met KvK-nummer ${k} geregistreerd.`,
  ],
  [/^The contract dates are not valid\.$/, 'De contractdata zijn niet geldig.'],
  [/^The contract cannot be awarded\.$/, 'Het contract kan niet worden gegund.'],
  [/^The contract cannot be judged\.$/, 'Het contract kan niet worden beoordeeld.'],
  [/^The contract manager is not valid\.$/, 'De contractmanager is niet geldig.'],
  [/^The extension is not valid\.$/, 'De verlenging is niet geldig.'],
  [/^Start a contract before (adding its values|finishing it)\.$/, 'Start eerst een contract.'],
  [/^The policy has problems; nothing was saved\.$/, 'Het beleid bevat fouten; er is niets opgeslagen.'],
];
