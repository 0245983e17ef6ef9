import type { Evidence, Ref, Scope, Severity, Status, Subject } from './model.js';
import { SEVERITIES } from './model.js';

/** One entry per check x subject: the JSON report's contract (docs/report-format.md). */
export interface Result {
  checkId: string;
  title: string;
  severity: Severity;
  scope: Scope;
  status: Status;
  subject: Subject;
  evidence: Evidence[];
  remediation: string;
  refs: Ref[];
  /** Why the result is unknown. */
  reason?: string;
  /** Lint results: where in the file the finding points (1-based). */
  location?: { path: string; line: number; column: number };
  /** Present when status is suppressed. */
  suppression?: { reason: string; expires?: string; source: string };
}

export interface Summary {
  byStatus: Record<Status, number>;
  /** Failed results by severity. */
  bySeverity: Record<Severity, number>;
  /** 0-100: severity-weighted share of passing results among pass+fail. */
  score: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'bulkhead'; version: string };
  target: { endpoint: string | null; hostName: string | null; engineVersion: string | null };
  startedAt: string;
  durationMs: number;
  summary: Summary;
  results: Result[];
  /** Non-fatal problems met while collecting (collector failures, expired suppressions). */
  warnings: string[];
}

export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
  info: 0,
};

export function summarize(results: Result[]): Summary {
  const byStatus: Record<Status, number> = { fail: 0, pass: 0, unknown: 0, suppressed: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let passed = 0;
  let total = 0;
  for (const r of results) {
    byStatus[r.status] += 1;
    if (r.status === 'fail') bySeverity[r.severity] += 1;
    const w = SEVERITY_WEIGHT[r.severity];
    if (r.status === 'pass') {
      passed += w;
      total += w;
    } else if (r.status === 'fail') total += w;
  }
  const score = total === 0 ? 100 : Math.round((passed / total) * 1000) / 10;
  return { byStatus, bySeverity, score };
}
