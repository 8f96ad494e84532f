import { DomainError, invalid } from '../../domain/errors.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import {
  deleteVerifier,
  insertVerifier,
  verifiersOfContract,
  verifiersOfTenant,
} from '../../db/repositories/verifiers.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { audit, isUniqueViolation, requireContract } from './scope.ts';

/**
 * Independent verifiers (issue 16, decision 024): the advisor or the municipality admin assigns a
 * user with the role `verifier` to a contract; that user then reads the contract and decides on its
 * activities, and nothing else. A municipality that does not invite verifiers never sees any.
 */
const assigners = ['advisor', 'municipalityAdmin'] as const;

export interface VerifierView {
  userId: string;
  name: string;
  email: string;
  assignedAt: string;
}

/** The verifiers assigned to a contract, and the municipality's verifiers who could be. */
export const listContractVerifiers = defineUseCase<
  { contractId: string },
  { items: VerifierView[]; available: { userId: string; name: string; email: string }[] }
>({
  name: 'contractVerifier.list',
  access: assigners,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const contract = await requireContract(deps.db, actor, input.contractId);
    const [assigned, all] = await Promise.all([
      verifiersOfContract(deps.db, tenantId, contract.id),
      verifiersOfTenant(deps.db, tenantId),
    ]);
    return {
      items: assigned.map((v) => ({ ...v, assignedAt: v.assignedAt.toISOString() })),
      available: all.filter((v) => !assigned.some((a) => a.userId === v.userId)),
    };
  },
});

export const assignVerifier = defineUseCase<{ contractId: string; userId: string }, VerifierView>({
  name: 'contractVerifier.assign',
  access: assigners,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    try {
      return await deps.db.transaction(async (tx) => {
        const contract = await requireContract(tx, actor, input.contractId);
        const verifier = isUuid(input.userId)
          ? (await verifiersOfTenant(tx, tenantId)).find((v) => v.userId === input.userId)
          : undefined;
        if (!verifier)
          throw invalid('Only a verifier of this municipality can be assigned.', [
            { name: 'userId', reason: 'is not a verifier of this municipality' },
          ]);
        await insertVerifier(tx, {
          tenantId,
          contractId: contract.id,
          userId: verifier.userId,
          assignedBy: actor.userId,
        });
        await audit(tx, actor, 'contractVerifier.assign', 'contract', contract.id, {
          verifier: verifier.email,
        });
        const [row] = (await verifiersOfContract(tx, tenantId, contract.id)).filter(
          (v) => v.userId === verifier.userId,
        );
        if (!row) throw new Error('assignment not stored');
        return { ...row, assignedAt: row.assignedAt.toISOString() };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('CONFLICT', 'This verifier is assigned to the contract already.');
      throw error;
    }
  },
});

/** Ends an assignment (idempotent: no assignment, nothing to end). */
export const unassignVerifier = defineUseCase<{ contractId: string; userId: string }, void>({
  name: 'contractVerifier.unassign',
  access: assigners,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId);
      if (!isUuid(input.userId)) return;
      const removed = await deleteVerifier(tx, tenantId, contract.id, input.userId);
      if (removed > 0)
        await audit(tx, actor, 'contractVerifier.unassign', 'contract', contract.id, {
          userId: input.userId,
        });
    });
  },
});
