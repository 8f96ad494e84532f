import { parse } from 'csv-parse/sync';
import {
  activityTypeByCode,
  formatEuro,
  halfYearRange,
  valueActivity,
  type ActivityInput,
  type ActivityType,
  type Policy,
  type ValuationContextInput,
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

/** The contract the activities belong to; without a term each row is valued within its own half-year. */
export interface CsvContext {
  contractStart?: string | undefined;
  contractEnd?: string | undefined;
  /** The contract's obligation: needed (with the term) for PSO certificates (obligationShare). */
  obligationCents?: number | undefined;
}

const numberColumns = ['fte', 'months', 'units', 'hours'] as const;

/** A refused cell: the message names the column; the row is named where the refusal is reported. */
function cellError(column: string, reason: string): DomainError {
  return new DomainError('VALIDATION', `column ${column}: ${reason}`, [{ name: `column ${column}`, reason }]);
}

/**
 * A number as people write it in either notation, read without guessing: `10,5` and `10.5` are both
 * 10.5; `1.234,56` and `1,234.56` are both 1234.56 (the last separator is the decimal one, the other
 * groups thousands). A single separator followed by exactly three digits (`1.234`, `1,234`) could be
 * either, so it is refused. Returns the number as a plain decimal text (`1234.56`), or throws.
 */
export function readDecimal(raw: string, column: string): string {
  const m = /^(-?)(\d+(?:[.,]\d+)*)$/.exec(raw.replace(/\s/g, ''));
  if (!m) throw cellError(column, `not a number: "${raw}"`);
  const [, sign = '', body = ''] = m;
  const seps = body.replace(/\d/g, '');
  const parts = body.split(/[.,]/);
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const groupable = first.length <= 3 && first !== '0';
  if (seps.length === 0) return sign + body;
  if (seps.length === 1) {
    if (last.length === 3 && groupable)
      throw cellError(
        column,
        `"${raw}" is ambiguous (thousands separator or decimal?): write ${first}${last} or ${first}${seps}${last.slice(0, 2)}`,
      );
    return `${sign}${first}.${last}`;
  }
  const middleOk = groupable && parts.slice(1, -1).every((p) => p.length === 3);
  if ([...seps].every((c) => c === seps[0])) {
    // 1.234.567: two of the same mark can only group thousands
    if (middleOk && last.length === 3) return sign + parts.join('');
  } else {
    // 1.234,56 or 1,234.56: the last mark is the decimal one, the other groups thousands
    const groups = seps.slice(0, -1);
    if (middleOk && [...groups].every((c) => c === groups[0]) && groups[0] !== seps.at(-1))
      return `${sign}${parts.slice(0, -1).join('')}.${last}`;
  }
  throw cellError(column, `not a number: "${raw}"`);
}

/**
 * Values every row of an activities CSV (comma or semicolon separated; decimals with a comma or a dot)
 * with the policy's catalogue. Columns: typeCode, period?, fte?, months?, units?, hours?,
 * amountCents? or amount? (euros, at most 2 decimals), validFrom?, validTo?, and for `targetGroupYear`
 * targetGroup?, hoursPerWeek?, bonuses? ('|'-separated codes; the cap per candidate is not applied
 * across rows). A bad row is reported with
 * its row and column, the others still count.
 */
export function valueCsv(
  text: string,
  policy: Policy,
  context: CsvContext = {},
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
      const valuation = valueActivity(type, toInput(record), {
        ...rowContext(type, record.period || undefined, context),
        scale: policy,
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

function rowContext(
  type: ActivityType,
  period: string | undefined,
  context: CsvContext,
): ValuationContextInput {
  const { contractStart, contractEnd, obligationCents } = context;
  const hasTerm = contractStart !== undefined && contractEnd !== undefined;
  if (type.method === 'obligationShare' && (!hasTerm || obligationCents === undefined))
    throw new DomainError(
      'VALIDATION',
      `${type.code} counts a share of the contract's obligation over its term: give --obligation <euros> and --contract-start/--contract-end`,
    );
  if (hasTerm) return { contractStart, contractEnd, obligationCents: obligationCents ?? 0, period };
  if (period === undefined)
    throw new DomainError(
      'VALIDATION',
      'without a contract term (--contract-start/--contract-end) each row needs a period (e.g. 2026-H1)',
    );
  // without a term the row is valued within its own half-year
  const { start, end } = halfYearRange(period);
  return { contractStart: start, contractEnd: end, obligationCents: 0, period };
}

function toInput(record: Record<string, string>): ActivityInput {
  const num = (name: string): number | undefined => {
    const raw = record[name];
    if (raw === undefined || raw === '') return undefined;
    return Number(readDecimal(raw, name));
  };
  const input: ActivityInput = {};
  for (const c of numberColumns) {
    const v = num(c);
    if (v !== undefined) input[c] = v;
  }
  const amountCents = num('amountCents');
  if (amountCents !== undefined) input.amountCents = amountCents;
  else if (record.amount) input.amountCents = eurosToCentsExact(readDecimal(record.amount, 'amount'));
  if (record.validFrom) input.validFrom = record.validFrom;
  if (record.validTo) input.validTo = record.validTo;
  // targetGroupYear (domain.md §11): bonus codes separated by '|' or spaces; no cap across rows here
  if (record.targetGroup) input.targetGroup = record.targetGroup;
  const hoursPerWeek = num('hoursPerWeek');
  if (hoursPerWeek !== undefined) input.hoursPerWeek = hoursPerWeek;
  if (record.bonuses) input.bonuses = record.bonuses.split(/[|\s]+/).filter(Boolean);
  return input;
}

/** Euros as cents from their decimal text, without floating point; more than 2 decimals is refused. */
function eurosToCentsExact(decimal: string): number {
  const [whole = '', frac = ''] = decimal.split('.');
  if (frac.length > 2)
    throw cellError(
      'amount',
      `${decimal} euros has more than 2 decimals (whole cents only; nothing is rounded)`,
    );
  const c = Number(whole) * 100 + (whole.startsWith('-') ? -1 : 1) * Number(frac.padEnd(2, '0'));
  return c === 0 ? 0 : c;
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
