import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { prepared } from '../prepared.ts';
import { contractExtensions, contracts, suppliers, users } from '../schema/index.ts';
import {
  flatten,
  scopeKind,
  scopePlaceholderConditions,
  withNames,
  type ContractScope,
  type ContractWithNames,
  type ExtensionRow,
  type ScopeKind,
} from './contracts.ts';
import { isUuid } from './evidence.ts';

/**
 * A contract's extensions as one JSON value inside the contract's own row, so that reading a
 * contract with its extensions is one round trip (issue 14: a signed-in contract read under 50
 * clients spent most of its time writing queries to the socket).
 */
const extensionsJson = sql<ExtensionJson[]>`coalesce((select json_agg(json_build_object(
  'id', e.id, 'tenantId', e.tenant_id, 'contractId', e.contract_id, 'valueCents', e.value_cents,
  'endDate', e.end_date, 'note', e.note, 'createdAt', e.created_at) order by e.created_at, e.id)
  from ${contractExtensions} e where e.tenant_id = ${contracts.tenantId} and e.contract_id = ${contracts.id}), '[]'::json)`;

type ExtensionJson = Omit<ExtensionRow, 'createdAt' | 'valueCents'> & {
  createdAt: string;
  valueCents: number | string;
};

const extensionOfJson = (x: ExtensionJson): ExtensionRow => ({
  ...x,
  valueCents: Number(x.valueCents),
  createdAt: new Date(x.createdAt),
});

/** Contracts with their extensions, by id, that a scope may see: one statement per kind of scope. */
function contractsByIdStatement(db: Db, kind: ScopeKind) {
  const name = `contracts_in_scope_${kind}_ext`;
  return prepared(db, name, (d) =>
    d
      .select({ ...withNames, extensions: extensionsJson })
      .from(contracts)
      .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
      .leftJoin(users, eq(users.id, contracts.contractManagerId))
      .where(
        and(
          sql`${contracts.id} = any(${sql.placeholder('ids')}::uuid[])`,
          ...scopePlaceholderConditions(kind),
        ),
      )
      .prepare(name),
  );
}

type ContractRowWithExtensions = Awaited<
  ReturnType<ReturnType<typeof contractsByIdStatement>['execute']>
>[number];

/**
 * Reads of single contracts asked for in one turn of the event loop under the same scope, waiting
 * to go to the database together (decision 034).
 */
interface Waiting {
  ids: Set<string>;
  answer: Promise<Map<string, ContractRowWithExtensions>>;
}
const waiting = new WeakMap<Db, Map<string, Waiting>>();

/** The parameters a kind of scope narrows by: reads with the same ones can share a query. */
const scopeKey = (kind: ScopeKind, scope: ContractScope) =>
  `${kind}:${scope.tenantId}:${kind === 'manager' || kind === 'verifier' ? scope.userId : kind === 'supplier' ? scope.supplierId : ''}`;

function readTogether(db: Db, kind: ScopeKind, scope: ContractScope, id: string) {
  let byScope = waiting.get(db);
  if (!byScope) waiting.set(db, (byScope = new Map()));
  const key = scopeKey(kind, scope);
  let batch = byScope.get(key);
  if (!batch) {
    const ids = new Set<string>();
    const scopeOfBatch = scope;
    const queue = byScope;
    // Sent after this turn's requests have asked (setImmediate: after the sockets read in it), so
    // every read in the batch was asked for before its query left: none sees older data than its own.
    const answer = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      queue.delete(key);
      const rows = await contractsByIdStatement(db, kind).execute({
        ids: [...ids],
        tenantId: scopeOfBatch.tenantId,
        userId: scopeOfBatch.userId,
        supplierId: scopeOfBatch.supplierId,
      });
      return new Map(rows.map((r) => [r.contract.id, r]));
    });
    batch = { ids, answer };
    byScope.set(key, batch);
  }
  // the database writes a uuid in lower case, whatever case it was asked in
  const wanted = id.toLowerCase();
  batch.ids.add(wanted);
  return batch.answer.then((rows) => rows.get(wanted));
}

/**
 * A contract with its extensions (oldest first), if the scope may see it, read outside any
 * transaction: concurrent reads under one scope share one query (`id = any(…)`, decision 034), so
 * 50 clients reading contracts cost a few round trips, not fifty. Each caller gets rows of its own.
 */
export async function contractWithExtensionsRead(
  db: Db,
  scope: ContractScope,
  id: string,
): Promise<{ contract: ContractWithNames; extensions: ExtensionRow[] } | undefined> {
  const kind = scopeKind(scope);
  if (!isUuid(id) || !kind) return undefined;
  const row = await readTogether(db, kind, scope, id);
  if (!row) return undefined;
  return { contract: flatten(row), extensions: (row.extensions ?? []).map(extensionOfJson) };
}
