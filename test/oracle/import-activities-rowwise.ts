/**
 * The report import as it was before decision 028: every row checked, valued and inserted one by
 * one through the activity form's own queries (candidate usage read from the database per row, so
 * a row sees the rows before it). Kept outside src as the oracle that the set-based import of
 * `src/app/lifecycle/import-activities.ts` must equal (test/api/report-import-oracle.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { DomainError, invalid } from '../../src/domain/errors.ts';
import {
  activityTypeByCode,
  checkCandidateFte,
  isHalfYear,
  valueActivity,
  type ActivityInput,
} from '../../src/domain/index.ts';
import type { Tx } from '../../src/db/client.ts';
import {
  candidateUsage,
  deleteActivityRows,
  importedActivityIds,
  insertActivity,
  lockCandidate,
} from '../../src/db/repositories/activities.ts';
import {
  effectiveEndDate,
  listExtensions,
  type ContractWithNames,
} from '../../src/db/repositories/contracts.ts';
import {
  deleteEvidenceRow,
  listEvidenceOfActivity,
  lockContent,
} from '../../src/db/repositories/evidence.ts';
import {
  currentReportOfPeriod,
  editableReportStates,
  lockReport,
} from '../../src/db/repositories/reports.ts';
import { lockCandidateCap, monthsCountedInGroup } from '../../src/db/repositories/target-groups.ts';
import { activityColumns, activityFields, columnOfField } from '../../src/import/activity-sheet.ts';
import { readSheet } from '../../src/import/sheet.ts';
import { readTable, type Lang, type RowError } from '../../src/import/table.ts';
import { isoDay } from '../../src/app/clock.ts';
import {
  cleanUpContent,
  defaultMaxUploadBytes,
  evidenceStore,
} from '../../src/app/evidence/evidence-store.ts';
import { checkCandidate } from '../../src/app/lifecycle/candidate.ts';
import { contractPolicy } from '../../src/app/lifecycle/contract-policy.ts';
import { activityDates, type RecordActivityInput } from '../../src/app/lifecycle/record-activity.ts';
import { audit, requireContract } from '../../src/app/lifecycle/scope.ts';
import { defineUseCase, tenantOf } from '../../src/app/use-case.ts';

export interface ImportActivitiesInput {
  contractId: string;
  period: string;
  bytes: Uint8Array;
  dryRun: boolean;
  /** Language of the column names in errors about missing columns (the file's own names otherwise). */
  lang: Lang;
}

export interface ImportedRow {
  row: number;
  typeCode: string;
  valueCents: number;
  explanation: string;
}

export interface ImportResult {
  /** Rows with data in the file (header and empty rows not counted). */
  rows: number;
  /** Activities saved (0 for a dry run or a refused file). */
  created: number;
  /** The value of the valid rows: what the import adds (or would add). */
  valueCents: number;
  /** Activities of an earlier import of this report that the import replaces (or would replace). */
  replaced: number;
  /** Every valid row with its value and explanation. */
  items: ImportedRow[];
  errors: RowError[];
}

/** Thrown inside the transaction to undo it (a dry run, or a file with errors) while keeping the result. */
class Undo extends Error {
  readonly result: ImportResult;
  constructor(result: ImportResult) {
    super('undo');
    this.result = result;
  }
}

/**
 * A half-year's activities from a CSV or XLSX file (issue 12, decision 021). Every row is checked
 * and valued by `insertValuedActivity`, exactly as the activity form: in file order inside one
 * transaction, so a candidate counts once across the rows and the caps see the rows before. Rows
 * of an earlier import of this report are removed first (a corrected file replaces them). With any
 * error, or as a dry run, the transaction is rolled back: the answer lists each row's value and each
 * error as `{ row, column, reason }`, and nothing is saved.
 */
