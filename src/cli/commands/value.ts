import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { validatePolicy } from '../../domain/index.ts';
import { invalid } from '../../domain/errors.ts';
import { eurosToCents } from './estimate.ts';
import { formatValuations, valueCsv } from './value-csv.ts';

export function registerValue(program: Command) {
  program
    .command('value')
    .description('value each activity of a CSV file with a policy, and print each valuation and the total')
    .argument(
      '<activities.csv>',
      'CSV with a header: typeCode, period, fte, months, units, hours, amountCents or amount, validFrom, validTo',
    )
    .requiredOption('--policy <file.json>', 'a policy version as JSON (the body of POST /policies)')
    .option(
      '--contract-start <date>',
      'contract start (YYYY-MM-DD); without a term each row counts in its period',
    )
    .option('--contract-end <date>', 'contract end (YYYY-MM-DD)')
    .option(
      '--obligation <euros>',
      'the obligation, needed with the term for PSO certificates (obligationShare)',
    )
    .option('--json', 'print JSON instead of text')
    .action(
      (
        file: string,
        opts: {
          policy: string;
          contractStart?: string;
          contractEnd?: string;
          obligation?: string;
          json?: boolean;
        },
      ) => {
        if ((opts.contractStart === undefined) !== (opts.contractEnd === undefined))
          throw new Error(
            'Give the contract term with both --contract-start and --contract-end, or neither.',
          );
        const checked = validatePolicy(JSON.parse(readFileSync(opts.policy, 'utf8')));
        if (!checked.ok) throw invalid(`The policy in ${opts.policy} is invalid`, checked.issues);
        const result = valueCsv(readFileSync(file, 'utf8'), checked.policy, {
          contractStart: opts.contractStart,
          contractEnd: opts.contractEnd,
          obligationCents: opts.obligation === undefined ? undefined : eurosToCents(opts.obligation),
        });
        console.log(opts.json ? JSON.stringify(result, null, 2) : formatValuations(result));
        if (result.rows.some((r) => r.error)) process.exitCode = 1;
      },
    );
}
