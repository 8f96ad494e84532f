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

export interface Need {
  id?: string;
  kind: (typeof needKinds)[number];
  expertise: string | null;
  description: string;
  quantity: number | null;
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
