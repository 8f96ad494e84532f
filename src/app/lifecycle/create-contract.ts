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
  isContractManager,
  type ContractRow,
} from '../../db/repositories/contracts.ts';
import { policyVersionOn } from '../../db/repositories/policies.ts';
import { insertReports } from '../../db/repositories/reports.ts';
import { supplierById } from '../../db/repositories/suppliers.ts';
import type { Actor } from '../actor.ts';
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
 * Makes the semi-annual reports of the half-years `from`..`to` that do not exist yet: one per
 * half-year, open, due `reportDueDays` after the period (default 31 Jan / 31 Jul). A contract
 * without social return (`none`) gets no reports.
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
  },
): Promise<string[]> {
  if (args.regime === 'none') return [];
  const periods = halfYearsBetween(args.startDate, args.endDate).filter((p) => !args.existing.has(p));
  await insertReports(
    tx,
    periods.map((period) => ({
      tenantId: args.tenantId,
      contractId: args.contractId,
      period,
      dueDate: reportDueDate(period, args.loaded.policy.reportDueDays),
    })),
  );
  return periods;
}

const duplicate = (reference: string) =>
  new DomainError('CONFLICT', `A contract with reference ${reference} already exists.`, [
    { name: 'reference', reason: 'is already used in this municipality' },
  ]);

/** The dates of a contract to award, checked before anything is read. */
function checkDates(input: CreateContractInput): string {
  const awardDate = input.awardDate ?? input.startDate;
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

/**
 * The one way a contract is awarded, inside the caller's transaction (the API's `POST /contracts`
 * and the contract import, decision 022): loads the policy version in force on the award date,
 * computes obligation and regime with the domain, stores the version used (later policy changes
 * never rewrite it), generates the semi-annual reports of its term and writes the audit entry.
 * Every refusal is thrown before anything is written.
 */
export async function awardContract(
  tx: Tx,
  actor: Actor,
  input: CreateContractInput,
): Promise<{ row: ContractRow; obligation: Obligation; loaded: LoadedPolicy }> {
  const tenantId = tenantOf(actor);
  const awardDate = checkDates(input);
  const issues: Issue[] = [];
  if (!(await supplierById(tx, tenantId, input.supplierId)))
    issues.push({ name: 'supplierId', reason: 'no such supplier in this municipality' });
  if (input.contractManagerId && !(await isContractManager(tx, tenantId, input.contractManagerId)))
    issues.push({
      name: 'contractManagerId',
      reason: 'is not a contract manager of this municipality',
    });
  const stored = await policyVersionOn(tx, tenantId, awardDate);
  if (!stored)
    issues.push({
      name: 'awardDate',
      reason: `no policy of the municipality is in force on ${awardDate}`,
    });
  if (issues.length || !stored) throw invalid('The contract cannot be awarded.', issues);
  if (await contractByReference(tx, tenantId, input.reference)) throw duplicate(input.reference);
  const loaded = loadPolicy(stored);
  const kind = input.kind ?? 'servicesAndSupplies';
  const obligation = obligationOf(
    { valueCents: input.valueCents, kind, startDate: input.startDate, endDate: input.endDate },
    [],
    loaded,
  );
  const row = await insertContract(tx, {
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
  });
  const periods = await addMissingReports(tx, {
    tenantId,
    contractId: row.id,
    regime: obligation.regime,
    startDate: row.startDate,
    endDate: row.endDate,
    existing: new Set(),
    loaded,
  });
  await audit(tx, actor, 'contract.create', 'contract', row.id, {
    reference: row.reference,
    valueCents: row.valueCents,
    obligationCents: obligation.amountCents,
    regime: obligation.regime,
    policyVersion: loaded.version,
    reports: periods,
  });
  return { row, obligation, loaded };
}

/** Awards one contract (`POST /contracts`): {@link awardContract} in a transaction of its own. */
export const createContract = defineUseCase<CreateContractInput, ContractView>({
  name: 'contract.create',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    checkDates(input);
    try {
      return await deps.db.transaction(async (tx) => {
        const { row, loaded } = await awardContract(tx, actor, input);
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
