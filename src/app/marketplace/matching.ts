import { DomainError } from '../../domain/errors.ts';
import type { NeedKind, Theme } from '../../domain/marketplace.ts';
import {
  noStrengths,
  rank,
  scoreNeed,
  type Match,
  type RankKey,
  type Strengths,
} from '../../domain/matching.ts';
import { supplierById } from '../../db/repositories/suppliers.ts';
import {
  needOf,
  openNeedsOfApproved,
  saveStrengths,
  strengthsOf,
  suppliersWithStrengths,
  type StrengthsRow,
} from '../../db/repositories/marketplace.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import type { Actor } from '../actor.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.ts';
import { audit } from '../lifecycle/scope.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentNeed } from './present.ts';
import { requireInitiative, reviewers } from './scope.ts';

/**
 * Matching in the marketplace (decision 026): a supplier states its strengths; the open needs of
 * approved initiatives are ranked for it by `domain/matching.ts`, and an initiative (and the
 * municipality) sees which suppliers fit one of its needs, each with the reasons.
 */

export interface StrengthsInput {
  kinds: NeedKind[];
  expertise: string[];
  hoursCapacity?: number | null | undefined;
  goodsCapacity?: number | null | undefined;
  moneyCapacityCents?: number | null | undefined;
  placesCapacity?: number | null | undefined;
  themes: Theme[];
  targetGroups: string[];
  description?: string | undefined;
}

const num = (v: string | null) => (v === null ? null : Number(v));

function toStrengths(row: StrengthsRow | undefined): Strengths {
  if (!row) return noStrengths;
  return {
    kinds: row.kinds as NeedKind[],
    expertise: row.expertise as string[],
    hoursCapacity: num(row.hoursCapacity),
    goodsCapacity: row.goodsCapacity,
    moneyCapacityCents: row.moneyCapacityCents,
    placesCapacity: row.placesCapacity,
    themes: row.themes as Theme[],
    targetGroups: row.targetGroups as string[],
  };
}

function presentStrengths(supplierId: string, row: StrengthsRow | undefined) {
  const s = toStrengths(row);
  return {
    supplierId,
    kinds: [...s.kinds],
    expertise: [...s.expertise],
    hoursCapacity: s.hoursCapacity,
    goodsCapacity: s.goodsCapacity,
    moneyCapacityCents: s.moneyCapacityCents,
    placesCapacity: s.placesCapacity,
    themes: [...s.themes],
    targetGroups: [...s.targetGroups],
    description: row?.description ?? '',
    updatedAt: row?.updatedAt?.toISOString() ?? null,
  };
}
export type StrengthsView = ReturnType<typeof presentStrengths>;

/** The supplier itself, or municipality staff; any other supplier gets NOT_FOUND. */
async function requireSupplier(db: Parameters<typeof supplierById>[0], actor: Actor, id: string) {
  const row = isUuid(id) ? await supplierById(db, tenantOf(actor), id) : undefined;
  if (!row || (actor.role === 'supplier' && actor.supplierId !== row.id))
    throw new DomainError('NOT_FOUND', 'No such supplier.');
  return row;
}

/** A supplier's strengths (empty lists when it stated none yet). */
export const getStrengths = defineUseCase<{ supplierId: string }, StrengthsView>({
  name: 'supplier.strengths.read',
  access: ['supplier', ...reviewers],
  async run({ deps, actor }, input) {
    const supplier = await requireSupplier(deps.db, actor, input.supplierId);
    return presentStrengths(supplier.id, await strengthsOf(deps.db, tenantOf(actor), supplier.id));
  },
});

const clean = (list: string[]) => {
  const seen = new Map<string, string>();
  for (const raw of list) {
    const v = raw.trim();
    if (v && !seen.has(v.toLocaleLowerCase('nl'))) seen.set(v.toLocaleLowerCase('nl'), v);
  }
  return [...seen.values()];
};

/** The supplier states what it can offer and what it has an affinity with (replaced as a whole). */
export const updateStrengths = defineUseCase<StrengthsInput & { supplierId: string }, StrengthsView>({
  name: 'supplier.strengths.update',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const supplier = await requireSupplier(tx, actor, input.supplierId);
      const values = {
        kinds: [...new Set(input.kinds)],
        expertise: clean(input.expertise),
        hoursCapacity: input.hoursCapacity == null ? null : String(input.hoursCapacity),
        goodsCapacity: input.goodsCapacity ?? null,
        moneyCapacityCents: input.moneyCapacityCents ?? null,
        placesCapacity: input.placesCapacity ?? null,
        themes: [...new Set(input.themes)],
        targetGroups: clean(input.targetGroups),
        description: input.description?.trim() ?? '',
        updatedBy: actor.userId,
        updatedAt: deps.now(),
      };
      const row = await saveStrengths(tx, tenantId, supplier.id, values);
      await audit(tx, actor, 'supplier.strengths.update', 'supplier', supplier.id, {
        kinds: values.kinds,
        expertise: values.expertise,
        themes: values.themes,
        targetGroups: values.targetGroups,
      });
      return presentStrengths(supplier.id, row);
    });
  },
});

