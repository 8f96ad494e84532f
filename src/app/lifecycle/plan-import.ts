import { DomainError } from '../../domain/errors.ts';
import { savePlanDraft, type StoredPlanItem } from '../../db/repositories/plans.ts';
import { activityFields, columnOfField, planColumns } from '../../import/activity-sheet.ts';
import { readSheet } from '../../import/sheet.ts';
import { readTable, type Lang, type RowError } from '../../import/table.ts';
import { defaultMaxUploadBytes } from '../evidence/evidence-store.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import type { ImportedRow, ImportResult } from './import-activities.ts';
import { editablePlan, planContract, valueItems, type PlanItemInput } from './plan.ts';
import { audit } from './scope.ts';

/**
 * The draft plan from the filled-in plan template (issue 12, decision 021): every row a plan item,
 * valued by `valueItems` exactly as `PUT /contracts/{id}/plan`; the items replace the draft's items
 * (an import twice leaves one set). With any error, or as a dry run, nothing is saved.
 */
export const importPlan = defineUseCase<
  { contractId: string; bytes: Uint8Array; dryRun: boolean; lang: Lang },
  ImportResult
>({
  name: 'plan.import',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    await planContract(deps.db, actor, input.contractId);
    const sheet = await readSheet(input.bytes, deps.config.maxUploadBytes ?? defaultMaxUploadBytes);
    const table = readTable(sheet, planColumns, input.lang);
    return deps.db.transaction(async (tx) => {
      const { contract, plan } = await editablePlan(tx, actor, input.contractId);
      const errors: RowError[] = [...table.errors];
      const items: ImportedRow[] = [];
      const stored: StoredPlanItem[] = [];
      for (const { row, values } of table.rows) {
        const {
          candidate: _c,
          description: _d,
          startDate: _s,
          endDate: _e,
          ...fields
        } = activityFields(values);
        const item: PlanItemInput = {
          ...fields,
          period: typeof values.period === 'string' ? values.period : '',
        };
        try {
          const [valued] = await valueItems(tx, tenantId, contract, [item]);
          if (!valued) continue;
          stored.push(valued);
          const explanation = (input.lang === 'nl' && valued.explanationNl) || valued.explanation;
          items.push({ row, typeCode: valued.typeCode, valueCents: valued.valueCents, explanation });
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
          for (const issue of error.issues) {
            const key = columnOfField(issue.name.replace(/^items\.\d+\./, ''));
            const column = key
              ? (table.headers[key] ?? planColumns.find((c) => c.key === key)?.header[input.lang] ?? key)
              : '';
            errors.push({ row, column, reason: issue.reason });
          }
        }
      }
      errors.sort((a, b) => a.row - b.row);
      const valueCents = items.reduce((sum, i) => sum + i.valueCents, 0);
      const replaced = ((plan?.items ?? []) as unknown[]).length;
      const result = { rows: table.count, created: 0, valueCents, replaced, items, errors };
      if (errors.length || input.dryRun) return result;
      const saved = await savePlanDraft(tx, {
        tenantId,
        contractId: contract.id,
        items: stored,
        plannedCents: valueCents,
        now: deps.now(),
      });
      await audit(tx, actor, 'plan.import', 'plan', saved.id, {
        format: sheet.format,
        items: stored.length,
        replaced,
        plannedCents: valueCents,
      });
      return { ...result, created: stored.length };
    });
  },
});
