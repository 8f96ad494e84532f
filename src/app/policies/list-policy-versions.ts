import { municipalityStaff } from '../../domain/access.ts';
import { listPolicyVersions } from '../../db/repositories/policies.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

/** All versions of the municipality's policy, newest first. */
export const listPolicyVersionsUseCase = defineUseCase({
  name: 'policy.list',
  access: municipalityStaff,
  run: ({ deps, actor }, _input: void) => listPolicyVersions(deps.db, tenantOf(actor)),
});
