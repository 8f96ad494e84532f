import { DomainError, invalid, type Issue } from '../../domain/errors.ts';
import {
  halfYearsBetween,
  isIsoDate,
  reportDueDate,
  type Obligation,
  type Regime,
} from '../../domain/index.ts';
import type { Tx } from '../../db/client.ts';
import {
  contractByReference,
  contractInScope,
  insertContract,
  type ContractRow,
} from '../../db/repositories/contracts.ts';
import { isContractManager } from '../../db/repositories/contract-managers.ts';
import { policyVersionOn, type StoredPolicyVersion } from '../../db/repositories/policies.ts';
import { insertReports } from '../../db/repositories/reports.ts';
import { supplierById } from '../../db/repositories/suppliers.ts';
import type { Actor } from '../actor.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { loadPolicy, type LoadedPolicy } from './contract-policy.ts';
import { obligationOf } from './obligation-of.ts';
import { presentContract, type ContractView } from './present.ts';
import { audit, isUniqueViolation, scopeOf } from './scope.ts';

export interface CreateContractInput {
  reference: string;
  title: string;
  supplierId: string;
  valueCents: number;
  startDate: string;
  endDate: string;
  awardDate?: string | undefined;
  kind?: 'works' | 'servicesAndSupplies' | undefined;
  contractManagerId?: string | null | undefined;
  /** The latest end date options may reach: a possible extension, not the end (decision 022). */
  maxExtentDate?: string | null | undefined;
}

/** Largest amount Retour accepts anywhere: €10 billion. */
export const maxAmountCents = 1_000_000_000_000;

/**
 * The half-years of a contract's term that have begun by `today` and have no report yet, each with
 * its due date (`reportDueDays` after the period, default 31 Jan / 31 Jul). A half-year that has not
 * begun gets its report when it begins (the deadline job, decision 035). A contract without social
 * return (`none`) gets no reports. Pure: the award, the contract import, an extension and the job
 * all plan with it.
 */
export function missingReports(args: {
  regime: Regime | string;
  startDate: string;
  endDate: string;
  existing: ReadonlySet<string>;
  loaded: LoadedPolicy;
  today: string;
}): { period: string; dueDate: string }[] {
  if (args.regime === 'none' || args.today < args.startDate) return [];
  const last = args.endDate < args.today ? args.endDate : args.today;
  return halfYearsBetween(args.startDate, last)
    .filter((p) => !args.existing.has(p))
    .map((period) => ({ period, dueDate: reportDueDate(period, args.loaded.policy.reportDueDays) }));
}

/**
 * Makes the semi-annual reports of the half-years of the term that have begun by `today` and do not
 * exist yet ({@link missingReports}); returns their periods.
 */
export async function addMissingReports(
  tx: Tx,
  args: {
    tenantId: string;
    contractId: string;
    regime: Regime | string;
    startDate: string;
    endDate: string;
    existing: ReadonlySet<string>;
    loaded: LoadedPolicy;
    today: string;
  },
): Promise<string[]> {
  const due = missingReports(args);
  await insertReports(
    tx,
    due.map((r) => ({ tenantId: args.tenantId, contractId: args.contractId, ...r })),
  );
  return due.map((r) => r.period);
}

const duplicate = (reference: string) =>
  new DomainError('CONFLICT', `A contract with reference ${reference} already exists.`, [
    { name: 'reference', reason: 'is already used in this municipality' },
  ]);

/** The award date of a contract to award: the start date when none is given. */
export function awardDateOf(input: Pick<CreateContractInput, 'awardDate' | 'startDate'>): string {
  return input.awardDate ?? input.startDate;
}

/** The dates of a contract to award, checked before anything is read. */
function checkDates(input: CreateContractInput): string {
  const awardDate = awardDateOf(input);
  const issues: Issue[] = [];
  for (const [name, value] of [
    ['startDate', input.startDate],
    ['endDate', input.endDate],
    ['awardDate', awardDate],
  ] as const)
    if (!isIsoDate(value)) issues.push({ name, reason: 'must be a real date (YYYY-MM-DD)' });
  if (input.maxExtentDate !== undefined && input.maxExtentDate !== null && !isIsoDate(input.maxExtentDate))
    issues.push({ name: 'maxExtentDate', reason: 'must be a real date (YYYY-MM-DD)' });
  if (issues.length === 0 && input.endDate < input.startDate)
    issues.push({ name: 'endDate', reason: 'must not be before startDate' });
  if (issues.length === 0 && input.maxExtentDate && input.maxExtentDate < input.endDate)
    issues.push({ name: 'maxExtentDate', reason: 'must not be before endDate' });
  if (issues.length) throw invalid('The contract dates are not valid.', issues);
  return awardDate;
}

/** What the award needs to know from the database, looked up by the caller (one at a time or in bulk). */
export interface AwardLookups {
  /** The supplier is one of the municipality's. */
  supplierKnown: boolean;
  /** No contract manager is given, or the one given is a contract manager of the municipality. */
  managerKnown: boolean;
  /** The policy version in force on the award date ({@link awardDateOf}), if any. */
  policy: StoredPolicyVersion | undefined;
  /** The municipality already has a contract with this reference. */
  referenceTaken: boolean;
}

