import type { InitiativeRow, NeedRow, PledgeWithNames } from '../../db/repositories/marketplace.ts';
import type {
  NeedKind,
  NeedStatus,
  PledgeKind,
  PledgeStatus,
  ProfileStatus,
  Theme,
} from '../../domain/marketplace.ts';

const num = (v: string | null) => (v === null ? null : Number(v));

export function presentNeed(n: NeedRow) {
  return {
    id: n.id,
    kind: n.kind as NeedKind,
    expertise: n.expertise,
    description: n.description,
    quantity: num(n.quantity),
    status: n.status as NeedStatus,
  };
}

export function presentInitiative(row: InitiativeRow, needs: NeedRow[]) {
  return {
    id: row.id,
    kind: row.kind as 'initiative' | 'socialEnterprise',
    name: row.name,
    description: row.description,
    themes: row.themes as Theme[],
    targetGroups: row.targetGroups as string[],
    location: row.location,
    status: row.status as ProfileStatus,
    reviewReason: row.reviewReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    needs: needs.filter((n) => n.initiativeId === row.id).map(presentNeed),
  };
}
export type InitiativeView = ReturnType<typeof presentInitiative>;

export function presentPledge(p: PledgeWithNames) {
  return {
    id: p.id,
    initiativeId: p.initiativeId,
    initiativeName: p.initiativeName,
    needId: p.needId,
    needDescription: p.needDescription,
    supplierId: p.supplierId,
    supplierName: p.supplierName,
    contractId: p.contractId,
    contractReference: p.contractReference,
    contractTitle: p.contractTitle,
    kind: p.kind as PledgeKind,
    hours: num(p.hours),
    amountCents: p.amountCents,
    period: p.period,
    note: p.note,
    status: p.status as PledgeStatus,
    deliveredHours: num(p.deliveredHours),
    deliveredAmountCents: p.deliveredAmountCents,
    decisionNote: p.decisionNote,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    activityId: p.activityId,
    createdAt: p.createdAt.toISOString(),
  };
}
export type PledgeView = ReturnType<typeof presentPledge>;