export const importActivitiesRowwise = defineUseCase<ImportActivitiesInput, ImportResult>({
  name: 'activity.import',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    if (!isHalfYear(input.period))
      throw invalid('Not a half-year.', [
        { name: 'period', reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' },
      ]);
    await requireContract(deps.db, actor, input.contractId);
    const sheet = await readSheet(input.bytes, deps.config.maxUploadBytes ?? defaultMaxUploadBytes);
    const table = readTable(sheet, activityColumns, input.lang);
    const batch = randomUUID();
    const removedKeys: string[] = [];
    let result: ImportResult;
    try {
      result = await deps.db.transaction(async (tx) => {
        const contract = await requireContract(tx, actor, input.contractId);
        const found = await currentReportOfPeriod(tx, tenantId, contract.id, input.period);
        const report = found && (await lockReport(tx, tenantId, found.id));
        if (!report)
          throw invalid('No report for this half-year.', [
            { name: 'period', reason: `${input.period} is outside the contract term` },
          ]);
        if (!editableReportStates.includes(report.status))
          throw new DomainError(
            'INVALID_STATE',
            `The ${input.period} report is ${report.status}; activities can only be imported into an open report.`,
          );
        const replaced = await removeImported(tx, tenantId, report.id, removedKeys);
        const errors = [...table.errors];
        const items: ImportedRow[] = [];
        const start = deps.now().getTime();
        for (const [index, { row, values }] of table.rows.entries()) {
          try {
            const fields = activityFields(values);
            const { valuation } = await insertValuedActivity(
              tx,
              deps.now(),
              actor.userId,
              contract,
              { ...fields, period: input.period },
              { batch, createdAt: new Date(start + index) },
            );
            items.push({
              row,
              typeCode: fields.typeCode,
              valueCents: valuation.valueCents,
              explanation: input.lang === 'nl' ? valuation.explanationNl : valuation.explanation,
            });
          } catch (error) {
            if (!(error instanceof DomainError) || !['VALIDATION', 'INVALID_STATE'].includes(error.code))
              throw error;
            const issues = error.issues.length ? error.issues : [{ name: '', reason: error.message }];
            for (const issue of issues) {
              // the half-year is the address's, not a column: its reasons belong to the row
              const key = columnOfField(issue.name);
              const column = key && key !== 'period' ? (table.headers[key] ?? headerOf(key, input.lang)) : '';
              errors.push({ row, column, reason: issue.reason });
            }
          }
        }
        errors.sort((a, b) => a.row - b.row);
        const valueCents = items.reduce((sum, i) => sum + i.valueCents, 0);
        const outcome = { rows: table.count, valueCents, replaced, items, errors };
        if (errors.length || input.dryRun) throw new Undo({ ...outcome, created: 0 });
        await audit(tx, actor, 'activity.import', 'report', report.id, {
          contractId: contract.id,
          period: input.period,
          importBatch: batch,
          format: sheet.format,
          created: items.length,
          replaced,
          valueCents,
        });
        return { ...outcome, created: items.length };
      });
    } catch (error) {
      if (error instanceof Undo) return error.result;
      throw error;
    }
    // The bytes of evidence that went with replaced rows, once nothing refers to them any more.
    const store = evidenceStore(deps);
    for (const key of removedKeys) await cleanUpContent(deps, store, key);
    return result;
  },
});

const num = (v: number | undefined) => (v === undefined ? null : String(v));

const headerOf = (key: string, lang: Lang) => activityColumns.find((c) => c.key === key)?.header[lang] ?? key;

/** Removes the rows of an earlier import (and their evidence rows); the bytes are cleaned up after commit. */
async function removeImported(tx: Tx, tenantId: string, reportId: string, removedKeys: string[]) {
  const ids = await importedActivityIds(tx, tenantId, reportId);
  for (const id of ids)
    for (const file of await listEvidenceOfActivity(tx, tenantId, id)) {
      await lockContent(tx, file.sha256);
      await deleteEvidenceRow(tx, tenantId, file.id);
      removedKeys.push(file.storageKey);
    }
  await deleteActivityRows(tx, tenantId, ids);
  return ids.length;
}

/**
 * The checks, valuation and insert of `recordActivity` inside the caller's transaction, for a
 * contract the caller has already scoped; the caller writes the audit entry. Also used when a
 * confirmed marketplace pledge becomes an activity and for every row of a file import (marked with
 * its batch, and a creation time a millisecond apart per row so lists keep the file's order), so an
 * activity is valued in one place only.
 */
async function insertValuedActivity(
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
