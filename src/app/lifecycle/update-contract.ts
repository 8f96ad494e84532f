import { invalid } from '../../domain/errors.ts';
import { updateContractDetails } from '../../db/repositories/contracts.ts';
import {
  isContractManager,
  listContractManagers as listContractManagerRows,
} from '../../db/repositories/contract-managers.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { getContract } from './contracts.ts';
import type { ContractView } from './present.ts';
import { audit, requireContract } from './scope.ts';

export interface UpdateContractInput {
  id: string;
  title?: string | undefined;
  /** A contract manager of the municipality, or null to leave the contract without one. */
  contractManagerId?: string | null | undefined;
}

/**
 * Changes a contract's title or contract manager. Value, term and obligation are not touched
 * here (extensions do that). The audit entry keeps the changed fields before and after.
 */
export const updateContract = defineUseCase<UpdateContractInput, ContractView>({
  name: 'contract.update',
  access: ['advisor'],
  async run(ctx, input) {
    const { deps, actor } = ctx;
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      const current = await requireContract(tx, actor, input.id, { forUpdate: true });
      const managerId = input.contractManagerId;
      if (managerId && !(await isContractManager(tx, tenantId, managerId)))
        throw invalid('The contract manager is not valid.', [
          { name: 'contractManagerId', reason: 'is not a contract manager of this municipality' },
        ]);
      const changes = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(managerId !== undefined ? { contractManagerId: managerId } : {}),
      };
      await updateContractDetails(tx, tenantId, current.id, changes);
      const updated = await requireContract(tx, actor, current.id);
      await audit(tx, actor, 'contract.update', 'contract', current.id, {
        before: { title: current.title, contractManagerId: current.contractManagerId },
        after: { title: updated.title, contractManagerId: updated.contractManagerId },
      });
    });
    return getContract.run(ctx, { id: input.id });
  },
});

export interface ContractManagerView {
  userId: string;
  name: string;
  email: string;
}

/** The municipality's contract managers, so an advisor can pick one for a contract. */
export const listContractManagers = defineUseCase<Record<string, never>, ContractManagerView[]>({
  name: 'contractManager.list',
  access: ['advisor', 'municipalityAdmin'],
  async run({ deps, actor }) {
    return listContractManagerRows(deps.db, tenantOf(actor));
  },
});
