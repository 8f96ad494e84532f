import type { Rule } from './rule.ts';

/** Whole messages of users, invitations, roles, password resets and API tokens. */
export const accountMessageRules: readonly Rule[] = [
  [/^Enable this user first\.$/, 'Zet deze gebruiker eerst aan.'],
  [/^This role cannot be given by invitation\.$/, 'Deze rol kan niet via een uitnodiging worden gegeven.'],
  [
    /^A supplier user belongs to a supplier\.$/,
    'Een gebruiker van een leverancier hoort bij een leverancier.',
  ],
  [
    /^An initiative user belongs to an initiative\.$/,
    'Een gebruiker van een initiatief hoort bij een initiatief.',
  ],
  [/^(.+) has accepted the invitation already\.$/, (e) => `${e} heeft de uitnodiging al aangenomen.`],
  [
    /^(.+) has not accepted the invitation yet; send the invitation again instead\.$/,
    (e) => `${e} heeft de uitnodiging nog niet aangenomen; stuur de uitnodiging opnieuw.`,
  ],
  [
    /^Three reset links went to this account in the last hour; try again later\.$/,
    'Er gingen het afgelopen uur al drie herstellinks naar dit account; probeer het later opnieuw.',
  ],
  [/^(.+) has this role here already\.$/, (e) => `${e} heeft deze rol hier al.`],
  [
    /^You cannot change or remove your own role; ask another administrator of this municipality\.$/,
    'U kunt uw eigen rol niet wijzigen of verwijderen; vraag een andere beheerder van deze gemeente.',
  ],
  [
    /^A supplier or initiative role cannot be changed; remove it and invite again\.$/,
    'Een rol van leverancier of initiatief kan niet worden gewijzigd; verwijder haar en nodig opnieuw uit.',
  ],
  [/^Name the token \(1–100 characters\)\.$/, 'Geef de token een naam (1–100 tekens).'],
  [/^The API token is unknown or revoked\.$/, 'De API-token is onbekend of ingetrokken.'],
];
