import type { ContractListItem } from '../app/lifecycle/contracts.ts';
import type { ActivityView } from '../app/lifecycle/present.ts';
import type { DashboardView } from '../app/lifecycle/progress.ts';
import type { StoredPlanItem } from '../db/repositories/plans.ts';
import { h, word } from './labels.ts';
import type { Column, Table, Text } from './table.ts';

/**
 * The tables of the exports, each from the plain answer of a use case (the JSON form's rows), so a
 * file has exactly the rows and numbers of the screen.
 */
type Amounts = {
  obligationCents?: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  expectedCents?: number;
  forecastCents?: number;
};

const cents = <R>(key: string, header: Text, value: (r: R) => number | undefined): Column<R> => ({
  key,
  header,
  type: 'cents',
  value,
});
const text = <R>(key: string, header: Text, value: Column<R>['value'], width?: number): Column<R> => ({
  key,
  header,
  type: 'text',
  value,
  ...(width ? { width } : {}),
});

function amountColumns<R extends Amounts>(
  fields: readonly (
    'obligationCents' | 'plannedCents' | 'realisedCents' | 'verifiedCents' | 'expectedCents' | 'forecastCents'
  )[],
): Column<R>[] {
  const headers = {
    obligationCents: h.obligation,
    plannedCents: h.planned,
    realisedCents: h.realised,
    verifiedCents: h.verified,
    expectedCents: h.expected,
    forecastCents: h.forecast,
  };
  return fields.map((f) => cents<R>(f, headers[f], (r) => r[f]));
}

const progressColumns = amountColumns<Amounts>([
  'obligationCents',
  'plannedCents',
  'realisedCents',
  'verifiedCents',
  'expectedCents',
  'forecastCents',
]);

/** GET /contracts: each contract with its progress today. */
export function contractListTable(items: readonly ContractListItem[]): Table<ContractListItem> {
  return {
    title: { nl: 'Contracten', en: 'Contracts' },
    rows: items,
    columns: [
      text('reference', h.reference, (c) => c.reference),
      text('title', h.title, (c) => c.title),
      text('supplierName', h.supplier, (c) => c.supplierName),
      text('contractManagerName', h.contractManager, (c) => c.contractManagerName),
      text('kind', h.kind, (c, lang) => word('kind', c.kind, lang)),
      text('regime', h.regime, (c, lang) => word('regime', c.regime, lang)),
      cents('valueCents', h.value, (c) => c.valueCents),
      cents('totalValueCents', h.totalValue, (c) => c.totalValueCents),
      { key: 'awardDate', header: h.awardDate, type: 'date', value: (c) => c.awardDate },
      { key: 'startDate', header: h.startDate, type: 'date', value: (c) => c.startDate },
      { key: 'endDate', header: h.endDate, type: 'date', value: (c) => c.endDate },
      ...progressColumns.map((col) => ({
        ...col,
        value: (c: ContractListItem) => col.value(c.progress, 'nl'),
      })),
      text('status', h.status, (c, lang) => word('status', c.progress.status, lang)),
      text('id', h.id, (c) => c.id, 38),
    ],
  };
}

type DashboardContract = DashboardView['contracts'][number];

