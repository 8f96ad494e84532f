import { addDays } from '../../domain/dates.ts';
import type { Role } from '../../domain/access.ts';
import type { Db } from '../../db/client.ts';
import { listContracts as listContractRows } from '../../db/repositories/contracts.ts';
import {
  answeredQuestions,
  overdueReports,
  plansIn,
  queueLimit,
  questionsToAnswer,
  reportsDue,
  reportsToVerify,
  type QueueRow,
} from '../../db/repositories/work-queue.ts';
import type { ContractScope } from '../../db/repositories/contracts.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { loadFacts, progressAt } from '../lifecycle/progress-data.ts';
import { scopeOf } from '../lifecycle/scope.ts';

/** What can wait for someone; the UI links each kind to the page where it is done. */
export type QueueKind =
  | 'toVerify' // advisor: submitted reports with activities to accept or reject
  | 'answered' // advisor: the supplier answered a question
  | 'toReview' // advisor: submitted plans
  | 'overdue' // advisor: reports past their due date
  | 'behind' // advisor: contracts behind their pace
  | 'due' // supplier: reports to submit, by due date
  | 'questions' // supplier: the advisor asked something about an activity
  | 'returnedPlans' // supplier: a plan came back with a comment
  | 'toEvaluate'; // contract manager: contracts ended or ending within 60 days

export interface QueueGroup {
  kind: QueueKind;
  /** All of this kind; `items` holds the first few (oldest or most urgent first). */
  count: number;
  items: QueueRow[];
}

/** How far ahead a contract manager sees a contract coming up for evaluation. */
export const evaluateAheadDays = 60;
/** How long after its end a contract stays in the queue (there is no "evaluated" mark yet). */
export const evaluateBehindDays = 365;

type Group = { total: number; rows: QueueRow[] };
const group = (kind: QueueKind, g: Group): QueueGroup => ({ kind, count: g.total, items: g.rows });

/**
 * Contracts in scope with their progress today, filtered in memory (progress is not a column).
 * City scale: one query per table for the whole scope, as the dashboard does.
 */
async function contractsWhere(
  db: Db,
  scope: ContractScope,
  today: string,
  keep: (status: string, endDate: string) => boolean,
): Promise<Group> {
  const facts = await loadFacts(db, scope.tenantId, await listContractRows(db, scope));
  const rows = facts
    .map((f) => ({ f, status: progressAt(f, today).status }))
    .filter(({ f, status }) => keep(status, f.endDate))
    .sort(
      (a, b) =>
        a.f.endDate.localeCompare(b.f.endDate) ||
        a.f.contract.reference.localeCompare(b.f.contract.reference),
    )
    .map(({ f }): QueueRow => ({
      contractId: f.contract.id,
      contractReference: f.contract.reference,
      contractTitle: f.contract.title,
      supplierName: f.contract.supplierName,
      reportId: null,
      period: null,
      date: f.endDate,
      activities: 0,
    }));
  return { total: rows.length, rows: rows.slice(0, queueLimit) };
}

const kindsOf: Partial<Record<Role, readonly QueueKind[]>> = {
  advisor: ['toVerify', 'answered', 'toReview', 'overdue', 'behind'],
  municipalityAdmin: ['toReview', 'overdue', 'behind'],
  contractManager: ['toEvaluate', 'overdue'],
  supplier: ['due', 'questions', 'returnedPlans'],
  // An independent verifier: the reports of the contracts assigned to them (the scope narrows it).
  verifier: ['toVerify', 'answered'],
};

/**
 * The work queue of the start page: per role, what waits for them, with counts and the first items
 * (domain of decision 015: counts come from the database, not from a page of a list).
 */
export const workQueue = defineUseCase<Record<string, never>, { items: QueueGroup[] }>({
  name: 'workQueue.get',
  access: ['advisor', 'municipalityAdmin', 'contractManager', 'supplier', 'verifier'],
  async run({ deps, actor }) {
    const scope = scopeOf(actor);
    const today = isoDay(deps.now());
    const db = deps.db;
    const load: Record<QueueKind, () => Promise<Group>> = {
      toVerify: () => reportsToVerify(db, scope),
      answered: () => answeredQuestions(db, scope),
      toReview: () => plansIn(db, scope, 'submitted'),
      overdue: () => overdueReports(db, scope),
      behind: () => contractsWhere(db, scope, today, (status) => status === 'behind'),
      due: () => reportsDue(db, scope),
      questions: () => questionsToAnswer(db, scope),
      returnedPlans: () => plansIn(db, scope, 'returned'),
      toEvaluate: () =>
        contractsWhere(
          db,
          scope,
          today,
          (_, end) => end <= addDays(today, evaluateAheadDays) && end >= addDays(today, -evaluateBehindDays),
        ),
    };
    const kinds = kindsOf[actor.role] ?? [];
    const groups: QueueGroup[] = [];
    // One after another: PGlite serialises anyway, and PostgreSQL gets one connection at a time.
    for (const kind of kinds) groups.push(group(kind, await load[kind]()));
    return { items: groups };
  },
});
