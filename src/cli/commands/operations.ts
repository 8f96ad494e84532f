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
    .description(
      'create a user with the password from stdin, or add a role to an existing user (stdin empty: the password is kept)',
    )
    .option('--tenant <slug>', 'the municipality (not for platformAdmin)')
    .requiredOption(
      '--role <role>',
      'platformAdmin, municipalityAdmin, advisor, contractManager, supplier, initiative or verifier',
    )
    .option('--supplier <id>', 'the supplier organisation, for role supplier')
    .option('--initiative <id>', 'the initiative, for role initiative')
    .option('--name <name>', 'display name')
    .option('--reset-password', "replace an existing user's password with the one from stdin")
    .action(
      async (
        email: string,
        opts: {
          tenant?: string;
          role: string;
          supplier?: string;
          initiative?: string;
          name?: string;
          resetPassword?: boolean;
        },
      ) => {
        const password = await readSecret();
        const result = await withDatabase((deps) =>
          addUser(deps, {
            email,
            tenant: opts.tenant,
            role: opts.role,
            supplierId: opts.supplier,
            initiativeId: opts.initiative,
            name: opts.name,
            password,
            resetPassword: opts.resetPassword,
          }),
        );
        const where = opts.tenant && opts.role !== 'platformAdmin' ? ` in ${opts.tenant}` : '';
        const who = `User ${result.user.email} (id ${result.user.id})`;
        console.log(
          result.roleAdded
            ? `${who} has the role ${opts.role}${where}.`
            : `${who} has the role ${opts.role}${where} already; no role added.`,
        );
        if (result.passwordReset) console.log(`The password of ${result.user.email} is replaced.`);
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
    .option('--role <role>', "which of the user's roles in the municipality (needed when there are several)")
    .action(async (opts: { tenant: string; user: string; name: string; role?: string }) => {
      const { token } = await withDatabase((deps) =>
        addToken(deps, { tenant: opts.tenant, email: opts.user, name: opts.name, role: opts.role }),
      );
      console.log(token);
    });
}