/** GET /dashboard: totals, contracts (behind first), by category, by half-year, by supplier. */
export function dashboardTables(d: DashboardView) {
  type Total = { measure: Text; value: number; type: 'cents' | 'integer' };
  const totals: Total[] = [
    { measure: h.contracts, value: d.totals.contracts, type: 'integer' },
    { measure: h.obligation, value: d.totals.obligationCents, type: 'cents' },
    { measure: h.planned, value: d.totals.plannedCents, type: 'cents' },
    { measure: h.realised, value: d.totals.realisedCents, type: 'cents' },
    { measure: h.verified, value: d.totals.verifiedCents, type: 'cents' },
    { measure: h.expected, value: d.totals.expectedCents, type: 'cents' },
    { measure: h.forecast, value: d.totals.forecastCents, type: 'cents' },
    ...(['behind', 'onTrack', 'met', 'notMet'] as const).map((s) => ({
      measure: {
        nl: `${h.contracts.nl}: ${word('status', s, 'nl')}`,
        en: `${h.contracts.en}: ${word('status', s, 'en')}`,
      },
      value: d.totals.byStatus[s],
      type: 'integer' as const,
    })),
  ];
  const totalsTable: Table<Total> = {
    title: { nl: 'Totalen', en: 'Totals' },
    rows: totals,
    columns: [
      text('measure', h.measure, (r, lang) => r.measure[lang]),
      // amounts and counts in one column: counts are whole numbers, shown as such in the PDF
      {
        key: 'valueCents',
        header: h.amount,
        type: 'cents',
        value: (r) => (r.type === 'cents' ? r.value : null),
      },
      {
        key: 'count',
        header: { nl: 'Aantal', en: 'Count' },
        type: 'integer',
        value: (r) => (r.type === 'integer' ? r.value : null),
      },
    ],
  };
  const contractsTable: Table<DashboardContract> = {
    title: { nl: 'Contracten', en: 'Contracts' },
    rows: d.contracts,
    columns: [
      text('reference', h.reference, (c) => c.reference),
      text('title', h.title, (c) => c.title),
      text('supplierName', h.supplier, (c) => c.supplierName),
      text('regime', h.regime, (c, lang) => word('regime', c.regime, lang)),
      text('status', h.status, (c, lang) => word('status', c.status, lang)),
      ...amountColumns<DashboardContract>([
        'obligationCents',
        'plannedCents',
        'realisedCents',
        'verifiedCents',
        'expectedCents',
        'forecastCents',
      ]),
      text('id', h.id, (c) => c.id, 38),
    ],
  };
  type ByCategory = DashboardView['byCategory'][number];
  const categoryTable: Table<ByCategory> = {
    title: { nl: 'Per categorie', en: 'By category' },
    rows: d.byCategory,
    columns: [
      text('category', h.category, (r, lang) => word('category', r.category, lang)),
      ...amountColumns<ByCategory>(['plannedCents', 'realisedCents', 'verifiedCents']),
    ],
  };
  type ByHalfYear = DashboardView['byHalfYear'][number];
  const halfYearTable: Table<ByHalfYear> = {
    title: { nl: 'Per halfjaar', en: 'By half-year' },
    rows: d.byHalfYear,
    columns: [
      text('period', h.period, (r) => r.period),
      ...amountColumns<ByHalfYear>(['obligationCents', 'plannedCents', 'realisedCents', 'verifiedCents']),
    ],
  };
  type BySupplier = DashboardView['bySupplier'][number];
  const supplierTable: Table<BySupplier> = {
    title: { nl: 'Per leverancier', en: 'By supplier' },
    rows: d.bySupplier,
    columns: [
      text('supplierName', h.supplier, (r) => r.supplierName),
      { key: 'contracts', header: h.contracts, type: 'integer', value: (r) => r.contracts },
      ...amountColumns<BySupplier>([
        'obligationCents',
        'plannedCents',
        'realisedCents',
        'verifiedCents',
        'expectedCents',
      ]),
    ],
  };
  return {
    totals: totalsTable,
    contracts: contractsTable,
    byCategory: categoryTable,
    byHalfYear: halfYearTable,
    bySupplier: supplierTable,
  };
}
export type DashboardTableName = keyof ReturnType<typeof dashboardTables>;
export const dashboardTableNames = ['contracts', 'totals', 'byCategory', 'byHalfYear', 'bySupplier'] as const;

