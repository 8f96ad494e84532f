import { randomUUID } from 'node:crypto';
import { DomainError, invalid } from '../../domain/errors.ts';
import { isHalfYear } from '../../domain/index.ts';
import {
  lockSupplierActivities,
  removeImportedActivities,
  storedCandidateUses,
} from '../../db/repositories/activities.ts';
import { openActivitySink } from '../../db/repositories/activity-bulk.ts';
import { currentReportOfPeriod, editableReportStates, lockReport } from '../../db/repositories/reports.ts';
import { activityColumns, activityFields, columnOfField } from '../../import/activity-sheet.ts';
import { readSheet } from '../../import/sheet.ts';
import { readTableRowByRow, type Lang, type RowError } from '../../import/table.ts';
import { cleanUpContent, defaultMaxUploadBytes, evidenceStore } from '../evidence/evidence-store.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { ActivityLedger } from './activity-ledger.ts';
import { checkActivity, loadActivityContext } from './record-activity.ts';
import { audit, requireContract } from './scope.ts';

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
 * A half-year's activities from a CSV or XLSX file (issue 12, decisions 021 and 028). Every row is
 * checked and valued by `checkActivity`, exactly as the activity form, in file order: what the
 * supplier's candidates already count for is read once, and a ledger adds what each accepted row
 * uses, so a candidate counts once across the rows and the caps see the rows before, as if each had
 * been inserted in turn. The accepted rows are then saved with a few multi-row inserts. All of it
 * happens in one transaction under the supplier's exclusive lock (single entries take it shared),
 * after the rows of an earlier import of this report are removed (a corrected file replaces them).
 * With any error, or as a dry run, the transaction is rolled back: the answer lists each row's value
 * and each error as `{ row, column, reason }`, and nothing is saved.
 */
export const importActivities = defineUseCase<ImportActivitiesInput, ImportResult>({
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
    const table = readTableRowByRow(sheet, activityColumns, input.lang);
    const batch = randomUUID();
    const removedKeys: string[] = [];
    let result: ImportResult;
    try {
      result = await deps.db.transaction(async (tx) => {
        const contract = await requireContract(tx, actor, input.contractId);
        await lockSupplierActivities(tx, tenantId, contract.supplierId, 'exclusive');
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
        const removed = await removeImportedActivities(tx, tenantId, report.id);
        removedKeys.push(...removed.storageKeys);
        const replaced = removed.removed;
        const now = deps.now();
        const context = await loadActivityContext(tx, now, contract, input.period);
        // every stored use of the supplier's candidates: the file's are known only as it is read
        const ledger = new ActivityLedger(
          await storedCandidateUses(tx, tenantId, contract.supplierId, input.period, 'all'),
        );
        // the table adds a row's cell errors when the row is read; the checks add theirs
        const errors: RowError[] = table.errors;
        const items: ImportedRow[] = [];
        const start = now.getTime();
        // Accepted rows go to the database while the next ones are checked (decision 032); the
        // first refused row stops that, and the transaction is rolled back at the end.
        let sink = errors.length || input.dryRun ? undefined : openActivitySink(tx);
        try {
          let index = -1;
          for (const { row, values: cells } of table.rows) {
            index++;
            if (sink && errors.length) {
              await sink.abort();
              sink = undefined;
            }
            const fields = activityFields(cells);
            try {
              const { valuation, values } = checkActivity(
                context,
                { ...fields, period: input.period },
                ledger,
              );
              ledger.add(values);
              items.push({
                row,
                typeCode: fields.typeCode,
                valueCents: valuation.valueCents,
                explanation: input.lang === 'nl' ? valuation.explanationNl : valuation.explanation,
              });
              const sent = sink?.write({
                ...values,
                createdBy: actor.userId,
                importBatch: batch,
                createdAt: new Date(start + index),
              });
              if (sent) await sent;
            } catch (error) {
              if (!(error instanceof DomainError) || !['VALIDATION', 'INVALID_STATE'].includes(error.code))
                throw error;
              await sink?.abort();
              sink = undefined;
              const issues = error.issues.length ? error.issues : [{ name: '', reason: error.message }];
              for (const issue of issues) {
                // the half-year is the address's, not a column: its reasons belong to the row
                const key = columnOfField(issue.name);
                const column =
                  key && key !== 'period' ? (table.headers[key] ?? headerOf(key, input.lang)) : '';
                errors.push({ row, column, reason: issue.reason });
              }
            }
          }
        } catch (error) {
          // the connection is busy with the COPY until it is ended or given up
          await sink?.abort();
          throw error;
        }
        if (errors.length) await sink?.abort(); // a refused last row is known once the rows are read
        errors.sort((a, b) => a.row - b.row);
        const valueCents = items.reduce((sum, i) => sum + i.valueCents, 0);
        const outcome = { rows: table.count, valueCents, replaced, items, errors };
        if (!sink || errors.length) throw new Undo({ ...outcome, created: 0 });
        const created = await sink.end();
        await audit(tx, actor, 'activity.import', 'report', report.id, {
          contractId: contract.id,
          period: input.period,
          importBatch: batch,
          format: sheet.format,
          created,
          replaced,
          valueCents,
        });
        return { ...outcome, created };
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

const headerOf = (key: string, lang: Lang) => activityColumns.find((c) => c.key === key)?.header[lang] ?? key;
