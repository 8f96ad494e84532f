import type { Command } from 'commander';
import {
  estimateObligation,
  formatEuro,
  getPreset,
  type ContractKind,
  type Policy,
} from '../../domain/index.ts';
import { fulfilmentExamples } from '../../domain/examples.ts';

/** Loads the policy of a tenant in force on a date from the database (given by the CLI's main). */
export type TenantPolicyLoader = (slug: string, onDate: string) => Promise<Policy>;

/** Parses "1250000", "1.250.000", "1.250.000,50" or "1250000.50" euros into cents. */
export function eurosToCents(text: string): number {
  const dutch = /,\d{1,2}$/.test(text) || /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text);
  const normalised = dutch ? text.replace(/\./g, '').replace(',', '.') : text;
  const euros = Number(normalised);
  if (!/^\d+(\.\d{1,2})?$/.test(normalised) || !Number.isFinite(euros)) {
    throw new Error(`--value must be an amount in euros (e.g. 1250000 or 1.250.000,00), not "${text}"`);
  }
  return Math.round(euros * 100);
}

export interface EstimateOptions {
  valueCents: number;
  awardDate: string;
  contractKind?: ContractKind | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

export function estimateText(policy: Policy, estimate: EstimateOptions, label: string): string {
  const { valueCents } = estimate;
  const obligation = estimateObligation(policy, estimate);
  const lines = [
    `Policy: ${label} (valid from ${policy.validFrom})`,
    `Contract value: ${formatEuro(valueCents)}`,
    `Obligation: ${formatEuro(obligation.amountCents)}`,
    `Regime: ${obligation.regime}`,
    `Explanation: ${obligation.explanation}`,
  ];
  const examples = fulfilmentExamples(policy, obligation.amountCents);
  if (examples.length) {
    lines.push('For example, any one of:');
    for (const e of examples) lines.push(`  - ${e.name}: ${e.explanation}`);
  }
  return lines.join('\n');
}

interface EstimateCliOptions {
  value: string;
  tenant?: string;
  preset?: string;
  awardDate?: string;
  kind?: string;
  start?: string;
  end?: string;
}

/** `--kind` as the API's `kind`. */
export function kindOf(text: string | undefined): ContractKind | undefined {
  if (text === undefined || text === 'works' || text === 'servicesAndSupplies') return text;
  throw new Error(`--kind must be works or servicesAndSupplies, not "${text}"`);
}

export function registerEstimate(program: Command, loadTenantPolicy: TenantPolicyLoader) {
  program
    .command('estimate')
    .description('print the social return obligation, regime and explanation for a contract value')
    .requiredOption('--value <euros>', 'contract value in euros, excl. VAT')
    .option('--tenant <slug>', "use this municipality's policy from the database")
    .option(
      '--preset <name>',
      'use a preset policy (amsterdam, rijk, den-haag, rotterdam, schiedam, sudwest-fryslan)',
    )
    .option('--award-date <date>', 'award date (YYYY-MM-DD), default today')
    .option(
      '--kind <kind>',
      'contract kind: works or servicesAndSupplies (a policy may set a threshold per kind)',
    )
    .option(
      '--start <date>',
      'contract start (YYYY-MM-DD), with --end; without a term a minimum term is only named',
    )
    .option('--end <date>', 'contract end (YYYY-MM-DD), with --start')
    .action(async (opts: EstimateCliOptions) => {
      if (opts.tenant && opts.preset) throw new Error('Give --tenant or --preset, not both.');
      const awardDate = opts.awardDate ?? new Date().toISOString().slice(0, 10);
      const valueCents = eurosToCents(opts.value);
      const policy = opts.tenant
        ? await loadTenantPolicy(opts.tenant, awardDate)
        : getPreset(opts.preset ?? 'amsterdam');
      const label = opts.tenant ? `municipality ${opts.tenant}` : `preset ${opts.preset ?? 'amsterdam'}`;
      const estimate = {
        valueCents,
        awardDate,
        contractKind: kindOf(opts.kind),
        startDate: opts.start,
        endDate: opts.end,
      };
      console.log(estimateText(policy, estimate, label));
    });
}
