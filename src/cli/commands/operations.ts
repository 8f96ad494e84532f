import type { Command } from 'commander';
import { addTenant, addToken, addUser } from '../../app/admin/provision.ts';
import { withDatabase } from '../database.ts';
import { readSecret } from '../read-secret.ts';

/** `retour tenant add`, `retour user add`, `retour token add`: set up an installation without demo data. */
export function registerOperations(program: Command) {
  const tenant = program.command('tenant').description('municipalities (tenants)');
  tenant
    .command('add <slug>')
    .description('create a municipality with a preset policy')
    .requiredOption('--name <name>', 'display name, e.g. "Gemeente Voorbeeldstad"')
    .option('--preset <preset>', 'policy preset', 'amsterdam')
    .action(async (slug: string, opts: { name: string; preset: string }) => {
      const created = await withDatabase((deps) =>
        addTenant(deps, { slug, name: opts.name, preset: opts.preset }),
      );
      console.log(
        `Created ${created.name} (${created.slug}, id ${created.id}) with the ${opts.preset} policy.`,
      );
    });

  program
    .command('user')
    .description('users')
    .command('add <email>')
    .description('create a user (or add a role to one); the password is read from stdin')
    .option('--tenant <slug>', 'the municipality (not for platformAdmin)')
    .requiredOption(
      '--role <role>',
      'platformAdmin, municipalityAdmin, advisor, contractManager, supplier or initiative',
    )
    .option('--supplier <id>', 'the supplier organisation, for role supplier')
    .option('--name <name>', 'display name')
    .action(
      async (email: string, opts: { tenant?: string; role: string; supplier?: string; name?: string }) => {
        const password = await readSecret();
        const { user } = await withDatabase((deps) =>
          addUser(deps, {
            email,
            tenant: opts.tenant,
            role: opts.role,
            supplierId: opts.supplier,
            name: opts.name,
            password,
          }),
        );
        console.log(
          `User ${user.email} (id ${user.id}) has the role ${opts.role}${opts.tenant ? ` in ${opts.tenant}` : ''}.`,
        );
      },
    );

  program
    .command('token')
    .description('API tokens')
    .command('add')
    .description('print a new API token for a user (shown once)')
    .requiredOption('--tenant <slug>', 'the municipality')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (opts: { tenant: string; user: string; name: string }) => {
      const { token } = await withDatabase((deps) =>
        addToken(deps, { tenant: opts.tenant, email: opts.user, name: opts.name }),
      );
      console.log(token);
    });
}
