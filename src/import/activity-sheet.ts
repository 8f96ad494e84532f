import type { CellOut, ImportColumn } from './table.ts';

/**
 * The columns of a half-year report's import template: the fields the activity form posts
 * (`POST /contracts/{id}/activities`), one row per activity; the half-year comes from the address.
 * Plan items use the same columns without candidate, dates and description.
 */
export const activityColumns = [
  {
    key: 'typeCode',
    header: { nl: 'Soort activiteit', en: 'Activity type' },
    kind: 'text',
    max: 100,
    required: true,
    note: { nl: 'Code uit de lijst (blad Keuzes)', en: 'A code from the list (sheet Choices)' },
  },
  {
    key: 'candidate',
    header: { nl: 'Kandidaat', en: 'Candidate' },
    kind: 'text',
    max: 40,
    note: {
      nl: 'Pseudonieme code, nooit een BSN of naam (banen, leerplaatsen, doelgroepen)',
      en: 'A pseudonymous code, never a BSN or name (jobs, learning places, target groups)',
    },
  },
  {
    key: 'targetGroup',
    header: { nl: 'Doelgroep', en: 'Target group' },
    kind: 'text',
    max: 100,
    note: { nl: 'Code uit de lijst (per doelgroep)', en: 'A code from the list (by target group)' },
  },
  {
    key: 'hoursPerWeek',
    header: { nl: 'Uren per week', en: 'Hours per week' },
    kind: 'decimal',
    note: { nl: 'Per doelgroep', en: 'By target group' },
  },
  {
    key: 'bonuses',
    header: { nl: 'Bonussen', en: 'Bonuses' },
    kind: 'codes',
    max: 20,
    note: {
      nl: 'Codes uit de lijst, gescheiden door komma’s',
      en: 'Codes from the list, separated by commas',
    },
  },
  {
    key: 'fte',
    header: { nl: 'FTE', en: 'FTE' },
    kind: 'decimal',
    note: { nl: 'Per FTE-jaar: 0,01 tot 1,5', en: 'Per FTE-year: 0.01 to 1.5' },
  },
  {
    key: 'months',
    header: { nl: 'Maanden', en: 'Months' },
    kind: 'decimal',
    note: { nl: 'Maanden in dit halfjaar, tot 6', en: 'Months in this half-year, up to 6' },
  },
  { key: 'units', header: { nl: 'Aantal', en: 'Units' }, kind: 'integer' },
  { key: 'hours', header: { nl: 'Uren', en: 'Hours' }, kind: 'decimal' },
  {
    key: 'amount',
    header: { nl: 'Bedrag (€)', en: 'Amount (€)' },
    kind: 'euros',
    note: { nl: 'In euro’s, bijvoorbeeld 1.234,56', en: 'In euros, e.g. 1234.56' },
  },
  { key: 'validFrom', header: { nl: 'Geldig vanaf', en: 'Valid from' }, kind: 'date' },
  { key: 'validTo', header: { nl: 'Geldig tot', en: 'Valid to' }, kind: 'date' },
  { key: 'startDate', header: { nl: 'Begindatum', en: 'Start date' }, kind: 'date' },
  { key: 'endDate', header: { nl: 'Einddatum', en: 'End date' }, kind: 'date' },
  { key: 'description', header: { nl: 'Omschrijving', en: 'Description' }, kind: 'text', max: 2000 },
] as const satisfies readonly ImportColumn[];

export type ActivityColumnKey = (typeof activityColumns)[number]['key'];

const planned: readonly string[] = [
  'typeCode',
  'targetGroup',
  'hoursPerWeek',
  'bonuses',
  'fte',
  'months',
  'units',
  'hours',
  'amount',
  'validFrom',
  'validTo',
];

/** Plan items: the half-year and what is planned (no candidate, dates of realisation or description). */
export const planColumns: readonly ImportColumn<ActivityColumnKey | 'period'>[] = [
  {
    key: 'period',
    header: { nl: 'Halfjaar', en: 'Half-year' },
    kind: 'text',
    max: 7,
    required: true,
    note: { nl: 'Bijvoorbeeld 2026-H2', en: 'For example 2026-H2' },
  },
  ...activityColumns.filter((c) => planned.includes(c.key)),
];

const num = (v: CellOut | undefined) => (typeof v === 'number' ? v : undefined);
const str = (v: CellOut | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

/** One read row as the activity form's fields (the same input the form posts). */
export function activityFields(values: Partial<Record<ActivityColumnKey | 'period', CellOut>>) {
  const bonuses = values.bonuses;
  return {
    typeCode: str(values.typeCode) ?? '',
    fte: num(values.fte),
    months: num(values.months),
    units: num(values.units),
    hours: num(values.hours),
    amountCents: num(values.amount),
    validFrom: str(values.validFrom),
    validTo: str(values.validTo),
    targetGroup: str(values.targetGroup),
    hoursPerWeek: num(values.hoursPerWeek),
    bonuses: Array.isArray(bonuses) && bonuses.length ? bonuses : undefined,
    candidate: str(values.candidate),
    description: str(values.description),
    startDate: str(values.startDate),
    endDate: str(values.endDate),
  };
}

/** The column an input field's refusal belongs to (`candidate.code` → candidate, `amountCents` → amount). */
export function columnOfField(field: string): ActivityColumnKey | 'period' | undefined {
  const first = field.split('.')[0] ?? '';
  if (first === 'amountCents') return 'amount';
  if (first === 'period') return 'period';
  return activityColumns.find((c) => c.key === first)?.key;
}
