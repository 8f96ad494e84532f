import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain/access.ts';
import type { Db, Tx } from '../client.ts';
import { prepared } from '../prepared.ts';
import { contractExtensions, contracts, contractVerifiers, suppliers, users } from '../schema/index.ts';
import { isUuid } from './evidence.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type ExtensionRow = typeof contractExtensions.$inferSelect;

/**
 * Who looks at contracts: advisors and municipality admins see every contract of their tenant,
 * a contract manager only the contracts they manage, a supplier user only its organisation's, an
 * independent verifier only the contracts assigned to them. Anyone else sees none. Out of scope is indistinguishable from not existing.
 */
export interface ContractScope {
  tenantId: string;
  role: Role;
  userId: string;
  supplierId: string | null;
}

/** The where-conditions of a scope on the contracts table. */
export function contractScopeConditions(scope: ContractScope): SQL[] {
  const conds: SQL[] = [eq(contracts.tenantId, scope.tenantId)];
  switch (scope.role) {
    case 'advisor':
    case 'municipalityAdmin':
      break;
    case 'contractManager':
      conds.push(eq(contracts.contractManagerId, scope.userId));
      break;
    case 'supplier':
      conds.push(scope.supplierId ? eq(contracts.supplierId, scope.supplierId) : sql`false`);
      break;
    case 'verifier':
      conds.push(
        sql`exists (select 1 from ${contractVerifiers} where ${contractVerifiers.contractId} = ${contracts.id} and ${contractVerifiers.userId} = ${scope.userId})`,
      );
      break;
    default:
      conds.push(sql`false`);
  }
  return conds;
}

export interface ContractWithNames extends ContractRow {
  supplierName: string;
  contractManagerName: string | null;
}

export const withNames = {
  contract: contracts,
  supplierName: suppliers.name,
  contractManagerName: users.name,
};

export function flatten(r: {
  contract: ContractRow;
  supplierName: string;
  contractManagerName: string | null;
}) {
  return { ...r.contract, supplierName: r.supplierName, contractManagerName: r.contractManagerName };
}

/** How a scope narrows contracts beyond its tenant: one prepared statement per kind. */
export type ScopeKind = 'tenant' | 'manager' | 'supplier' | 'verifier';
export const scopeKind = (scope: ContractScope): ScopeKind | null =>
  scope.role === 'advisor' || scope.role === 'municipalityAdmin'
    ? 'tenant'
    : scope.role === 'contractManager'
      ? 'manager'
      : scope.role === 'supplier' && scope.supplierId
        ? 'supplier'
        : scope.role === 'verifier'
          ? 'verifier'
          : null;

/**
 * The where-conditions of a kind of scope in a prepared statement, with placeholders `tenantId`,
 * `userId` and `supplierId` (as {@link contractScopeConditions} for a scope at hand): the one list
 * both the single read and the shared reads (decision 034) narrow by.
 */
export function scopePlaceholderConditions(kind: ScopeKind): (SQL | undefined)[] {
  return [
    eq(contracts.tenantId, sql.placeholder('tenantId')),
    kind === 'manager' ? eq(contracts.contractManagerId, sql.placeholder('userId')) : undefined,
    kind === 'supplier' ? eq(contracts.supplierId, sql.placeholder('supplierId')) : undefined,
    kind === 'verifier'
      ? sql`exists (select 1 from ${contractVerifiers} where ${contractVerifiers.contractId} = ${contracts.id} and ${contractVerifiers.userId} = ${sql.placeholder('userId')})`
      : undefined,
  ];
}

function contractByIdStatement(db: Db | Tx, kind: ScopeKind) {
  const name = `contract_in_scope_${kind}`;
  return prepared(db, name, (d) =>
    d
      .select(withNames)
      .from(contracts)
      .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
      .leftJoin(users, eq(users.id, contracts.contractManagerId))
      .where(and(eq(contracts.id, sql.placeholder('id')), ...scopePlaceholderConditions(kind)))
      .limit(1)
      .prepare(name),
  );
}

async function contractRowInScope(
  db: Db | Tx,
  scope: ContractScope,
  id: string,
  options: { forUpdate?: boolean },
) {
  const kind = scopeKind(scope);
  if (!isUuid(id) || !kind) return undefined;
  if (options.forUpdate) {
    await db.execute(
      sql`select id from ${contracts} where ${contracts.id} = ${id} and ${contracts.tenantId} = ${scope.tenantId} for update`,
    );
  }
  const [row] = await contractByIdStatement(db, kind).execute({
    id,
    tenantId: scope.tenantId,
    userId: scope.userId,
    supplierId: scope.supplierId,
  });
  return row;
}

