import type { Rule } from './rule.ts';

/** Whole messages of any request: cursors, unknown endpoints, internal errors, sign-in throttling, the Authorization header. */
export const generalMessageRules: readonly Rule[] = [
  [/^The cursor is not valid\.$/, 'De cursor is niet geldig.'],
  [/^is not a cursor of this list$/, 'is geen cursor van deze lijst'],
  [/^is not a cursor of this list and sort$/, 'is geen cursor van deze lijst en sortering'],
  [/^must be 1–(\d+)$/, (n) => `moet 1–${n} zijn`],
  [/^No such endpoint: (.+)$/, (e) => `Dit adres bestaat niet: ${e}`],
  [
    /^Something went wrong on our side\. Nothing was saved\.$/,
    'Er ging bij ons iets mis. Er is niets opgeslagen.',
  ],
  [
    /^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/,
    (n) => `Te vaak mislukt aangemeld. Probeer het over ${n} ${n === '1' ? 'minuut' : 'minuten'} opnieuw.`,
  ],
  [
    /^The Authorization header must be "Bearer <token>"\.$/,
    'De Authorization-header moet "Bearer <token>" zijn.',
  ],
];