type Cursor = RankKey;
const isCursor = (v: unknown): v is [number, string, string] =>
  Array.isArray(v) &&
  v.length === 3 &&
  typeof v[0] === 'number' &&
  Number.isSafeInteger(v[0]) &&
  typeof v[1] === 'string' &&
  typeof v[2] === 'string' &&
  isUuid(v[2]);
const readCursor = (raw: string | undefined): Cursor | undefined => {
  const c = decodeCursor(raw, isCursor, 'is not a cursor of this list');
  return c && { score: c[0], key: c[1], id: c[2] };
};

/** A page of a ranked list: `limit` after the cursor, and the next cursor when more follow. */
function pageOf<T extends RankKey>(items: T[], limit: number, after: Cursor | undefined) {
  const ranked = rank(items, after);
  const page = ranked.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    ...(ranked.length > limit && last ? { nextCursor: encodeCursor([last.score, last.key, last.id]) } : {}),
  };
}

export interface PageInput {
  limit?: number | undefined;
  cursor?: string | undefined;
}

const present = (m: Match) => ({ score: m.score, fits: m.score > 0, reasons: m.reasons });

/**
 * The open needs of approved initiatives, best fit for the supplier's strengths first (ties by
 * initiative name and the need's place in its list), each with its score and the reasons.
 */
export const rankedNeeds = defineUseCase<PageInput, { items: RankedNeedView[]; nextCursor?: string }>({
  name: 'need.ranked',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const limit = pageLimit(input.limit, 20, 100);
    const after = readCursor(input.cursor);
    const supplierId = actor.supplierId ?? '';
    const strengths = toStrengths(
      isUuid(supplierId) ? await strengthsOf(deps.db, tenantId, supplierId) : undefined,
    );
    const needs = await openNeedsOfApproved(deps.db, tenantId);
    const scored = needs.map((n) => {
      const need = presentNeed(n);
      const match = scoreNeed(strengths, {
        kind: need.kind,
        expertise: need.expertise,
        quantity: need.quantity,
        themes: n.themes as Theme[],
        targetGroups: n.targetGroups as string[],
      });
      return {
        score: match.score,
        key: `${n.initiativeName}\u0000${String(n.position).padStart(6, '0')}`,
        id: n.id,
        view: {
          need,
          initiativeId: n.initiativeId,
          initiativeName: n.initiativeName,
          themes: n.themes as Theme[],
          targetGroups: n.targetGroups as string[],
          ...present(match),
        },
      };
    });
    const { page, nextCursor } = pageOf(scored, limit, after);
    return { items: page.map((s) => s.view), ...(nextCursor ? { nextCursor } : {}) };
  },
});

export interface RankedNeedView extends ReturnType<typeof present> {
  need: ReturnType<typeof presentNeed>;
  initiativeId: string;
  initiativeName: string;
  themes: Theme[];
  targetGroups: string[];
}

export interface FittingSupplierView extends ReturnType<typeof present> {
  supplierId: string;
  supplierName: string;
  kinds: NeedKind[];
  expertise: string[];
  description: string;
}

/**
 * The suppliers whose strengths fit one need of an initiative, best first (ties by name): for the
 * initiative itself and for the municipality. Suppliers that stated nothing that fits are left out.
 */
export const fittingSuppliers = defineUseCase<
  PageInput & { initiativeId: string; needId: string },
  { need: ReturnType<typeof presentNeed>; items: FittingSupplierView[]; nextCursor?: string }
>({
  name: 'need.suppliers',
  access: ['initiative', ...reviewers],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const limit = pageLimit(input.limit, 20, 100);
    const after = readCursor(input.cursor);
    const initiative = await requireInitiative(deps.db, actor, input.initiativeId);
    const row = await needOf(deps.db, tenantId, initiative.id, input.needId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such need.');
    const need = presentNeed(row);
    const toMatch = {
      kind: need.kind,
      expertise: need.expertise,
      quantity: need.quantity,
      themes: initiative.themes as Theme[],
      targetGroups: initiative.targetGroups as string[],
    };
    const scored = (await suppliersWithStrengths(deps.db, tenantId)).flatMap((s) => {
      const match = scoreNeed(toStrengths(s), toMatch);
      if (match.score === 0) return [];
      return [
        {
          score: match.score,
          key: s.supplierName,
          id: s.supplierId,
          view: {
            supplierId: s.supplierId,
            supplierName: s.supplierName,
            kinds: s.kinds as NeedKind[],
            expertise: s.expertise as string[],
            description: s.description,
            ...present(match),
          },
        },
      ];
    });
    const { page, nextCursor } = pageOf(scored, limit, after);
    return { need, items: page.map((s) => s.view), ...(nextCursor ? { nextCursor } : {}) };
  },
});
