import { validatePolicy, type Policy } from '../../domain/index.ts';
import { invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { appendPolicyVersion } from '../../db/repositories/policies.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

/**
 * Stores a new policy version (never edits one). The whole policy is validated by the domain and
 * every problem is reported at once.
 */
export const createPolicyVersion = defineUseCase({
  name: 'policy.create',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: unknown) {
    const checked = validatePolicy(input);
    if (!checked.ok) throw invalid('The policy has problems; nothing was saved.', checked.issues);
    const policy: Policy = checked.policy;
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const stored = await appendPolicyVersion(tx, tenantId, policy.validFrom, policy, actor.userId);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: 'policy.create',
        objectType: 'policyVersion',
        objectId: stored.id,
        details: { version: stored.version, validFrom: stored.validFrom },
        ip: actor.ip,
      });
      return stored;
    });
  },
});
