import { Command } from 'commander';
import { DomainError } from '../domain/errors.ts';
import { policyVersionOn, tenantBySlug } from '../db/repositories/policies.ts';
import { validatePolicy } from '../domain/index.ts';
import { registerEstimate } from './commands/estimate.ts';
import { registerOperations } from './commands/operations.ts';
import { registerValue } from './commands/value.ts';
import { withDatabase } from './database.ts';

/** The `retour` command: operations (tenants, users, tokens) and calculations (estimate, value). */
export function buildProgram(): Command {
  const program = new Command('retour')
    .description('Retour: social return in public procurement')
    .showHelpAfterError();
  registerOperations(program);
  registerEstimate(program, (slug, onDate) =>
    withDatabase(async (deps) => {
      const tenant = await tenantBySlug(deps.db, slug);
      if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${slug}.`);
      const stored = await policyVersionOn(deps.db, tenant.id, onDate);
      const checked = stored && validatePolicy(stored.policy);
      if (!checked || !checked.ok)
        throw new DomainError('NOT_FOUND', `${tenant.name} has no policy in force on ${onDate}.`);
      return checked.policy;
    }),
  );
  registerValue(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof DomainError) {
      console.error(`retour: ${error.message}`);
      for (const issue of error.issues) console.error(`  ${issue.name}: ${issue.reason}`);
    } else {
      console.error(`retour: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  });
