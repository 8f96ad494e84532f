import type { Command } from 'commander';
import { addOidcProvider } from '../../app/admin/oidc-provider.ts';
import { withDatabase } from '../database.ts';
import { readSecret } from '../read-secret.ts';

/** `retour oidc add`: single sign-on for a municipality; the client secret is read from stdin. */
export function registerOidc(program: Command) {
  program
    .command('oidc')
    .description('single sign-on (OpenID Connect) per municipality')
    .command('add <slug>')
    .description('add an identity provider to a municipality')
    .requiredOption('--name <name>', 'shown on the sign-in page, e.g. "Gemeente-account"')
    .requiredOption('--issuer <url>', 'the issuer, e.g. https://login.voorbeeldstad.nl')
    .requiredOption('--client-id <id>', 'the client id Retour has at the provider')
    .option('--secret-stdin', 'read the client secret from stdin (else a public client with PKCE)')
    .option(
      '--default-role <role>',
      'role for a first-time user: advisor, contractManager or municipalityAdmin',
    )
    .action(
      async (
        slug: string,
        opts: { name: string; issuer: string; clientId: string; secretStdin?: boolean; defaultRole?: string },
      ) => {
        const clientSecret = opts.secretStdin ? await readSecret() : undefined;
        const row = await withDatabase((deps) =>
          addOidcProvider(deps, {
            tenant: slug,
            name: opts.name,
            issuer: opts.issuer,
            clientId: opts.clientId,
            clientSecret,
            defaultRole: opts.defaultRole,
          }),
        );
        console.log(
          `Added ${row.name} (${row.issuer}, id ${row.id}). Redirect URI at the provider: <public URL>/api/v1/oidc/callback`,
        );
      },
    );
}
