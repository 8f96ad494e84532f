import { DomainError, invalid } from '../../domain/errors.ts';
import {
  activityTypeByCode,
  checkCandidateFte,
  halfYearRange,
  isHalfYear,
  valueActivity,
  type ActivityInput,
  type Valuation,
} from '../../domain/index.ts';
import { lockCandidateCap, monthsCountedInGroup } from '../../db/repositories/target-groups.ts';
import { candidateUsage, insertActivity, lockCandidate } from '../../db/repositories/activities.ts';
import { listExtensions, effectiveEndDate } from '../../db/repositories/contracts.ts';
import { currentReportOfPeriod, editableReportStates, lockReport } from '../../db/repositories/reports.ts';
import { isoDay } from '../clock.ts';
import type { Tx } from '../../db/client.ts';
import type { ContractWithNames } from '../../db/repositories/contracts.ts';
import { defineUseCase } from '../use-case.ts';
import { checkCandidate, type CandidateInput } from './candidate.ts';
import { contractPolicy } from './contract-policy.ts';
import { presentActivity, type ActivityView } from './present.ts';
import { audit, requireContract } from './scope.ts';

export interface RecordActivityInput extends ActivityInput {
  contractId: string;
  typeCode: string;
  period: string;
  candidate?: CandidateInput | undefined;
  description?: string | undefined;
  /** When the activity took place (real dates); by default the half-year within the term. */
  startDate?: string | undefined;
  endDate?: string | undefined;
}

const num = (v: number | undefined) => (v === undefined ? null : String(v));

/**
 * A supplier (or advisor) reports a realised activity in a half-year: valued by the domain against
 * the contract's own policy version; the value, rule and explanation are stored with it. Refused
 * with the field named for an unknown type, a period outside the term, a report no longer open, or
 * a candidate that would count for more than 1 FTE in the half-year across the supplier's contracts.
 */
export const recordActivity = defineUseCase<RecordActivityInput, ActivityView>({
  name: 'activity.create',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    return deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId);
      const { row, valuation } = await insertValuedActivity(tx, deps.now(), actor.userId, contract, input);
      await audit(tx, actor, 'activity.create', 'activity', row.id, {
        contractId: contract.id,
        reportId: row.reportId,
        period: input.period,
        typeCode: row.typeCode,
        valueCents: valuation.valueCents,
        ruleId: valuation.ruleId,
      });
      return presentActivity(row);
    });
  },
});

/**
 * The value an activity would get, with every check of `recordActivity` (the target group's cap
 * included), saving nothing: the activity form shows it before the supplier saves.
 */
export const previewActivity = defineUseCase<RecordActivityInput, Valuation>({
  name: 'activity.preview',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    return deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId);
      return (await checkedActivity(tx, deps.now(), contract, input)).valuation;
    });
  },
});

/**
 * The checks, valuation and insert of `recordActivity` inside the caller's transaction, for a
 * contract the caller has already scoped; the caller writes the audit entry. Also used when a
 * confirmed marketplace pledge becomes an activity and for every row of a file import (marked with
 * its batch, and a creation time a millisecond apart per row so lists keep the file's order), so an
 * activity is valued in one place only.
 */
export async function insertValuedActivity(
  tx: Tx,
  now: Date,
  createdBy: string,
  contract: ContractWithNames,
  input: Omit<RecordActivityInput, 'contractId'>,
  imported?: { batch: string; createdAt: Date },
) {
  const { valuation, values } = await checkedActivity(tx, now, contract, input);
  const row = await insertActivity(tx, {
    ...values,
    createdBy,
    ...(imported ? { importBatch: imported.batch, createdAt: imported.createdAt } : {}),
  });
  return { row, valuation };
}

