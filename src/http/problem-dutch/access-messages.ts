import type { Rule } from './rule.ts';
import { role, thingNl } from './words.ts';

/** Whole messages (detail) of finding things and signing in: municipalities, policies in force, unknown ids, roles, passwords, links. */
export const accessMessageRules: readonly Rule[] = [
  [/^No municipality "(.+)" is known here\.$/, (s) => `Gemeente "${s}" is hier niet bekend.`],
  [/^No municipality (.+)\.$/, (s) => `Gemeente ${s} is hier niet bekend.`],
  [/^No such municipality\.$/, 'Deze gemeente is hier niet bekend.'],
  [/^(.+) has no policy in force on (.+)\.$/, (n, d) => `${n} heeft geen beleid dat geldt op ${d}.`],
  [/^No policy is in force on (.+)\.$/, (d) => `Er geldt geen beleid op ${d}.`],
  [
    /^No such (activity|contract|evidence file|initiative|need|notification|plan version|pledge|report|supplier|token)\.$/,
    (w) => `${thingNl(w)} bestaat niet of is hier niet te zien.`,
  ],
  [/^No such user here\.$/, 'Deze gebruiker is hier niet bekend.'],
  [
    /^Unknown (supplier|initiative)\.$/,
    (w) => `Onbekende ${w === 'supplier' ? 'leverancier' : 'initiatief'}.`,
  ],
  [/^No report for this half-year\.$/, 'Er is geen rapportage voor dit halfjaar.'],
  [/^Not a half-year of the contract\.$/, 'Geen halfjaar van het contract.'],
  [/^Not a half-year\.$/, 'Geen halfjaar.'],
  [/^Not an email address\.$/, 'Geen e-mailadres.'],
  [/^Sign in first\.$/, 'Meld u eerst aan.'],
  [
    /^This action is not open to the role (\w+)\.$/,
    (r) => `Deze handeling is niet toegestaan voor de rol ${role(r)}.`,
  ],
  [/^Choose a municipality to act in first\.$/, 'Kies eerst de gemeente waarvoor u werkt.'],
  [/^You have no role in that municipality\.$/, 'U heeft geen rol in die gemeente.'],
  [/^The email address or password is not correct\.$/, 'Het e-mailadres of wachtwoord klopt niet.'],
  [
    /^The password must have at least (\d+) characters\.$/,
    (n) => `Het wachtwoord moet minstens ${n} tekens hebben.`,
  ],
  [
    /^This link is no longer valid\. Ask for a new one\.$/,
    'Deze link is niet meer geldig. Vraag een nieuwe aan.',
  ],
  [
    /^The request lacks a valid X-CSRF-Token header; reload the page and try again\.$/,
    'Het verzoek mist een geldige X-CSRF-Token-header; laad de pagina opnieuw en probeer het nog eens.',
  ],
];