/** A contract if the scope may see it; `forUpdate` locks the row until the transaction ends. */
export async function contractInScope(
  db: Db | Tx,
  scope: ContractScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractWithNames | undefined> {
  const row = await contractRowInScope(db, scope, id, options);
  return row ? flatten(row) : undefined;
}

export interface ContractFilters {
  supplierId?: string | undefined;
  regime?: string | undefined;
  q?: string | undefined;
}

/** The where-conditions of the list filters (supplier, regime, text in reference, title or supplier). */
/** The filters' conditions on the contracts table alone (no join needed). */
export function contractFilterConditions(filters: ContractFilters): SQL[] {
  const conds: SQL[] = [];
  if (filters.supplierId !== undefined)
    conds.push(isUuid(filters.supplierId) ? eq(contracts.supplierId, filters.supplierId) : sql`false`);
  if (filters.regime !== undefined) conds.push(eq(contracts.regime, filters.regime));
  const q = filters.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    // the supplier's name by a subquery, so the condition needs no join (a count reads contracts only)
    const match = or(
      ilike(contracts.reference, like),
      ilike(contracts.title, like),
      sql`${contracts.supplierId} in (select ${suppliers.id} from ${suppliers} where ${ilike(suppliers.name, like)})`,
    );
    if (match) conds.push(match);
  }
  return conds;
}

/** Contracts in scope, by reference. Status filters need progress and are applied by the use case. */
export async function listContracts(
  db: Db | Tx,
  scope: ContractScope,
  filters: ContractFilters = {},
): Promise<ContractWithNames[]> {
  const rows = await db
    .select(withNames)
    .from(contracts)
    .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .leftJoin(users, eq(users.id, contracts.contractManagerId))
    .where(and(...contractScopeConditions(scope), ...contractFilterConditions(filters)))
    .orderBy(asc(contracts.reference), asc(contracts.id));
  return rows.map(flatten);
}

/** Contracts in scope with the given ids (a page of a list), in no particular order. */
export async function contractsByIds(
  db: Db | Tx,
  scope: ContractScope,
  ids: readonly string[],
): Promise<ContractWithNames[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(withNames)
    .from(contracts)
    .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .leftJoin(users, eq(users.id, contracts.contractManagerId))
    .where(and(...contractScopeConditions(scope), inArray(contracts.id, [...ids])));
  return rows.map(flatten);
}

/** Extensions of the given contracts, keyed by contract id, oldest first. */
export async function extensionsOf(
  db: Db | Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, ExtensionRow[]>> {
  const map = new Map<string, ExtensionRow[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(contractExtensions)
    .where(and(eq(contractExtensions.tenantId, tenantId), inArray(contractExtensions.contractId, [...ids])))
    .orderBy(asc(contractExtensions.createdAt), asc(contractExtensions.id));
  for (const r of rows) {
    const list = map.get(r.contractId);
    if (list) list.push(r);
    else map.set(r.contractId, [r]);
  }
  return map;
}

/** The values of a contract to insert. */
export type NewContract = typeof contracts.$inferInsert;

export async function insertContract(tx: Tx, values: NewContract): Promise<ContractRow> {
  const [row] = await tx.insert(contracts).values(values).returning();
  if (!row) throw new Error('contract not inserted');
  return row;
}

export async function contractByReference(
  db: Db | Tx,
  tenantId: string,
  reference: string,
): Promise<ContractRow | undefined> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.reference, reference)))
    .limit(1);
  return row;
}

/** Stores a recomputed obligation (after an extension). */
export async function updateContractObligation(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<
    ContractRow,
    'obligationCents' | 'regime' | 'obligationRuleId' | 'obligationExplanation' | 'obligationExplanationNl'
  >,
): Promise<void> {
  await tx
    .update(contracts)
    .set(values)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id)));
}

export async function listExtensions(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
): Promise<ExtensionRow[]> {
  return prepared(db, 'contract_extensions', (d) =>
    d
      .select()
      .from(contractExtensions)
      .where(
        and(
          eq(contractExtensions.tenantId, sql.placeholder('tenantId')),
          eq(contractExtensions.contractId, sql.placeholder('contractId')),
        ),
      )
      .orderBy(asc(contractExtensions.createdAt), asc(contractExtensions.id))
      .prepare('contract_extensions'),
  ).execute({ tenantId, contractId });
}

/** Extensions of many contracts at once (lists and dashboards), keyed by contract id. */
export async function extensionsByContract(
  db: Db | Tx,
  tenantId: string,
): Promise<Map<string, ExtensionRow[]>> {
  const rows = await db
    .select()
    .from(contractExtensions)
    .where(eq(contractExtensions.tenantId, tenantId))
    .orderBy(asc(contractExtensions.createdAt), asc(contractExtensions.id));
  const map = new Map<string, ExtensionRow[]>();
  for (const r of rows) {
    const list = map.get(r.contractId);
    if (list) list.push(r);
    else map.set(r.contractId, [r]);
  }
  return map;
}

export async function insertExtension(
  tx: Tx,
  values: typeof contractExtensions.$inferInsert,
): Promise<ExtensionRow> {
  const [row] = await tx.insert(contractExtensions).values(values).returning();
  if (!row) throw new Error('extension not inserted');
  return row;
}

/** The contract's end date after its extensions. */
export function effectiveEndDate(
  contract: Pick<ContractRow, 'endDate'>,
  extensions: readonly ExtensionRow[],
) {
  let end = contract.endDate;
  for (const x of extensions) if (x.endDate && x.endDate > end) end = x.endDate;
  return end;
}

/** Changes the title or contract manager of a contract (the obligation is not touched). */
export async function updateContractDetails(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<Pick<ContractRow, 'title' | 'contractManagerId'>>,
): Promise<void> {
  await tx
    .update(contracts)
    .set(values)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, id)));
}