/** Every check and the valuation of an activity, and the row it would be; nothing saved. */
async function checkedActivity(
  tx: Tx,
  now: Date,
  contract: ContractWithNames,
  input: Omit<RecordActivityInput, 'contractId'>,
) {
  const tenantId = contract.tenantId;
  const candidate = checkCandidate(input.candidate);
  const today = isoDay(now);
  if (contract.regime === 'none')
    throw new DomainError('INVALID_STATE', 'This contract has no social return obligation to report on.');
  const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
  const type = activityTypeByCode(loaded.policy, input.typeCode);
  if (!type)
    throw invalid(`Unknown activity type ${input.typeCode}.`, [
      {
        name: 'typeCode',
        reason: `is not in the catalogue of policy version ${loaded.version} that this contract follows`,
      },
    ]);
  if (!isHalfYear(input.period))
    throw invalid('Not a half-year.', [
      { name: 'period', reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' },
    ]);
  const endDate = effectiveEndDate(contract, await listExtensions(tx, tenantId, contract.id));
  const byGroup = type.method === 'targetGroupYear';
  if ((type.method === 'fteYear' || byGroup) && !candidate)
    throw invalid('Work by a person records a pseudonymous candidate.', [
      { name: 'candidate', reason: 'is required for this activity type (a pseudonymous code)' },
    ]);
  // targetGroupYear takes group and hours at the top level (api.md); the candidate object may say the same
  const groupField = byGroup ? 'targetGroup' : 'candidate.targetGroup';
  const hoursPerWeek = byGroup
    ? sameValue('hoursPerWeek', input.hoursPerWeek, candidate?.hoursPerWeek)
    : undefined;
  let targetGroup = byGroup
    ? sameValue('targetGroup', input.targetGroup, candidate?.targetGroup)
    : (candidate?.targetGroup ?? null);
  let usage: Awaited<ReturnType<typeof candidateUsage>> | undefined;
  let monthsCountedBefore: number | undefined;
  if (candidate) {
    if (byGroup) await lockCandidateCap(tx, tenantId, contract.supplierId, candidate.code);
    await lockCandidate(tx, tenantId, contract.supplierId, candidate.code, input.period);
    usage = await candidateUsage(tx, tenantId, contract.supplierId, candidate.code, input.period);
    const known = usage.targetGroups[0];
    if (targetGroup && known && known !== targetGroup)
      throw invalid('A candidate counts in one target group only.', [
        {
          name: groupField,
          reason: `candidate ${candidate.code} is already recorded in target group "${known}"`,
        },
      ]);
    if (!byGroup) targetGroup ??= known ?? null;
    if (byGroup && targetGroup)
      monthsCountedBefore = await monthsCountedInGroup(
        tx,
        tenantId,
        contract.supplierId,
        candidate.code,
        targetGroup,
      );
  }
  const quantities: ActivityInput = {
    fte: input.fte,
    months: input.months,
    units: input.units,
    hours: input.hours,
    amountCents: input.amountCents,
    validFrom: input.validFrom,
    validTo: input.validTo,
    targetGroup: byGroup ? (targetGroup ?? undefined) : input.targetGroup,
    hoursPerWeek: byGroup ? hoursPerWeek : input.hoursPerWeek,
    bonuses: input.bonuses,
    monthsCountedBefore,
  };
  const valuation = valueActivity(type, quantities, {
    contractStart: contract.startDate,
    contractEnd: endDate,
    obligationCents: contract.obligationCents,
    period: input.period,
    reportedOn: type.method === 'obligationShare' ? today : undefined,
    policyVersion: loaded.version,
    scale: loaded.policy,
  });
  const current = await currentReportOfPeriod(tx, tenantId, contract.id, input.period);
  const report = current && (await lockReport(tx, tenantId, current.id));
  if (!report)
    throw invalid('No report for this half-year.', [
      { name: 'period', reason: `${input.period} is outside the contract term` },
    ]);
  if (!editableReportStates.includes(report.status))
    throw invalid(`The ${input.period} report is ${report.status}.`, [
      {
        name: 'period',
        reason: `the ${input.period} report is ${report.status}; activities can only be added to an open report (ask for a correction)`,
      },
    ]);
  const dates = activityDates(input, contract.startDate, endDate);
  const fte = byGroup ? valuation.fte : input.fte;
  if (usage && (type.method === 'fteYear' || byGroup) && fte !== undefined) {
    const check = checkCandidateFte(usage.fteInPeriod, fte);
    if (!check.ok)
      throw invalid('No double counting of a candidate.', [
        { name: byGroup ? 'hoursPerWeek' : 'fte', reason: check.reason },
      ]);
  }
  const values = {
    tenantId,
    contractId: contract.id,
    reportId: report.id,
    typeCode: type.code,
    category: type.category,
    method: type.method,
    period: input.period,
    fte: num(fte),
    months: num(input.months),
    units: input.units ?? null,
    hours: num(input.hours),
    amountCents: input.amountCents ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    startDate: dates.start,
    endDate: dates.end,
    candidateCode: candidate?.code ?? null,
    targetGroup,
    candidateStart: candidate?.startDate ?? null,
    candidateEnd: candidate?.endDate ?? null,
    candidateHoursPerWeek: num(hoursPerWeek ?? candidate?.hoursPerWeek ?? undefined),
    bonuses: byGroup ? [...(input.bonuses ?? [])] : null,
    countedMonths: num(valuation.countedMonths),
    description: input.description?.trim() ?? '',
    valueCents: valuation.valueCents,
    ruleId: valuation.ruleId,
    explanation: valuation.explanation,
    explanationNl: valuation.explanationNl,
  } satisfies Parameters<typeof insertActivity>[1];
  return { valuation, values };
}

/** A field given both at the top level and in the candidate object must say the same. */
function sameValue<T extends string | number>(
  name: string,
  top: T | undefined,
  inCandidate: T | null | undefined,
): T | undefined {
  if (top !== undefined && inCandidate !== undefined && inCandidate !== null && top !== inCandidate)
    throw invalid(`${name} is given twice.`, [
      { name, reason: `differs from candidate.${name} (${inCandidate}); give it once` },
    ]);
  return top ?? inCandidate ?? undefined;
}

/**
 * The dates of an activity: inside its half-year and the contract term, the end not before the
 * start. Left out, they are the part of the half-year inside the term.
 */
export function activityDates(
  input: { period: string; startDate?: string | undefined; endDate?: string | undefined },
  contractStart: string,
  contractEnd: string,
): { start: string; end: string } {
  const range = halfYearRange(input.period);
  const first = range.start > contractStart ? range.start : contractStart;
  const last = range.end < contractEnd ? range.end : contractEnd;
  const start = input.startDate ?? first;
  const end = input.endDate ?? last;
  const where = `inside ${input.period} and the contract term (${first} to ${last})`;
  for (const [name, value] of [
    ['startDate', start],
    ['endDate', end],
  ] as const)
    if (value < first || value > last)
      throw invalid('The activity falls outside its half-year or the contract.', [
        { name, reason: `must be ${where}` },
      ]);
  if (end < start)
    throw invalid('An activity ends on or after its start.', [
      { name: 'endDate', reason: `must not be before startDate (${start})` },
    ]);
  return { start, end };
}
