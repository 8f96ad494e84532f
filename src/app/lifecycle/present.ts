import type { ContractWithNames, ExtensionRow } from '../../db/repositories/contracts.ts';
import { effectiveEndDate } from '../../db/repositories/contracts.ts';
import type { ActivityRow } from '../../db/repositories/activities.ts';
import type { ReportRow } from '../../db/repositories/reports.ts';
import type { SupplierContact, SupplierRow } from '../../db/repositories/suppliers.ts';

export function presentSupplier(row: SupplierRow) {
  return {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvkNumber,
    contacts: (row.contacts ?? []) as SupplierContact[],
    createdAt: row.createdAt.toISOString(),
  };
}
export type SupplierView = ReturnType<typeof presentSupplier>;

export function presentContract(
  c: ContractWithNames,
  extensions: readonly ExtensionRow[],
  policyVersion: number,
) {
  const extra = extensions.reduce((sum, x) => sum + x.valueCents, 0);
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    supplierId: c.supplierId,
    supplierName: c.supplierName,
    contractManagerId: c.contractManagerId,
    contractManagerName: c.contractManagerName,
    kind: c.kind as 'works' | 'servicesAndSupplies',
    /** Value at award, excl. VAT. */
    valueCents: c.valueCents,
    /** Value at award plus extensions. */
    totalValueCents: c.valueCents + extra,
    startDate: c.startDate,
    /** End date after extensions. */
    endDate: effectiveEndDate(c, extensions),
    originalEndDate: c.endDate,
    /** The latest end date options may reach (not the end; decision 022). */
    maxExtentDate: c.maxExtentDate,
    awardDate: c.awardDate,
    regime: c.regime as 'none' | 'trust' | 'plan',
    obligationCents: c.obligationCents,
    obligation: {
      amountCents: c.obligationCents,
      regime: c.regime as 'none' | 'trust' | 'plan',
      policyVersion,
      policyVersionId: c.policyVersionId,
      ruleId: c.obligationRuleId,
      explanation: c.obligationExplanation,
      explanationNl: c.obligationExplanationNl ?? c.obligationExplanation,
    },
    extensions: extensions.map((x) => ({
      id: x.id,
      valueCents: x.valueCents,
      endDate: x.endDate,
      note: x.note,
      createdAt: x.createdAt.toISOString(),
    })),
    createdAt: c.createdAt.toISOString(),
  };
}
export type ContractView = ReturnType<typeof presentContract>;

export function presentReport(r: ReportRow, currentVersion: number) {
  return {
    id: r.id,
    contractId: r.contractId,
    period: r.period,
    version: r.version,
    /** False for a version replaced by a correction: kept as history, no longer counted. */
    current: r.version === currentVersion,
    status: r.status as 'open' | 'submitted' | 'closed' | 'overdue',
    dueDate: r.dueDate,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    revision: r.revision,
  };
}
export type ReportView = ReturnType<typeof presentReport>;

const num = (v: string | null) => (v === null ? null : Number(v));

export function presentActivity(a: ActivityRow) {
  return {
    id: a.id,
    contractId: a.contractId,
    reportId: a.reportId,
    period: a.period,
    typeCode: a.typeCode,
    category: a.category,
    method: a.method,
    fte: num(a.fte),
    months: num(a.months),
    units: a.units,
    hours: num(a.hours),
    amountCents: a.amountCents,
    validFrom: a.validFrom,
    validTo: a.validTo,
    startDate: a.startDate,
    endDate: a.endDate,
    candidate: a.candidateCode
      ? {
          code: a.candidateCode,
          targetGroup: a.targetGroup,
          startDate: a.candidateStart,
          endDate: a.candidateEnd,
          hoursPerWeek: num(a.candidateHoursPerWeek),
        }
      : null,
    targetGroup: a.method === 'targetGroupYear' ? a.targetGroup : null,
    hoursPerWeek: a.method === 'targetGroupYear' ? num(a.candidateHoursPerWeek) : null,
    bonuses: a.bonuses ?? null,
    countedMonths: num(a.countedMonths),
    description: a.description,
    valueCents: a.valueCents,
    valuation: {
      valueCents: a.valueCents,
      ruleId: a.ruleId,
      explanation: a.explanation,
      explanationNl: a.explanationNl ?? a.explanation,
    },
    verification: a.verification as 'pending' | 'accepted' | 'rejected' | 'moreInfo',
    verificationReason: a.verificationReason,
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    /** The supplier's answer to a request for more information. */
    supplierReply: a.supplierReply,
    repliedAt: a.repliedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
export type ActivityView = ReturnType<typeof presentActivity> & {
  /** The confirmed marketplace pledge this activity came from, when it did. */
  pledge?: { id: string; initiativeName: string } | null;
};
