import { resolve } from 'node:path';
import type { Command } from 'commander';
import { evidenceStore } from '../../app/evidence/evidence-store.ts';
import { writeBackup } from '../../backup/backup.ts';
import { restoreBackup } from '../../backup/restore.ts';
import { withDatabase } from '../database.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * `retour backup <file>` and `retour restore <file>`: the whole database and the evidence files in
 * one archive (decision 023). With the embedded database both take the data-folder lock, so they
 * refuse while the server runs; on PostgreSQL a backup is one consistent snapshot while it runs.
 */
export function registerBackup(program: Command) {
  program
    .command('backup <file>')
    .description(
      'write every table and every evidence file into one archive (.tar.gz); embedded database: stop the server first',
    )
    .action(async (file: string) => {
      const out = resolve(file);
      const since = performance.now();
      const summary = await withDatabase((deps) =>
        writeBackup(deps.db, evidenceStore(deps), out, deps.now()),
      );
      console.log(
        `Backed up ${summary.rows} rows in ${summary.tables} tables and ${summary.files} evidence files ` +
          `(${megabytes(summary.fileBytes)}) to ${out} in ${seconds(since)} s.`,
      );
      if (summary.missingFiles.length > 0)
        console.error(
          `retour: warning: ${summary.missingFiles.length} evidence files were missing from the store: ` +
            summary.missingFiles.slice(0, 5).join(', '),
        );
    });

  program
    .command('restore <file>')
    .description(
      'load a backup into an empty database (or --replace everything in it), with its evidence files; all or nothing',
    )
    .option('--replace', 'empty a database that holds data, then restore (in one transaction)')
    .action(async (file: string, opts: { replace?: boolean }) => {
      const since = performance.now();
      const summary = await withDatabase((deps) =>
        restoreBackup(deps.db, evidenceStore(deps), resolve(file), { replace: opts.replace === true }),
      );
      console.log(
        `Restored ${summary.rows} rows in ${summary.tables} tables and ${summary.files} evidence files ` +
          `from the backup of ${summary.createdAt} in ${seconds(since)} s.`,
      );
      if (summary.missingFiles.length > 0)
        console.error(
          `retour: warning: the backup lacked ${summary.missingFiles.length} evidence files (missing when it was made).`,
        );
    });
}