/** A contract to award, planned but not saved: its row, its half-year reports and its audit details. */
export interface AwardPlan {
  values: Omit<ContractRow, 'id' | 'createdAt'>;
  obligation: Obligation;
  loaded: LoadedPolicy;
  reports: { period: string; dueDate: string }[];
  auditDetails: Record<string, unknown>;
}

/**
 * Plans the award of one contract without I/O: checks the dates and what {@link AwardLookups}
 * found, computes obligation and regime with the domain under the policy version in force on the
 * award date, and the semi-annual reports of its term. Throws every refusal (`VALIDATION` with
 * issues, `CONFLICT` for a reference already used). {@link awardContract} saves one plan; the
 * contract import (decision 029) plans every row and saves them together.
 */
export function planAward(
  tenantId: string,
  input: CreateContractInput,
  found: AwardLookups,
  today: string,
): AwardPlan {
  const awardDate = checkDates(input);
  const issues: Issue[] = [];
  if (!found.supplierKnown)
    issues.push({ name: 'supplierId', reason: 'no such supplier in this municipality' });
  if (input.contractManagerId && !found.managerKnown)
    issues.push({
      name: 'contractManagerId',
      reason: 'is not a contract manager of this municipality',
    });
  const stored = found.policy;
  if (!stored)
    issues.push({
      name: 'awardDate',
      reason: `no policy of the municipality is in force on ${awardDate}`,
    });
  if (issues.length || !stored) throw invalid('The contract cannot be awarded.', issues);
  if (found.referenceTaken) throw duplicate(input.reference);
  const loaded = loadPolicy(stored);
  const kind = input.kind ?? 'servicesAndSupplies';
  const obligation = obligationOf(
    { valueCents: input.valueCents, kind, startDate: input.startDate, endDate: input.endDate },
    [],
    loaded,
  );
  const values = {
    tenantId,
    reference: input.reference,
    title: input.title,
    supplierId: input.supplierId,
    contractManagerId: input.contractManagerId ?? null,
    kind,
    valueCents: input.valueCents,
    startDate: input.startDate,
    endDate: input.endDate,
    maxExtentDate: input.maxExtentDate ?? null,
    awardDate,
    policyVersionId: loaded.id,
    obligationCents: obligation.amountCents,
    regime: obligation.regime,
    obligationRuleId: obligation.ruleId,
    obligationExplanation: obligation.explanation,
    obligationExplanationNl: obligation.explanationNl,
  };
  const reports = missingReports({
    regime: obligation.regime,
    startDate: input.startDate,
    endDate: input.endDate,
    existing: new Set(),
    loaded,
    today,
  });
  const auditDetails = {
    reference: input.reference,
    valueCents: input.valueCents,
    obligationCents: obligation.amountCents,
    regime: obligation.regime,
    policyVersion: loaded.version,
    reports: reports.map((r) => r.period),
  };
  return { values, obligation, loaded, reports, auditDetails };
}

/**
 * The one way a single contract is awarded, inside the caller's transaction (the API's
 * `POST /contracts`, decision 022): looks up what {@link planAward} needs, plans the award (obligation
 * and regime by the policy version in force on the award date, stored with the contract so later
 * policy changes never rewrite it; the semi-annual reports of its term) and saves it with its audit
 * entry. Every refusal is thrown before anything is written.
 */
export async function awardContract(
  tx: Tx,
  actor: Actor,
  input: CreateContractInput,
  today: string,
): Promise<{ row: ContractRow; obligation: Obligation; loaded: LoadedPolicy }> {
  const tenantId = tenantOf(actor);
  const awardDate = checkDates(input);
  const supplierKnown = (await supplierById(tx, tenantId, input.supplierId)) !== undefined;
  const managerKnown =
    !input.contractManagerId || (await isContractManager(tx, tenantId, input.contractManagerId));
  const policy = await policyVersionOn(tx, tenantId, awardDate);
  const referenceTaken =
    supplierKnown && managerKnown && policy !== undefined
      ? (await contractByReference(tx, tenantId, input.reference)) !== undefined
      : false;
  const plan = planAward(tenantId, input, { supplierKnown, managerKnown, policy, referenceTaken }, today);
  const row = await insertContract(tx, plan.values);
  await insertReports(
    tx,
    plan.reports.map((r) => ({ tenantId, contractId: row.id, ...r })),
  );
  await audit(tx, actor, 'contract.create', 'contract', row.id, plan.auditDetails);
  return { row, obligation: plan.obligation, loaded: plan.loaded };
}

/** Awards one contract (`POST /contracts`): {@link awardContract} in a transaction of its own. */
export const createContract = defineUseCase<CreateContractInput, ContractView>({
  name: 'contract.create',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    checkDates(input);
    try {
      return await deps.db.transaction(async (tx) => {
        const { row, loaded } = await awardContract(tx, actor, input, isoDay(deps.now()));
        const contract = await contractInScope(tx, scopeOf(actor), row.id);
        if (!contract) throw new Error('contract not readable after insert');
        return presentContract(contract, [], loaded.version);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(input.reference);
      throw error;
    }
  },
});
