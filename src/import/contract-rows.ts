import { DomainError } from '../domain/errors.ts';
import {
  readContractAmount,
  readContractDate,
  readContractKind,
  readContractText,
  readKvkNumber,
  readOptionalContractDate,
  readOptionalEmail,
  type Cell,
  type Read,
} from './contract-cells.ts';
import {
  contractColumns,
  detectImportKind,
  readContractCsv,
  readContractXlsx,
  type ContractColumn,
  type ContractSheet,
} from './contract-table.ts';
import { readOcdsContracts } from './ocds-contracts.ts';

/**
 * One contract to import, the same from a sheet row or an OCDS contract, with the column (or JSON
 * path) each field came from so a refusal names it (decision 022).
 */
export interface ImportRow {
  row: number;
  columns: Record<ContractColumn, string>;
  reference: string;
  title: string;
  /** `key`: the KvK number, or `SCHEME-id` for another identifier scheme (OCDS). */
  supplier: { key: string; scheme: string; name: string | null };
  valueCents: number;
  startDate: string;
  endDate: string;
  maxExtentDate: string | null;
  /** Absent in a sheet: the start date, as `POST /contracts` without `awardDate`. */
  awardDate: string | null;
  /** Not given: null (a new contract gets the default of `POST /contracts`; a stored one keeps its kind). */
  kind: 'works' | 'servicesAndSupplies' | null;
  contractManagerEmail: string | null;
  /** OCDS `implementation.transactions`: invoiced amounts by date. */
  invoices: { date: string; amountCents: number }[];
}

export interface ReadRows {
  rows: ImportRow[];
  errors: { row: number; column: string; reason: string }[];
  /** Rows read but refused for their cells (counted in the answer's `rows`). */
  refusedRows: number;
  /** The file as a whole cannot be read (wrong columns, not a package): no row was judged. */
  fatal: boolean;
}

export type ImportBody = { kind: 'json'; value: unknown } | { kind: 'bytes'; bytes: Uint8Array };

/** A sheet's errors name the column itself. */
const sheetColumns = Object.fromEntries(contractColumns.map((c) => [c, c])) as Record<ContractColumn, string>;

/** The contracts of an uploaded body: OCDS JSON, XLSX or CSV, decided by the content. */
export async function readContractRows(body: ImportBody): Promise<ReadRows> {
  if (body.kind === 'json') return fromOcds(body.value);
  const kind = detectImportKind(body.bytes);
  if (body.bytes.length === 0)
    return {
      rows: [],
      errors: [{ row: 1, column: '', reason: 'the file is empty' }],
      refusedRows: 0,
      fatal: true,
    };
  if (kind === 'unknown')
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The file is not a CSV, XLSX or OCDS JSON file (checked by its content).',
    );
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(body.bytes));
    } catch {
      return {
        rows: [],
        errors: [{ row: 0, column: '(body)', reason: 'is not valid JSON' }],
        refusedRows: 0,
        fatal: true,
      };
    }
    return fromOcds(value);
  }
  const sheet = kind === 'xlsx' ? await readContractXlsx(body.bytes) : readContractCsv(body.bytes);
  return fromSheet(sheet);
}

function fromOcds(value: unknown): ReadRows {
  const { rows, issues } = readOcdsContracts(value);
  const fatal = issues.some((i) => i.row === 0);
  const refused = new Set(issues.filter((i) => i.row > 0).map((i) => i.row));
  return {
    rows: rows.map((r) => {
      const p = r.path;
      return {
        row: r.row,
        columns: {
          reference: `${p}.id`,
          title: `${p}.title`,
          supplierKvkNumber: `${p}.awardID`,
          supplierName: `${p}.awardID`,
          value: `${p}.value`,
          startDate: `${p}.period.startDate`,
          endDate: `${p}.period.endDate`,
          awardDate: `${p}.awardID`,
          kind: `${p}.kind`,
          contractManagerEmail: `${p}.contractManagerEmail`,
          maxExtentDate: `${p}.period.maxExtentDate`,
        },
        reference: r.reference,
        title: r.title,
        supplier: { key: r.supplier.key, scheme: r.supplier.scheme, name: r.supplier.name },
        valueCents: r.valueCents,
        startDate: r.startDate,
        endDate: r.endDate,
        maxExtentDate: r.maxExtentDate,
        awardDate: r.awardDate,
        kind: r.kind,
        contractManagerEmail: null,
        invoices: r.invoices,
      };
    }),
    errors: issues,
    refusedRows: refused.size,
    fatal,
  };
}

function fromSheet(sheet: ContractSheet): ReadRows {
  const errors = [...sheet.issues];
  if (errors.some((e) => e.row === 1)) return { rows: [], errors, refusedRows: 0, fatal: true };
  const rows: ImportRow[] = [];
  let refusedRows = 0;
  const flagged = new Set(errors.map((e) => `${e.row}:${e.column}`));
  for (const { row, cells } of sheet.rows) {
    const before = errors.length;
    const cell = (c: ContractColumn): Cell => cells[c];
    const take = <T>(c: ContractColumn, read: Read<T>): T | undefined => {
      if (read.ok) return read.value;
      if (!flagged.has(`${row}:${c}`)) errors.push({ row, column: c, reason: read.reason });
      return undefined;
    };
    const reference = take('reference', readContractText(cell('reference'), 100));
    const title = take('title', readContractText(cell('title'), 300));
    const kvk = take('supplierKvkNumber', readKvkNumber(cell('supplierKvkNumber')));
    const name = take('supplierName', readContractText(cell('supplierName'), 200));
    const valueCents = take('value', readContractAmount(cell('value')));
    const startDate = take('startDate', readContractDate(cell('startDate')));
    const endDate = take('endDate', readContractDate(cell('endDate')));
    const awardDate = take('awardDate', readOptionalContractDate(cell('awardDate')));
    const kind = take('kind', readContractKind(cell('kind')));
    const email = take('contractManagerEmail', readOptionalEmail(cell('contractManagerEmail')));
    const maxExtentDate = take('maxExtentDate', readOptionalContractDate(cell('maxExtentDate')));
    if (errors.length > before || sheet.issues.some((i) => i.row === row)) {
      refusedRows++;
      continue;
    }
    rows.push({
      row,
      columns: sheetColumns,
      reference: reference as string,
      title: title as string,
      supplier: { key: kvk as string, scheme: 'NL-KVK', name: name as string },
      valueCents: valueCents as number,
      startDate: startDate as string,
      endDate: endDate as string,
      maxExtentDate: maxExtentDate ?? null,
      awardDate: awardDate ?? null,
      kind: kind ?? null,
      contractManagerEmail: email ?? null,
      invoices: [],
    });
  }
  return { rows, errors, refusedRows, fatal: false };
}