/** GET /contracts/{id}/activities: value, rule, explanation (in the language) and verification. */
export function activityTable(
  rows: readonly ActivityView[] | AsyncIterable<readonly ActivityView[]>,
): Table<ActivityView> {
  return {
    title: { nl: 'Activiteiten', en: 'Activities' },
    rows,
    columns: [
      text('period', h.period, (a) => a.period, 10),
      text('typeCode', h.activityType, (a) => a.typeCode, 18),
      text('category', h.category, (a, lang) => word('category', a.category, lang), 22),
      text('method', h.method, (a) => a.method, 12),
      text('description', h.description, (a) => a.description, 30),
      { key: 'startDate', header: h.startDate, type: 'date', value: (a) => a.startDate },
      { key: 'endDate', header: h.endDate, type: 'date', value: (a) => a.endDate },
      { key: 'fte', header: h.fte, type: 'decimal', value: (a) => a.fte },
      { key: 'months', header: h.months, type: 'decimal', value: (a) => a.months },
      { key: 'units', header: h.units, type: 'integer', value: (a) => a.units },
      { key: 'hours', header: h.hours, type: 'decimal', value: (a) => a.hours },
      cents('amountCents', h.amount, (a) => a.amountCents ?? undefined),
      text('candidate', h.candidate, (a) => a.candidate?.code ?? null, 16),
      text('targetGroup', h.targetGroup, (a) => a.candidate?.targetGroup ?? null, 18),
      cents('valueCents', h.valueCents, (a) => a.valueCents),
      text('ruleId', h.rule, (a) => a.valuation.ruleId, 18),
      text(
        'explanation',
        h.explanation,
        (a, lang) => (lang === 'nl' ? a.valuation.explanationNl : a.valuation.explanation),
        60,
      ),
      text('verification', h.verification, (a, lang) => word('verification', a.verification, lang), 20),
      text('verificationReason', h.verificationReason, (a) => a.verificationReason, 30),
      { key: 'verifiedAt', header: h.verifiedAt, type: 'dateTime', value: (a) => a.verifiedAt },
      { key: 'createdAt', header: h.createdAt, type: 'dateTime', value: (a) => a.createdAt },
      text('id', h.id, (a) => a.id, 38),
    ],
  };
}

/** The items of a plan: what the supplier will do, per half-year, with the planned value. */
export function planItemsTable(items: readonly StoredPlanItem[], title: Text): Table<StoredPlanItem> {
  return {
    title,
    rows: items,
    columns: [
      text('period', h.period, (i) => i.period),
      text('typeCode', h.activityType, (i) => i.typeCode),
      text('category', h.category, (i, lang) => word('category', i.category, lang)),
      { key: 'fte', header: h.fte, type: 'decimal', value: (i) => i.fte },
      { key: 'months', header: h.months, type: 'decimal', value: (i) => i.months },
      { key: 'units', header: h.units, type: 'integer', value: (i) => i.units },
      { key: 'hours', header: h.hours, type: 'decimal', value: (i) => i.hours },
      cents('amountCents', h.amount, (i) => i.amountCents),
      cents('valueCents', h.planned, (i) => i.valueCents),
      text('explanation', h.explanation, (i, lang) =>
        lang === 'nl' ? (i.explanationNl ?? i.explanation) : i.explanation,
      ),
    ],
  };
}

/** One audit entry as GET /audit-log answers it. */
export interface AuditEntryView {
  /** null in the closing row of a cut-short file */
  id: number | null;
  at: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export function auditLogTable(entries: readonly AuditEntryView[]): Table<AuditEntryView> {
  return {
    title: { nl: 'Auditlog', en: 'Audit log' },
    rows: entries,
    columns: [
      { key: 'id', header: h.id, type: 'integer', value: (e) => e.id },
      { key: 'at', header: h.at, type: 'dateTime', value: (e) => e.at },
      text('actorLabel', h.actor, (e) => e.actorLabel),
      text('actorUserId', { nl: 'Gebruiker (ID)', en: 'User (ID)' }, (e) => e.actorUserId),
      text('action', h.action, (e) => e.action),
      text('objectType', h.objectType, (e) => e.objectType),
      text('objectId', h.objectId, (e) => e.objectId),
      text('details', h.details, (e) => JSON.stringify(e.details)),
      text('ip', h.ip, (e) => e.ip),
    ],
  };
}
