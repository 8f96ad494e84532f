import { Command } from 'commander';
import { DomainError } from '../domain/errors.ts';
import { policyVersionOn, tenantBySlug } from '../db/repositories/policies.ts';
import { validatePolicy } from '../domain/index.ts';
import { registerBackup } from './commands/backup.ts';
import { registerEstimate } from './commands/estimate.ts';
import { registerOidc } from './commands/oidc.ts';
import { registerOperations } from './commands/operations.ts';
import { registerValue } from './commands/value.ts';
import { withDatabase } from './database.ts';

/** A command module adds its commands to the program (one file per area in `commands/`). */
export type CliCommand = (program: Command) => void;

/** `retour estimate --tenant` reads the policy in force from the installation's database. */
const estimate: CliCommand = (program) =>
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

/** Every command of `retour`; add a new module here. */
export const cliCommands: readonly CliCommand[] = [
  registerOperations,
  registerOidc,
  estimate,
  registerValue,
  registerBackup,
];

/** The `retour` program built from command modules. */
export function buildProgram(commands: readonly CliCommand[] = cliCommands): Command {
  const program = new Command('retour')
    .description('Retour: social return in public procurement')
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}
