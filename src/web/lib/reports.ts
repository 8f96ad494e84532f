import type { Report } from './model.ts';

/** The current version of each half-year report (GET /contracts/{id}/reports lists every version). */
export function currentReports(reports: Report[]): Report[] {
  return reports.filter((r) => r.current).sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * The half-years of a contract's term, `2026-H1` …, as its plan covers them (its reports exist only
 * for the half-years that have begun, decision 035).
 */
export function halfYearsOfTerm(startDate: string, endDate: string): string[] {
  const half = (date: string) => Number(date.slice(0, 4)) * 2 + (Number(date.slice(5, 7)) > 6 ? 1 : 0);
  const out: string[] = [];
  for (let h = half(startDate); h <= half(endDate); h++) out.push(`${Math.floor(h / 2)}-H${(h % 2) + 1}`);
  return out;
}

/**
 * The next half-year of the term whose report is not there yet, and the day it opens (its first day:
 * reports open when their half-year begins, decision 035); undefined once every half-year has one.
 */
export function nextReportOpening(
  reports: Report[],
  startDate: string,
  endDate: string,
): { period: string; opensOn: string } | undefined {
  const latest = reports.reduce((max, r) => (r.period > max ? r.period : max), '');
  const period = halfYearsOfTerm(startDate, endDate).find((p) => p > latest);
  if (period === undefined) return undefined;
  return { period, opensOn: `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}-01` };
}
