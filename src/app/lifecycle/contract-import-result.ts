import type { ImportBody, ImportRow } from '../../import/contract-rows.ts';

/**
 * What the contract import answers (api.md `POST /contract-imports`), and the small pieces both its
 * set-based path (`import-contracts.ts`) and the row-by-row oracle in test/oracle share: the same
 * answer, the same rollback, the same field named for a refusal of the award.
 */
export interface ImportError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportedContract {
  row: number;
  reference: string;
  title: string;
  supplierName: string;
  supplierKey: string;
  valueCents: number;
  startDate: string;
  endDate: string;
  maxExtentDate: string | null;
  awardDate: string;
  kind: 'works' | 'servicesAndSupplies';
  /** `create`: a new contract; `unchanged`: the same contract is already there. */
  action: 'create' | 'unchanged';
  obligationCents: number;
  regime: string;
  invoicedCents: number;
}

export interface ContractImportResult {
  dryRun: boolean;
  /** Contracts read from the file. */
  rows: number;
  /** Contracts created (with `dryRun`: that would be created). */
  created: number;
  /** Contracts already there with the same data: nothing changes for them. */
  unchanged: number;
  /** Sum of the values of the contracts created. */
  valueCents: number;
  /** Sum of their obligations. */
  obligationCents: number;
  items: ImportedContract[];
  errors: ImportError[];
}

export type RowsResult = ContractImportResult & { invoicesChanged: boolean };

export interface ImportContractsInput {
  body: ImportBody;
  dryRun: boolean;
}

/** Thrown inside the transaction to roll it back (a dry run, or a file with errors). */
export class Rollback extends Error {
  readonly result: RowsResult;
  constructor(result: RowsResult) {
    super('rollback');
    this.result = result;
  }
}

/** The answer without the flag the transaction uses. */
export function withoutFlag(result: RowsResult): ContractImportResult {
  const { invoicesChanged: _changed, ...rest } = result;
  return rest;
}

/** The field of an import row that a refusal of `awardContract` names. */
export function fieldOfIssue(name: string): keyof ImportRow['columns'] {
  const map: Record<string, keyof ImportRow['columns']> = {
    supplierId: 'supplierName',
    valueCents: 'value',
    startDate: 'startDate',
    endDate: 'endDate',
    awardDate: 'awardDate',
    maxExtentDate: 'maxExtentDate',
    contractManagerId: 'contractManagerEmail',
    reference: 'reference',
    title: 'title',
    kind: 'kind',
  };
  return map[name] ?? 'reference';
}
