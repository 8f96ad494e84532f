import { writeAudit } from '../../db/audit.ts';
import { setPublishResults, tenantPublication } from '../../db/repositories/publication.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { staffReaders } from '../lifecycle/scope.ts';

/** Whether the actor's municipality publishes its results, and where. */
export const getPublication = defineUseCase({
  name: 'publication.get',
  access: staffReaders,
  async run({ deps, actor }, _input: void) {
    const row = await tenantPublication(deps.db, tenantOf(actor));
    if (!row) throw new Error('tenant of the actor missing');
    return { slug: row.slug, publishResults: row.publishResults };
  },
});

/** The municipality admin switches results in the open on or off (off by default); audited. */
export const setPublication = defineUseCase({
  name: 'publication.set',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: { publishResults: boolean }) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const before = await tenantPublication(tx, tenantId);
      if (!before) throw new Error('tenant of the actor missing');
      await setPublishResults(tx, tenantId, input.publishResults);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: 'publication.set',
        objectType: 'tenant',
        objectId: tenantId,
        details: { before: before.publishResults, after: input.publishResults },
        ip: actor.ip,
      });
      return { slug: before.slug, publishResults: input.publishResults };
    });
  },
});
