import { query } from '../api.ts';

/** Every API path the UI calls (relative to /api/v1), as listed in /api/v1/openapi.json. */
export const endpoints = {
  me: '/me',
  sessions: '/sessions',
  currentSession: '/sessions/current',
  estimates: '/estimates',
  activityTypes: (on?: string) => `/activity-types${query({ on })}`,
  policies: '/policies',
  dashboard: (asOf?: string) => `/dashboard${query({ asOf })}`,
  contracts: (filters: Record<string, string | undefined> = {}) => `/contracts${query(filters)}`,
  contract: (id: string) => `/contracts/${id}`,
  progress: (id: string, asOf?: string) => `/contracts/${id}/progress${query({ asOf })}`,
  summary: (id: string, lang: string) => `/contracts/${id}/summary${query({ lang })}`,
  plan: (contractId: string) => `/contracts/${contractId}/plan`,
  planSubmission: (contractId: string) => `/contracts/${contractId}/plan/submission`,
  planReview: (contractId: string) => `/contracts/${contractId}/plan/review`,
  reports: (contractId: string) => `/contracts/${contractId}/reports`,
  report: (reportId: string) => `/reports/${reportId}`,
  reportSubmission: (reportId: string) => `/reports/${reportId}/submission`,
  activities: (contractId: string) => `/contracts/${contractId}/activities`,
  activity: (activityId: string) => `/activities/${activityId}`,
  verification: (activityId: string) => `/activities/${activityId}/verification`,
  evidence: (activityId: string) => `/activities/${activityId}/evidence`,
  evidenceFile: (evidenceId: string) => `/api/v1/evidence/${evidenceId}`,
  suppliers: '/suppliers',
  // Identity administration: not in the API yet; the pages say so when these answer 404.
  users: '/users',
  invitations: '/invitations',
  auditLog: (params: Record<string, string | undefined> = {}) => `/audit-log${query(params)}`,
};
