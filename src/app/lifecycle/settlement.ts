import { DomainError, invalid } from '../../domain/errors.ts';
import {
  decidePenalty,
  explainSettlement,
  settlementFigures,
  type Progress,
  type SettlementDecision,
} from '../../domain/index.ts';
import {
  carriedInto,
  insertSettlement,
  settlementOf,
  type SettlementRow,
} from '../../db/repositories/settlements.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { loadFacts, progressAt, type ContractFacts } from './progress-data.ts';
import { audit, contractReaders, isUniqueViolation, requireContract } from './scope.ts';

export interface SettleInput {
  contractId: string;
  decision: SettlementDecision;
  penaltyCents?: number | undefined;
  note: string;
  carryOver?: { contractId: string; amountCents: number; reason: string } | undefined;
}

type CarriedIn = Awaited<ReturnType<typeof carriedInto>>;

export interface SettlementView {
  contractId: string;
  decidedOn: string;
  decision: SettlementDecision;
  obligationCents: number;
  verifiedCents: number;
  carriedInCents: number;
  shortfallCents: number;
  computedPenaltyCents: number;
  penaltyFactorBp: number | null;
  penaltyCents: number;
  note: string;
  explanation: string;
  explanationNl: string;
  carryOver: { contractId: string; amountCents: number; reason: string } | null;
  createdAt: string;
}

function present(row: SettlementRow): SettlementView {
  return {
    contractId: row.contractId,
    decidedOn: row.decidedOn,
    decision: row.decision as SettlementDecision,
    obligationCents: row.obligationCents,
    verifiedCents: row.verifiedCents,
    carriedInCents: row.carriedInCents,
    shortfallCents: row.shortfallCents,
    computedPenaltyCents: row.computedPenaltyCents,
    penaltyFactorBp: row.penaltyFactorBp,
    penaltyCents: row.penaltyCents,
    note: row.note,
    explanation: row.explanation,
    explanationNl: row.explanationNl,
    carryOver:
      row.carryOverContractId && row.carryOverCents !== null
        ? {
            contractId: row.carryOverContractId,
            amountCents: row.carryOverCents,
            reason: row.carryOverReason ?? '',
          }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const sumOf = (rows: CarriedIn) => rows.reduce((s, r) => s + r.amountCents, 0);

/**
 * The advisor settles an ended contract (domain.md §12): the shortfall and penalty computed from the
 * verified value (after caps) and the policy's penaltyFactorBp, the decision (impose, reduce with a
 * reason, waive) and optionally a surplus carried over, explicitly and with a reason, to another
 * contract of the same supplier. Once per contract, only after its end date; one audit entry.
 */
export const settleContract = defineUseCase<SettleInput, SettlementView>({
  name: 'contract.settle',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const today = isoDay(deps.now());
    try {
      return await deps.db.transaction(async (tx) => {
        const contract = await requireContract(tx, actor, input.contractId, { forUpdate: true });
        const [facts] = await loadFacts(tx, tenantId, [contract]);
        if (!facts) throw new Error('contract facts missing');
        if (today <= facts.endDate)
          throw invalid('A contract is settled after its end date.', [
            {
              name: 'decision',
              reason: `the contract runs until ${facts.endDate}; settle it from the day after`,
            },
          ]);
        if (await settlementOf(tx, tenantId, contract.id)) throw alreadySettled();
        const progress = progressAt(facts, today);
        const carried = sumOf(await carriedInto(tx, tenantId, contract.id));
        const factor = facts.loaded.policy.penaltyFactorBp;
        const figures = settlementFigures({
          obligationCents: progress.obligationCents,
          verifiedCents: progress.verifiedCents,
          carriedInCents: carried,
          penaltyFactorBp: factor,
        });
        const penalty = decidePenalty(figures, input);
        const target =
          input.carryOver && (await carryOverTarget(tx, actor, contract, input.carryOver.contractId));
        const row = await insertSettlement(tx, {
          tenantId,
          contractId: contract.id,
          decidedOn: today,
          obligationCents: figures.obligationCents,
          verifiedCents: progress.verifiedCents,
          carriedInCents: carried,
          shortfallCents: figures.shortfallCents,
          computedPenaltyCents: figures.penaltyCents,
          penaltyFactorBp: factor ?? null,
          decision: input.decision,
          penaltyCents: penalty,
          note: input.note.trim(),
          explanation: explainSettlement(figures, factor, carried, 'en'),
          explanationNl: explainSettlement(figures, factor, carried, 'nl'),
          carryOverContractId: target?.id ?? null,
          carryOverCents: input.carryOver?.amountCents ?? null,
          carryOverReason: input.carryOver?.reason.trim() ?? null,
          decidedBy: actor.userId,
        });
        await audit(tx, actor, 'contract.settle', 'contract', contract.id, {
          decision: input.decision,
          shortfallCents: figures.shortfallCents,
          computedPenaltyCents: figures.penaltyCents,
          penaltyCents: penalty,
          ...(target ? { carryOverTo: target.id, carryOverCents: input.carryOver?.amountCents } : {}),
        });
        return present(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadySettled();
      throw error;
    }
  },
});

function alreadySettled(): DomainError {
  return new DomainError('CONFLICT', 'This contract has already been settled.', [
    { name: 'decision', reason: 'a contract is settled once' },
  ]);
}

async function carryOverTarget(
  tx: Tx,
  actor: Parameters<typeof requireContract>[1],
  from: { id: string; supplierId: string },
  targetId: string,
) {
  const refuse = (reason: string) =>
    invalid('The surplus cannot be carried over to that contract.', [
      { name: 'carryOver.contractId', reason },
    ]);
  if (targetId === from.id) throw refuse('must be another contract');
  const target = await requireContract(tx, actor, targetId).catch(() => {
    throw refuse('no such contract');
  });
  if (target.supplierId !== from.supplierId) throw refuse('must be a contract of the same supplier');
  return target;
}

/** The settlement of a contract (or null) and what other contracts carried into it. */
export const getSettlement = defineUseCase<
  { contractId: string },
  { settlement: SettlementView | null; carriedIn: CarriedIn; carriedInCents: number }
>({
  name: 'contract.settlement',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await requireContract(deps.db, actor, input.contractId);
    return settlementAndCarriedIn(deps.db, tenantOf(actor), contract.id);
  },
});

/**
 * Progress after the end date with the surpluses other contracts carried into this one counted
 * against its shortfall (domain.md §12); unchanged before the end or without any.
 */
export async function withCarriedIn(
  db: Db | Tx,
  facts: ContractFacts,
  progress: Progress,
): Promise<Progress> {
  if (progress.shortfallCents === undefined) return progress;
  const carried = sumOf(await carriedInto(db, facts.contract.tenantId, facts.contract.id));
  if (carried === 0) return progress;
  const f = settlementFigures({
    obligationCents: progress.obligationCents,
    verifiedCents: progress.verifiedCents,
    carriedInCents: carried,
    penaltyFactorBp: facts.loaded.policy.penaltyFactorBp,
  });
  return { ...progress, shortfallCents: f.shortfallCents, penaltyCents: f.penaltyCents };
}

/** A contract's settlement and the surpluses carried into it (for the contract page and the summary). */
export async function settlementAndCarriedIn(db: Db | Tx, tenantId: string, contractId: string) {
  const [row, carriedIn] = await Promise.all([
    settlementOf(db, tenantId, contractId),
    carriedInto(db, tenantId, contractId),
  ]);
  return { settlement: row ? present(row) : null, carriedIn, carriedInCents: sumOf(carriedIn) };
}
