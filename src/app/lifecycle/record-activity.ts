import { DomainError, invalid } from '../../domain/errors.ts';
import {
  activityTypeByCode,
  checkCandidateFte,
  halfYearRange,
  isHalfYear,
  ContractValuation,
  type ActivityInput,
  type Valuation,
} from '../../domain/index.ts';
import { lockCandidateCap } from '../../db/repositories/target-groups.ts';
import {
  insertActivity,
  lockCandidate,
  lockSupplierActivities,
  storedCandidateUses,
  type NewActivity,
} from '../../db/repositories/activities.ts';
import { listExtensions, effectiveEndDate } from '../../db/repositories/contracts.ts';
import { currentReportOfPeriod, editableReportStates, lockReport } from '../../db/repositories/reports.ts';
import { isoDay } from '../clock.ts';
import type { Tx } from '../../db/client.ts';
import type { ContractWithNames } from '../../db/repositories/contracts.ts';
import { defineUseCase } from '../use-case.ts';
import { checkCandidate, type CandidateInput } from './candidate.ts';
import { ActivityLedger, type CandidateLookup } from './activity-ledger.ts';
import { contractPolicy, type LoadedPolicy } from './contract-policy.ts';
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
 * confirmed marketplace pledge becomes an activity, so a single activity is valued in one place
 * only; a file import checks its rows with the same `checkActivity` and saves them together
 * (decision 028).
 */
export async function insertValuedActivity(
  tx: Tx,
  now: Date,
  createdBy: string,
  contract: ContractWithNames,
  input: Omit<RecordActivityInput, 'contractId'>,
) {
  const { valuation, values } = await checkedActivity(tx, now, contract, input);
  const row = await insertActivity(tx, { ...values, createdBy });
  return { row, valuation };
}

/**
 * Every check and the valuation of one activity, and the row it would be; nothing saved. Takes the
 * supplier's lock shared (an import of the same supplier holds it exclusive) and the candidate's
 * locks, then reads what the candidate already counts for.
 */
async function checkedActivity(
  tx: Tx,
  now: Date,
  contract: ContractWithNames,
  input: Omit<RecordActivityInput, 'contractId'>,
) {
  const tenantId = contract.tenantId;
  await lockSupplierActivities(tx, tenantId, contract.supplierId, 'shared');
  const context = await loadActivityContext(tx, now, contract, input.period);
  let code: string | undefined;
  try {
    code = checkCandidate(input.candidate)?.code;
  } catch {
    // refused by checkActivity below, before anything else is read
  }
  let lookup: CandidateLookup = new ActivityLedger(new Map());
  if (code) {
    await lockCandidateCap(tx, tenantId, contract.supplierId, code);
    await lockCandidate(tx, tenantId, contract.supplierId, code, input.period);
    lookup = new ActivityLedger(
      await storedCandidateUses(tx, tenantId, contract.supplierId, input.period, [code]),
    );
  }
  return checkActivity(context, input, lookup);
}

/** What every activity of a contract's half-year is checked against, read once (and the report locked). */
export interface ActivityContext {
  contract: ContractWithNames;
  /** The contract's policy version; undefined for a contract without obligation (refused anyway). */
  policy: LoadedPolicy | undefined;
  /** The contract's end, extensions included. */
  endDate: string;
  /** The current report of the half-year, locked; undefined outside the term. */
  report: { id: string; status: string } | undefined;
  today: string;
  /** The contract's terms checked once for all the activities valued in this context (an import's rows). */
  valuer?: ContractValuation | undefined;
}

/**
 * The context's contract prepared for valuing (made on the first activity, kept for the next). Every
 * activity is valued as reported today: only a certificate (`obligationShare`) reads that date, and
 * today is always a real date, so the others are valued as without it.
 */
function valuerOf(context: ActivityContext, loaded: LoadedPolicy): ContractValuation {
  return (context.valuer ??= new ContractValuation().start({
    contractStart: context.contract.startDate,
    contractEnd: context.endDate,
    obligationCents: context.contract.obligationCents,
    reportedOn: context.today,
    policyVersion: loaded.version,
    scale: loaded.policy,
  }));
}

/** Reads the policy version, the effective end and the half-year's report (locked) of a contract. */
export async function loadActivityContext(
  tx: Tx,
  now: Date,
  contract: ContractWithNames,
  period: string,
): Promise<ActivityContext> {
  const tenantId = contract.tenantId;
  const policy =
    contract.regime === 'none' ? undefined : await contractPolicy(tx, tenantId, contract.policyVersionId);
  const endDate = effectiveEndDate(contract, await listExtensions(tx, tenantId, contract.id));
  const current = isHalfYear(period)
    ? await currentReportOfPeriod(tx, tenantId, contract.id, period)
    : undefined;
  const report = current && (await lockReport(tx, tenantId, current.id));
  return {
    contract,
    policy,
    endDate,
    report: report ? { id: report.id, status: report.status } : undefined,
    today: isoDay(now),
  };
}

/**
 * Every check and the valuation of one activity against a loaded context and what its candidate
 * already counts for; no I/O. Throws the `DomainError` of the first rule it breaks, in the order
 * the form has always checked them; answers the valuation and the row to insert.
 */
export function checkActivity(
  context: ActivityContext,
  input: Omit<RecordActivityInput, 'contractId'>,
  candidates: CandidateLookup,
) {
  const { contract, endDate } = context;
  const tenantId = contract.tenantId;
  const candidate = checkCandidate(input.candidate);
  if (contract.regime === 'none' || !context.policy)
    throw new DomainError('INVALID_STATE', 'This contract has no social return obligation to report on.');
  const loaded = context.policy;
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
  let usage: { fteInPeriod: number; targetGroups: string[] } | undefined;
  let monthsCountedBefore: number | undefined;
  if (candidate) {
    usage = candidates.usage(candidate.code);
    const known = usage.targetGroups[0];
    if (targetGroup && known && known !== targetGroup)
      throw invalid('A candidate counts in one target group only.', [
        {
          name: groupField,
          reason: `candidate ${candidate.code} is already recorded in target group "${known}"`,
        },
      ]);
    if (!byGroup) targetGroup ??= known ?? null;
    if (byGroup && targetGroup) monthsCountedBefore = candidates.monthsCounted(candidate.code, targetGroup);
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
  const valuation = valuerOf(context, loaded).valuation(type, quantities, input.period);
  const report = context.report;
  if (!report) {
    // inside the term (valued above): its report is made when the half-year begins (decision 035)
    const begins = halfYearRange(input.period).start;
    throw invalid('No report for this half-year.', [
      {
        name: 'period',
        reason:
          context.today < begins
            ? `${input.period} has not begun: its report opens on ${begins}`
            : `the ${input.period} report opens within minutes of the half-year's start: try again shortly`,
      },
    ]);
  }
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
  } satisfies NewActivity;
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
