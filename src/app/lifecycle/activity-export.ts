import { activityPagesOfContract } from '../../db/repositories/activity-pages.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentActivity, type ActivityView } from './present.ts';
import { contractReaders, requireContract } from './scope.ts';

/**
 * The activities of `listActivities` (same rows, order and presentation) as batches for a file
 * export: the contract is checked at once (NOT_FOUND before anything is written), the rows are read
 * page by page while the file is written.
 */
export const exportActivities = defineUseCase<
  { contractId: string; period?: string | undefined },
  { contract: { id: string; reference: string }; batches: AsyncIterable<ActivityView[]> }
>({
  name: 'activity.export',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await requireContract(deps.db, actor, input.contractId);
    const pages = activityPagesOfContract(deps.db, tenantOf(actor), contract.id, { period: input.period });
    async function* batches() {
      for await (const rows of pages) yield rows.map(presentActivity);
    }
    return { contract: { id: contract.id, reference: contract.reference }, batches: batches() };
  },
});
