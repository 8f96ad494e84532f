/** Dutch words the tables put into their sentences: statuses, roles, half-years, kinds, sizes, things. */

const statusNl: Record<string, string> = {
  open: 'open',
  submitted: 'ingediend',
  closed: 'gesloten',
  overdue: 'te laat',
  draft: 'concept',
  approved: 'goedgekeurd',
  returned: 'teruggestuurd',
  accepted: 'geaccepteerd',
  rejected: 'afgewezen',
  moreInfo: 'met een vraag teruggelegd',
  pending: 'te beoordelen',
  confirmed: 'bevestigd',
  declined: 'afgewezen',
  plan: 'plan',
  trust: 'vertrouwen',
  none: 'geen',
};
const roleNl: Record<string, string> = {
  platformAdmin: 'platformbeheerder',
  municipalityAdmin: 'gemeentebeheerder',
  advisor: 'adviseur',
  contractManager: 'contractmanager',
  supplier: 'leverancier',
  initiative: 'initiatief',
  verifier: 'verificateur',
};
/** A status, a decision or a regime in Dutch. */
export const st = (s: string) => statusNl[s] ?? s;
/** A role in Dutch. */
export const role = (r: string) => roleNl[r] ?? r;
/** 2026-H1 → 1e halfjaar 2026. */
export const half = (p: string) => p.replace(/^(\d{4})-H([12])$/, '$2e halfjaar $1');

/** The kind of a marketplace need or pledge in Dutch. */
export const kindNl = (k: string) =>
  ({ hours: 'uren', money: 'geld', goods: 'goederen', place: 'een plek' })[k] ?? k;
/** A size in bytes as whole megabytes. */
export const mb = (bytes: string) => `${Math.round(Number(bytes) / 1024 / 1024)} MB`;
/** `No such <thing>.` → the Dutch subject of the sentence. */
export function thingNl(w: string): string {
  const map: Record<string, string> = {
    activity: 'Deze activiteit',
    contract: 'Dit contract',
    'evidence file': 'Dit bewijsstuk',
    initiative: 'Dit initiatief',
    need: 'Deze behoefte',
    notification: 'Deze melding',
    'plan version': 'Deze planversie',
    pledge: 'Deze toezegging',
    report: 'Deze rapportage',
    supplier: 'Deze leverancier',
    token: 'Deze token',
  };
  return map[w] ?? w;
}
/** Why a file is not accepted as evidence (files/detect-type.ts), in Dutch. */
export function evidenceReasonNl(r: string): string {
  if (r === 'the content is not a PDF, PNG, JPEG or office document')
    return 'de inhoud is geen PDF, PNG, JPEG of kantoordocument';
  const type = /^files of type (.+) are not accepted$/.exec(r);
  if (type) return `bestanden van het type ${type[1]} worden niet aangenomen`;
  const ext = /^the content is a \.(\w+) document but the name ends in \.(.+)$/.exec(r);
  if (ext) return `de inhoud is een .${ext[1]}-document, maar de naam eindigt op .${ext[2]}`;
  return r;
}
