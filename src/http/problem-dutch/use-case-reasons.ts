import type { Rule } from './rule.ts';
import { kindNl, role, st } from './words.ts';

/** Field reasons of the other use cases: decisions, contracts and suppliers, the marketplace, files, accounts and roles. */
export const useCaseReasonRules: readonly Rule[] = [
  [/^is required when rejecting$/, 'is verplicht bij afwijzen'],
  [/^is required when the decision is (\w+)$/, (d) => `is verplicht bij de beslissing ${st(d)}`],
  [/^is required when an earlier decision is changed$/, 'is verplicht als een eerdere beslissing wijzigt'],
  [/^is required when the plan is returned$/, 'is verplicht als het plan wordt teruggestuurd'],
  [/^give a reply, evidenceIds, or both$/, 'geef een antwoord, bewijsstukken of beide'],
  [/^give name or contacts$/, 'geef een naam of contactpersonen'],
  [/^give title or contractManagerId$/, 'geef een titel of een contractmanager'],
  [
    /^give the term with both startDate and endDate, or neither$/,
    'geef de looptijd met zowel begin- als einddatum, of geen van beide',
  ],
  [/^is already registered in this municipality$/, 'is al geregistreerd in deze gemeente'],
  [/^is already used in this municipality$/, 'is al in gebruik in deze gemeente'],
  [/^is not a contract manager of this municipality$/, 'is geen contractmanager van deze gemeente'],
  [/^no such supplier( here| in this municipality)?$/, 'deze leverancier is hier niet bekend'],
  [/^no such initiative here$/, 'dit initiatief is hier niet bekend'],
  [
    /^has no social return obligation to contribute to$/,
    'heeft geen verplichting voor social return om aan bij te dragen',
  ],
  [/^is not a need of this initiative$/, 'is geen behoefte van dit initiatief'],
  [/^is closed: it takes no new pledges$/, 'is gesloten: er kunnen geen nieuwe toezeggingen bij'],
  [
    /^must be (\w+)(?: or (\w+))? for a need of (\w+)$/,
    (a, b, n) =>
      `moet ${kindNl(a ?? '')}${b ? ` of ${kindNl(b)}` : ''} zijn bij een behoefte aan ${kindNl(n ?? '')}`,
  ],
  [/^is required for a pledge of (\w+)$/, (k) => `is verplicht bij een toezegging van ${kindNl(k)}`],
  [/^is not used for a pledge of (\w+)$/, (k) => `hoort niet bij een toezegging van ${kindNl(k)}`],
  [/^has no file name$/, 'heeft geen bestandsnaam'],
  [/^is empty$/, 'is leeg'],
  [/^too short$/, 'te kort'],
  [/^at least (\d+) characters$/, (n) => `minstens ${n} tekens`],
  [/^1–100 characters$/, '1–100 tekens'],
  [/^e\.g\. (.+)$/, (x) => `bijvoorbeeld ${x}`],
  [/^unknown, used or expired$/, 'onbekend, gebruikt of verlopen'],
  [/^amount too large$/, 'bedrag te groot'],
  [
    /^the total contract value would exceed €10 billion$/,
    'de totale contractwaarde zou boven € 10 miljard komen',
  ],
  [
    /^no policy of the municipality is in force on (.+)$/,
    (d) => `er geldt op ${d} geen beleid van de gemeente`,
  ],
  [/^not for role (\w+)$/, (r) => `niet voor de rol ${role(r)}`],
  [/^required for role (\w+)$/, (r) => `verplicht voor de rol ${role(r)}`],
  [/^required for this role$/, 'verplicht voor deze rol'],
  [/^already a member with this role$/, 'heeft deze rol hier al'],
  [/^not invitable$/, 'kan niet worden uitgenodigd'],
  [/^Invalid input$/, 'ongeldige invoer'],
];
