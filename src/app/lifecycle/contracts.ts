import type { Progress, ProgressStatus } from '../../domain/index.ts';
import { listContracts as listContractRows, type ContractFilters } from '../../db/repositories/contracts.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { loadFacts, progressAt } from './progress-data.ts';
import { presentContract, type ContractView } from './present.ts';
import { contractReaders, requireContract, scopeOf } from './scope.ts';

export type ContractListItem = ContractView & { progress: Omit<Progress, 'byCategory'> };

const withoutCategories = ({ byCategory: _, ...rest }: Progress) => rest;

/**
 * Contracts the actor may see, filtered by supplier, regime, text (reference, title, supplier) and
 * progress status today; each with its progress today.
 */
export const listContracts = defineUseCase<
  ContractFilters & { status?: ProgressStatus | undefined },
  ContractListItem[]
>({
  name: 'contract.list',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const rows = await listContractRows(deps.db, scopeOf(actor), input);
    const facts = await loadFacts(deps.db, tenantId, rows);
    const today = isoDay(deps.now());
    return facts
      .map((f) => ({
        ...presentContract(f.contract, f.extensions, f.loaded.version),
        progress: withoutCategories(progressAt(f, today)),
      }))
      .filter((c) => input.status === undefined || c.progress.status === input.status);
  },
});

export const getContract = defineUseCase<{ id: string }, ContractView>({
  name: 'contract.get',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await requireContract(deps.db, actor, input.id);
    const [facts] = await loadFacts(deps.db, tenantOf(actor), [contract]);
    if (!facts) throw new Error('contract facts missing');
    return presentContract(contract, facts.extensions, facts.loaded.version);
  },
});
