// The JSON report: the machine-readable contract of src/core/report.ts (docs/report-format.md).
import { SEVERITIES, STATUSES } from '../core/model.js';
import type { Report, Result, Summary } from '../core/report.js';

/**
 * A copy of `obj` with the documented keys first, in documented order, then any other keys in their own
 * order (a field added to the contract is kept even before this list names it). Undefined values are
 * left out; null values are kept.
 */
function ordered<T extends object>(
  obj: T,
  keys: readonly (keyof T & string)[],
  overrides: Partial<T> = {},
): T {
  const src = { ...obj, ...overrides } as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const [k, v] of Object.entries(src)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}

function resultOf(r: Result): Result {
  return ordered(
    r,
    [
      'checkId',
      'title',
      'severity',
      'scope',
      'status',
      'subject',
      'evidence',
      'remediation',
      'refs',
      'reason',
      'suppression',
      'location',
    ],
    {
      subject: ordered(r.subject, ['kind', 'id', 'name', 'path']),
      evidence: r.evidence.map((e) => ordered(e, ['message', 'path'])),
      refs: r.refs.map((ref) => ordered(ref, ['kind', 'id'])),
      ...(r.suppression !== undefined
        ? { suppression: ordered(r.suppression, ['reason', 'expires', 'source']) }
        : {}),
      ...(r.location !== undefined ? { location: ordered(r.location, ['path', 'line', 'column']) } : {}),
    },
  );
}

function summaryOf(s: Summary): Summary {
  const byStatus = { ...s.byStatus };
  for (const k of STATUSES) byStatus[k] ??= 0;
  const bySeverity = { ...s.bySeverity };
  for (const k of SEVERITIES) bySeverity[k] ??= 0;
  return ordered(s, ['byStatus', 'bySeverity', 'score'], {
    byStatus: ordered(byStatus, STATUSES),
    bySeverity: ordered(bySeverity, SEVERITIES),
  });
}

/** The report with every object in contract key order; results keep the order they were produced in. */
export function canonicalReport(report: Report): Report {
  return ordered(
    report,
    ['schemaVersion', 'tool', 'target', 'startedAt', 'durationMs', 'summary', 'results', 'warnings'],
    {
      tool: ordered(report.tool, ['name', 'version']),
      target: ordered(report.target, ['endpoint', 'hostName', 'engineVersion']),
      summary: summaryOf(report.summary),
      results: report.results.map(resultOf),
      warnings: [...report.warnings],
    },
  );
}

/** The JSON report: contract key order, 2-space indent, trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}
