import { query } from '../../api.ts';

// The marketplace API (GET/PUT /initiatives/me, /initiatives, /pledges …) as the UI reads it.
export const themes = [
  'work',
  'povertyReduction',
  'healthPromotion',
  'participation',
  'education',
  'growingUpHealthy',
] as const;
export const needKinds = ['hours', 'goods', 'money', 'place'] as const;
export const pledgeKinds = ['hours', 'money', 'goods'] as const;
export type PledgeKind = (typeof pledgeKinds)[number];

export type NeedKind = (typeof needKinds)[number];

export interface Need {
  id?: string;
  kind: NeedKind;
  expertise: string | null;
  description: string;
  quantity: number | null;
  status?: 'open' | 'closed';
}

/** The kinds of pledge that answer a kind of need (as domain/matching.ts): a place is given as goods. */
export const pledgeKindsForNeed: Record<NeedKind, readonly PledgeKind[]> = {
  hours: ['hours'],
  money: ['money'],
  goods: ['goods'],
  place: ['goods'],
};

/** Why a need and a supplier fit (GET /needs, GET /initiatives/{id}/needs/{needId}/suppliers). */
export interface MatchReason {
  rule: 'kind' | 'expertise' | 'capacity' | 'theme' | 'targetGroup';
  points: number;
  matched: string[];
}

export interface Match {
  score: number;
  fits: boolean;
  reasons: MatchReason[];
}

export interface RankedNeed extends Match {
  need: Need & { id: string };
  initiativeId: string;
  initiativeName: string;
  themes: string[];
  targetGroups: string[];
}

export interface FittingSupplier extends Match {
  supplierId: string;
  supplierName: string;
  kinds: NeedKind[];
  expertise: string[];
  description: string;
}

export interface Strengths {
  supplierId: string;
  kinds: NeedKind[];
  expertise: string[];
  hoursCapacity: number | null;
  goodsCapacity: number | null;
  moneyCapacityCents: number | null;
  placesCapacity: number | null;
  themes: string[];
  targetGroups: string[];
  description: string;
  updatedAt: string | null;
}

export interface Initiative {
  id: string;
  name: string;
  description: string;
  themes: string[];
  targetGroups: string[];
  location: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'rejected';
  reviewReason: string | null;
  needs: Need[];
}

export interface Pledge {
  id: string;
  initiativeId: string;
  initiativeName: string;
  needId: string | null;
  needDescription: string | null;
  supplierName: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  kind: PledgeKind;
  hours: number | null;
  amountCents: number | null;
  period: string;
  note: string;
  status: 'open' | 'confirmed' | 'declined';
  deliveredHours: number | null;
  deliveredAmountCents: number | null;
  activityId: string | null;
}

export const marketEndpoints = {
  mine: '/initiatives/me',
  submission: '/initiatives/me/submission',
  list: (filters: Record<string, string | undefined> = {}) => `/initiatives${query(filters)}`,
  one: (id: string) => `/initiatives/${id}`,
  review: (id: string) => `/initiatives/${id}/review`,
  pledge: (id: string) => `/initiatives/${id}/pledges`,
  pledges: (status?: string) => `/pledges${query({ status })}`,
  confirmation: (id: string) => `/pledges/${id}/confirmation`,
  strengths: (supplierId: string) => `/suppliers/${supplierId}/strengths`,
  rankedNeeds: (limit = 20) => `/needs${query({ limit: String(limit) })}`,
  fittingSuppliers: (id: string, needId: string) => `/initiatives/${id}/needs/${needId}/suppliers`,
};

export const statusTone = {
  draft: 'neutral',
  submitted: 'active',
  approved: 'success',
  rejected: 'danger',
  open: 'active',
  confirmed: 'success',
  declined: 'neutral',
} as const;
