import type { Rule } from './rule.ts';

/** Whole messages of deciding a report at once, verifiers and evidence a policy requires (decision 024). */
export const verificationMessageRules: readonly Rule[] = [
  [
    /^No activity of this report waits for a decision\.$/,
    'Geen activiteit van deze rapportage wacht op een beslissing.',
  ],
  [
    /^(\d+) of the activities have no evidence; decide them one by one\.$/,
    (n) => `${n} van de activiteiten hebben geen bewijsstuk; beoordeel ze een voor een.`,
  ],
  [/^has no evidence$/, 'heeft geen bewijsstuk'],
  [
    /^Only a verifier of this municipality can be assigned\.$/,
    'Alleen een verificateur van deze gemeente kan worden toegewezen.',
  ],
  [/^is not a verifier of this municipality$/, 'is geen verificateur van deze gemeente'],
  [
    /^This verifier is assigned to the contract already\.$/,
    'Deze verificateur is al aan het contract toegewezen.',
  ],
  [
    /^(\d+) of the activities have no evidence, and the policy requires it for their type; add evidence or remove them before submitting\.$/,
    (n) =>
      `${n} van de activiteiten hebben geen bewijsstuk, en het beleid vereist dat voor hun soort; voeg een bewijsstuk toe of verwijder ze voordat u indient.`,
  ],
  [
    /^This activity has no evidence, and the policy requires it for its type; ask for more information or reject it\.$/,
    'Deze activiteit heeft geen bewijsstuk, en het beleid vereist dat voor deze soort; vraag om meer informatie of wijs haar af.',
  ],
  [
    /^has no evidence, which the policy requires for (.+)$/,
    (code) => `heeft geen bewijsstuk, dat het beleid vereist voor ${code}`,
  ],
];
