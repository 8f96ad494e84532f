import { DomainError, invalid } from '../../domain/errors.ts';
import { decodeKeysetCursor, encodeKeysetCursor, pageLimit } from '../cursor.ts';
import {
  canReview,
  canSubmit,
  statusAfterEdit,
  type NeedKind,
  type NeedStatus,
  type ProfileStatus,
  type Theme,
} from '../../domain/marketplace.ts';
import { listInitiatives, needsOf, saveNeeds, updateInitiative } from '../../db/repositories/marketplace.ts';
import { audit } from '../lifecycle/scope.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentInitiative, type InitiativeView } from './present.ts';
import { ownInitiative, requireInitiative, reviewers } from './scope.ts';

export interface NeedInput {
  /** A need saved before keeps its id (pledges refer to it); without one it is new. */
  id?: string | undefined;
  status?: NeedStatus | undefined;
  kind: NeedKind;
  expertise?: string | null | undefined;
  description: string;
  quantity?: number | null | undefined;
}

export interface ProfileInput {
  name: string;
  description: string;
  themes: Theme[];
  targetGroups: string[];
  location?: string | null | undefined;
  needs: NeedInput[];
}

async function withNeeds(
  db: Parameters<typeof needsOf>[0],
  tenantId: string,
  row: Parameters<typeof presentInitiative>[0],
) {
  return presentInitiative(row, await needsOf(db, tenantId, [row.id]));
}

/** The initiative user's own profile with its needs, in any status. */
export const getMyInitiative = defineUseCase<void, InitiativeView>({
  name: 'initiative.readOwn',
  access: ['initiative'],
  async run({ deps, actor }) {
    return withNeeds(deps.db, tenantOf(actor), await ownInitiative(deps.db, actor));
  },
});

/**
 * The initiative edits its profile and needs. The list is the whole list, in order: a need with
 * its id is changed in place, one without is added, one left out is deleted, or closed when a
 * pledge answers it (decision 026). A submitted
 * or rejected profile goes back to draft; an approved one stays approved (decision 012).
 */
export const saveMyInitiative = defineUseCase<ProfileInput, InitiativeView>({
  name: 'initiative.update',
  access: ['initiative'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const current = await ownInitiative(tx, actor, { forUpdate: true });
      const known = new Set((await needsOf(tx, tenantId, [current.id])).map((n) => n.id));
      const seen = new Set<string>();
      const issues = input.needs.flatMap((n, i) => {
        if (n.id === undefined) return [];
        const ok = known.has(n.id) && !seen.has(n.id);
        seen.add(n.id);
        return ok ? [] : [{ name: `needs.${i}.id`, reason: 'is not a need of this initiative' }];
      });
      if (issues.length) throw invalid('A need is not one of this initiative.', issues);
      const status = statusAfterEdit(current.status as ProfileStatus);
      const row = await updateInitiative(tx, tenantId, current.id, {
        name: input.name.trim(),
        description: input.description.trim(),
        themes: [...new Set(input.themes)],
        targetGroups: [...new Set(input.targetGroups.map((g) => g.trim()).filter(Boolean))],
        location: input.location?.trim() || null,
        status,
        updatedAt: deps.now(),
      });
      const needs = await saveNeeds(
        tx,
        tenantId,
        row.id,
        input.needs.map((n) => ({
          id: n.id,
          status: n.status ?? 'open',
          kind: n.kind,
          expertise: n.expertise?.trim() || null,
          description: n.description.trim(),
          quantity: n.quantity === undefined || n.quantity === null ? null : String(n.quantity),
        })),
      );
      await audit(tx, actor, 'initiative.update', 'initiative', row.id, {
        status,
        themes: row.themes,
        needs: needs.length,
      });
      return presentInitiative(row, needs);
    });
  },
});

