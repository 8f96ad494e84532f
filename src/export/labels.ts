import type { Lang, Text } from './table.ts';

/** Column headers and words for codes in exported files, Dutch and English (as the UI says them). */
export const h = {
  id: { nl: 'ID', en: 'ID' },
  reference: { nl: 'Kenmerk', en: 'Reference' },
  title: { nl: 'Titel', en: 'Title' },
  supplier: { nl: 'Leverancier', en: 'Supplier' },
  contractManager: { nl: 'Contractmanager', en: 'Contract manager' },
  kind: { nl: 'Soort opdracht', en: 'Kind' },
  regime: { nl: 'Regime', en: 'Regime' },
  value: { nl: 'Opdrachtwaarde', en: 'Contract value' },
  totalValue: { nl: 'Waarde met verlengingen', en: 'Value with extensions' },
  startDate: { nl: 'Begindatum', en: 'Start date' },
  endDate: { nl: 'Einddatum', en: 'End date' },
  awardDate: { nl: 'Gunningsdatum', en: 'Award date' },
  obligation: { nl: 'Verplichting', en: 'Obligation' },
  planned: { nl: 'Gepland', en: 'Planned' },
  realised: { nl: 'Gerealiseerd', en: 'Realised' },
  verified: { nl: 'Geverifieerd', en: 'Verified' },
  expected: { nl: 'Verwacht naar rato', en: 'Expected pro rata' },
  forecast: { nl: 'Prognose', en: 'Forecast' },
  status: { nl: 'Status', en: 'Status' },
  contracts: { nl: 'Contracten', en: 'Contracts' },
  category: { nl: 'Categorie', en: 'Category' },
  period: { nl: 'Halfjaar', en: 'Half-year' },
  activityType: { nl: 'Activiteit (code)', en: 'Activity (code)' },
  method: { nl: 'Methode', en: 'Method' },
  description: { nl: 'Omschrijving', en: 'Description' },
  fte: { nl: 'FTE', en: 'FTE' },
  months: { nl: 'Maanden', en: 'Months' },
  units: { nl: 'Aantal', en: 'Units' },
  hours: { nl: 'Uren', en: 'Hours' },
  amount: { nl: 'Bedrag', en: 'Amount' },
  candidate: { nl: 'Kandidaat (code)', en: 'Candidate (code)' },
  targetGroup: { nl: 'Doelgroep', en: 'Target group' },
  valueCents: { nl: 'Waarde', en: 'Value' },
  rule: { nl: 'Regel', en: 'Rule' },
  explanation: { nl: 'Toelichting', en: 'Explanation' },
  verification: { nl: 'Beoordeling', en: 'Verification' },
  verificationReason: { nl: 'Reden beoordeling', en: 'Verification reason' },
  verifiedAt: { nl: 'Beoordeeld op', en: 'Verified at' },
  createdAt: { nl: 'Vastgelegd op', en: 'Recorded at' },
  measure: { nl: 'Onderdeel', en: 'Measure' },
  at: { nl: 'Tijdstip', en: 'At' },
  actor: { nl: 'Door', en: 'By' },
  action: { nl: 'Handeling', en: 'Action' },
  objectType: { nl: 'Soort object', en: 'Object type' },
  objectId: { nl: 'Object', en: 'Object' },
  details: { nl: 'Details', en: 'Details' },
  ip: { nl: 'IP-adres', en: 'IP address' },
} satisfies Record<string, Text>;

const words = {
  status: {
    met: { nl: 'Voldaan', en: 'Met' },
    notMet: { nl: 'Niet voldaan', en: 'Not met' },
    behind: { nl: 'Loopt achter', en: 'Behind' },
    onTrack: { nl: 'Op schema', en: 'On track' },
  },
  regime: {
    none: { nl: 'Geen verplichting', en: 'No obligation' },
    trust: { nl: 'Op goed vertrouwen', en: 'Trust' },
    plan: { nl: 'Plan van aanpak', en: 'Plan of approach' },
  },
  category: {
    employment: { nl: 'Werkgelegenheid', en: 'Employment' },
    participation: { nl: 'Participatie en leren', en: 'Participation and learning' },
    socialDomain: { nl: 'Sociaal domein', en: 'Social domain' },
    socialEnterprise: { nl: 'Sociaal ondernemen', en: 'Social enterprise' },
  },
  verification: {
    pending: { nl: 'Te beoordelen', en: 'To be verified' },
    accepted: { nl: 'Geaccepteerd', en: 'Accepted' },
    rejected: { nl: 'Afgewezen', en: 'Rejected' },
    moreInfo: { nl: 'Meer informatie nodig', en: 'More information needed' },
  },
  kind: {
    works: { nl: 'Werken', en: 'Works' },
    servicesAndSupplies: { nl: 'Diensten en leveringen', en: 'Services and supplies' },
  },
  planStatus: {
    none: { nl: 'Geen plan', en: 'No plan' },
    draft: { nl: 'Concept', en: 'Draft' },
    submitted: { nl: 'Ingediend', en: 'Submitted' },
    approved: { nl: 'Goedgekeurd', en: 'Approved' },
    returned: { nl: 'Teruggestuurd', en: 'Returned' },
  },
  reportStatus: {
    open: { nl: 'Open', en: 'Open' },
    submitted: { nl: 'Ingediend', en: 'Submitted' },
    closed: { nl: 'Afgesloten', en: 'Closed' },
    overdue: { nl: 'Te laat', en: 'Overdue' },
  },
} satisfies Record<string, Record<string, Text>>;

/** A code's word in the language; an unknown code as it is. */
export function word(kind: keyof typeof words, code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const entry = (words[kind] as Record<string, Text>)[code];
  return entry ? entry[lang] : code;
}

/** `2026-H1` as `1e halfjaar 2026` / `H1 2026`. */
export function halfYearText(period: string, lang: Lang): string {
  const m = /^(\d{4})-H([12])$/.exec(period);
  if (!m) return period;
  return lang === 'nl' ? `${m[2]}e halfjaar ${m[1]}` : `H${m[2]} ${m[1]}`;
}
