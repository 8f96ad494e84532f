import { query } from '../api.ts';

/**
 * Every API path the UI calls, in one place. The stable ones come from api.md; the others follow its
 * naming and are adjusted here when the API lands differently.
 */
export const endpoints = {
  me: '/me',
  estimates: '/estimates',
  activityTypes: (on?: string) => `/activity-types${query({ on })}`,
  policies: '/policies',
  dashboard: (asOf?: string) => `/dashboard${query({ asOf })}`,
  contracts: (filters: Record<string, string | undefined> = {}) => `/contracts${query(filters)}`,
  contract: (id: string) => `/contracts/${id}`,
  progress: (id: string, asOf?: string) => `/contracts/${id}/progress${query({ asOf })}`,
  summary: (id: string) => `/contracts/${id}/summary`,
  plan: (contractId: string) => `/contracts/${contractId}/plan`,
  planSubmission: (contractId: string) => `/contracts/${contractId}/plan/submission`,
  planReview: (contractId: string) => `/contracts/${contractId}/plan/review`,
  reports: (contractId: string) => `/contracts/${contractId}/reports`,
  report: (reportId: string) => `/reports/${reportId}`,
  reportSubmission: (reportId: string) => `/reports/${reportId}/submission`,
  activities: (contractId: string, period?: string) =>
    `/contracts/${contractId}/activities${query({ period })}`,
  verification: (activityId: string) => `/activities/${activityId}/verification`,
  evidence: (activityId: string) => `/activities/${activityId}/evidence`,
  evidenceFile: (evidenceId: string) => `/api/v1/evidence/${evidenceId}`,
  users: '/users',
  invitations: '/invitations',
  auditLog: (params: Record<string, string | undefined> = {}) => `/audit-log${query(params)}`,
  suppliers: '/suppliers',
};