/** The initiative asks the municipality to approve its profile (from draft or rejected). */
export const submitMyInitiative = defineUseCase<void, InitiativeView>({
  name: 'initiative.submit',
  access: ['initiative'],
  async run({ deps, actor }) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const current = await ownInitiative(tx, actor, { forUpdate: true });
      if (!canSubmit(current.status as ProfileStatus))
        throw new DomainError(
          'INVALID_STATE',
          `The profile is ${current.status}; only a draft can be submitted.`,
        );
      const row = await updateInitiative(tx, tenantId, current.id, {
        status: 'submitted',
        submittedAt: deps.now(),
        reviewReason: null,
      });
      await audit(tx, actor, 'initiative.submit', 'initiative', row.id);
      return withNeeds(tx, tenantId, row);
    });
  },
});

export interface ReviewInput {
  id: string;
  decision: 'approved' | 'rejected';
  reason?: string | undefined;
}

/** The municipality approves a submitted profile, or rejects it (also an approved one) with a reason. */
export const reviewInitiative = defineUseCase<ReviewInput, InitiativeView>({
  name: 'initiative.review',
  access: reviewers,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const reason = input.reason?.trim() ?? '';
    if (input.decision === 'rejected' && !reason)
      throw new DomainError('VALIDATION', 'A rejection says why.', [
        { name: 'reason', reason: 'is required when rejecting' },
      ]);
    return deps.db.transaction(async (tx) => {
      const current = await requireInitiative(tx, actor, input.id, { forUpdate: true });
      if (!canReview(current.status as ProfileStatus, input.decision))
        throw new DomainError(
          'INVALID_STATE',
          `The profile is ${current.status}; it cannot be ${input.decision} now.`,
        );
      const row = await updateInitiative(tx, tenantId, current.id, {
        status: input.decision,
        reviewReason: reason || null,
        reviewedAt: deps.now(),
        reviewedBy: actor.userId,
      });
      await audit(tx, actor, 'initiative.review', 'initiative', row.id, {
        decision: input.decision,
        reason: reason || null,
      });
      return withNeeds(tx, tenantId, row);
    });
  },
});

export interface BrowseInput {
  theme?: Theme | undefined;
  needKind?: NeedKind | undefined;
  status?: ProfileStatus | undefined;
  /** A page of this many (by name) instead of all; `nextCursor` asks for the next. */
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * Initiatives of the municipality: suppliers see approved profiles only; reviewers see all and may
 * filter by status (the review list is `status=submitted`).
 */
export const browseInitiatives = defineUseCase<BrowseInput, { items: InitiativeView[]; nextCursor?: string }>(
  {
    name: 'initiative.list',
    access: ['supplier', ...reviewers],
    async run({ deps, actor }, input) {
      const tenantId = tenantOf(actor);
      const statuses =
        actor.role === 'supplier'
          ? ['approved'].filter((s) => !input.status || s === input.status)
          : input.status && [input.status];
      const paged = input.limit !== undefined || input.cursor !== undefined;
      const after = decodeKeysetCursor(input.cursor);
      const page = await listInitiatives(
        deps.db,
        tenantId,
        { statuses, theme: input.theme, needKind: input.needKind },
        paged ? { limit: pageLimit(input.limit, 50, 500), after } : undefined,
      );
      const needs = await needsOf(
        deps.db,
        tenantId,
        page.items.map((r) => r.id),
      );
      return {
        items: page.items.map((r) => presentInitiative(r, needs)),
        ...(page.next ? { nextCursor: encodeKeysetCursor(page.next) } : {}),
      };
    },
  },
);

/** One initiative: approved for suppliers, own for an initiative user, any for reviewers. */
export const getInitiative = defineUseCase<{ id: string }, InitiativeView>({
  name: 'initiative.read',
  access: ['supplier', 'initiative', ...reviewers],
  async run({ deps, actor }, input) {
    return withNeeds(deps.db, tenantOf(actor), await requireInitiative(deps.db, actor, input.id));
  },
});
