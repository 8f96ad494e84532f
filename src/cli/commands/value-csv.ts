import { parse } from 'csv-parse/sync';
import {
  activityTypeByCode,
  formatEuro,
  valueActivity,
  type ActivityInput,
  type Policy,
} from '../../domain/index.ts';
import { DomainError } from '../../domain/errors.ts';

export interface CsvValuation {
  row: number;
  typeCode: string;
  valueCents?: number;
  ruleId?: string;
  explanation?: string;
  error?: string;
}

export interface CsvContext {
  contractStart: string;
  contractEnd: string;
  obligationCents: number;
}

const numberColumns = ['fte', 'months', 'units', 'hours'] as const;

/**
 * Values every row of an activities CSV (comma or semicolon separated, decimal comma allowed with `;`)
 * with the policy's catalogue. Columns: typeCode, period?, fte?, months?, units?, hours?,
 * amountCents? or amount? (euros), validFrom?, validTo?. A bad row is reported, the others still count.
 */
export function valueCsv(
  text: string,
  policy: Policy,
  context: CsvContext,
): { rows: CsvValuation[]; totalCents: number } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = parse(text, {
    columns: true,
    delimiter,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const rows: CsvValuation[] = [];
  let totalCents = 0;
  records.forEach((record, index) => {
    const row = index + 2; // header is line 1
    const typeCode = record.typeCode ?? '';
    try {
      const type = activityTypeByCode(policy, typeCode);
      if (!type) throw new DomainError('VALIDATION', `unknown activity type "${typeCode}"`);
      const valuation = valueActivity(type, toInput(record, delimiter), {
        contractStart: context.contractStart,
        contractEnd: context.contractEnd,
        obligationCents: context.obligationCents,
        period: record.period || undefined,
      });
      totalCents += valuation.valueCents;
      rows.push({ row, typeCode, ...valuation });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const detail = error.issues.map((i) => `${i.name}: ${i.reason}`).join('; ');
      rows.push({ row, typeCode, error: detail || error.message });
    }
  });
  return { rows, totalCents };
}

function toInput(record: Record<string, string>, delimiter: string): ActivityInput {
  const num = (name: string) => {
    const raw = record[name];
    if (raw === undefined || raw === '') return undefined;
    const normalised = delimiter === ';' ? raw.replace(/\./g, '').replace(',', '.') : raw;
    const n = Number(normalised);
    if (!Number.isFinite(n))
      throw new DomainError('VALIDATION', `${name}: not a number: ${raw}`, [
        { name, reason: `not a number: ${raw}` },
      ]);
    return n;
  };
  const input: ActivityInput = {};
  for (const c of numberColumns) {
    const v = num(c);
    if (v !== undefined) input[c] = v;
  }
  const amountCents = num('amountCents');
  const amountEuros = num('amount');
  if (amountCents !== undefined) input.amountCents = amountCents;
  else if (amountEuros !== undefined) input.amountCents = Math.round(amountEuros * 100);
  if (record.validFrom) input.validFrom = record.validFrom;
  if (record.validTo) input.validTo = record.validTo;
  return input;
}

/** Plain-text table of the valuations and the total, as the CLI prints it. */
export function formatValuations(result: { rows: CsvValuation[]; totalCents: number }): string {
  const lines = result.rows.map((r) =>
    r.error
      ? `row ${r.row}  ${r.typeCode || '?'}  REFUSED: ${r.error}`
      : `row ${r.row}  ${r.typeCode}  ${formatEuro(r.valueCents ?? 0)}  ${r.explanation}  [${r.ruleId}]`,
  );
  const refused = result.rows.filter((r) => r.error).length;
  lines.push(
    `total ${formatEuro(result.totalCents)} (${result.rows.length - refused} valued, ${refused} refused)`,
  );
  return lines.join('\n');
}
