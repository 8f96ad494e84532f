import { DomainError, invalid } from '../../domain/errors.ts';
import {
  activityTypeByCode,
  checkCandidateFte,
  isHalfYear,
  valueActivity,
  type ActivityInput,
} from '../../domain/index.ts';
import { candidateUsage, insertActivity, lockCandidate } from '../../db/repositories/activities.ts';
import { listExtensions, effectiveEndDate } from '../../db/repositories/contracts.ts';
import { currentReportOfPeriod, editableReportStates, lockReport } from '../../db/repositories/reports.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
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
    const tenantId = tenantOf(actor);
    const candidate = checkCandidate(input.candidate);
    const today = isoDay(deps.now());
    return deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId);
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
      const quantities: ActivityInput = {
        fte: input.fte,
        months: input.months,
        units: input.units,
        hours: input.hours,
        amountCents: input.amountCents,
        validFrom: input.validFrom,
        validTo: input.validTo,
      };
      const valuation = valueActivity(type, quantities, {
        contractStart: contract.startDate,
        contractEnd: endDate,
        obligationCents: contract.obligationCents,
        period: input.period,
        reportedOn: type.method === 'obligationShare' ? today : undefined,
        policyVersion: loaded.version,
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
      if (type.method === 'fteYear' && !candidate)
        throw invalid('Work by a person records a pseudonymous candidate.', [
          { name: 'candidate', reason: 'is required for this activity type (a pseudonymous code)' },
        ]);
      let targetGroup = candidate?.targetGroup ?? null;
      if (candidate) {
        await lockCandidate(tx, tenantId, contract.supplierId, candidate.code, input.period);
        const usage = await candidateUsage(tx, tenantId, contract.supplierId, candidate.code, input.period);
        const known = usage.targetGroups[0];
        if (targetGroup && known && known !== targetGroup)
          throw invalid('A candidate counts in one target group only.', [
            {
              name: 'candidate.targetGroup',
              reason: `candidate ${candidate.code} is already recorded in target group "${known}"`,
            },
          ]);
        targetGroup ??= known ?? null;
        if (type.method === 'fteYear' && input.fte !== undefined) {
          const check = checkCandidateFte(usage.fteInPeriod, input.fte);
          if (!check.ok)
            throw invalid('No double counting of a candidate.', [{ name: 'fte', reason: check.reason }]);
        }
      }
      const row = await insertActivity(tx, {
        tenantId,
        contractId: contract.id,
        reportId: report.id,
        typeCode: type.code,
        category: type.category,
        method: type.method,
        period: input.period,
        fte: num(input.fte),
        months: num(input.months),
        units: input.units ?? null,
        hours: num(input.hours),
        amountCents: input.amountCents ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        candidateCode: candidate?.code ?? null,
        targetGroup,
        description: input.description?.trim() ?? '',
        valueCents: valuation.valueCents,
        ruleId: valuation.ruleId,
        explanation: valuation.explanation,
        explanationNl: valuation.explanationNl,
        createdBy: actor.userId,
      });
      await audit(tx, actor, 'activity.create', 'activity', row.id, {
        contractId: contract.id,
        reportId: report.id,
        period: input.period,
        typeCode: type.code,
        valueCents: valuation.valueCents,
        ruleId: valuation.ruleId,
      });
      return presentActivity(row);
    });
  },
});
