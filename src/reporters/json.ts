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

const RESULT_KEYS = [
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
] as const;
const SUBJECT_KEYS = ['kind', 'id', 'name', 'path'] as const;
const EVIDENCE_KEYS = ['message', 'path'] as const;
const REF_KEYS = ['kind', 'id'] as const;
const SUPPRESSION_KEYS = ['reason', 'expires', 'source'] as const;
const LOCATION_KEYS = ['path', 'line', 'column'] as const;

function resultOf(r: Result): Result {
  return ordered(r, [...RESULT_KEYS], {
    subject: ordered(r.subject, [...SUBJECT_KEYS]),
    evidence: r.evidence.map((e) => ordered(e, [...EVIDENCE_KEYS])),
    refs: r.refs.map((ref) => ordered(ref, [...REF_KEYS])),
    ...(r.suppression !== undefined ? { suppression: ordered(r.suppression, [...SUPPRESSION_KEYS]) } : {}),
    ...(r.location !== undefined ? { location: ordered(r.location, [...LOCATION_KEYS]) } : {}),
  });
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

const TOP_KEYS = [
  'schemaVersion',
  'tool',
  'target',
  'startedAt',
  'durationMs',
  'summary',
  'results',
  'warnings',
] as const;

/** The report with every object in contract key order; results keep the order they were produced in. */
export function canonicalReport(report: Report): Report {
  return ordered(report, [...TOP_KEYS], {
    tool: ordered(report.tool, ['name', 'version']),
    target: ordered(report.target, ['endpoint', 'hostName', 'engineVersion']),
    summary: summaryOf(report.summary),
    results: report.results.map(resultOf),
    warnings: [...report.warnings],
  });
}

// ---------------------------------------------------------------- writing
// A lint report can hold 100k+ results (~150 MB of JSON). Copying every result into key order before
// stringifying doubled the live heap and cost more than the stringify, yet results are nearly always built
// in contract order already. Those are written as they are; only the others are copied.

/** Whether JSON.stringify writes `o`'s keys as `ordered(o, keys)` would: documented keys in order first. */
function inOrder(o: object, keys: readonly string[]): boolean {
  let at = 0;
  let extra = false;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    const i = keys.indexOf(k);
    if (i < 0) extra = true;
    else if (extra || i < at) return false;
    else at = i + 1;
  }
  return true;
}

const isPlain = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !('toJSON' in v);

const listInOrder = (v: unknown, keys: readonly string[]): boolean =>
  Array.isArray(v) && v.every((x) => isPlain(x) && inOrder(x, keys));

/** The result itself when JSON.stringify would already write it in contract order, else a copy that is. */
function canonicalResult(r: Result, refsOk: Map<unknown, boolean>): Result {
  if (!isPlain(r) || !inOrder(r, RESULT_KEYS)) return resultOf(r);
  let refs = refsOk.get(r.refs);
  if (refs === undefined) {
    refs = listInOrder(r.refs, REF_KEYS);
    refsOk.set(r.refs, refs);
  }
  const subject = isPlain(r.subject) && inOrder(r.subject, SUBJECT_KEYS);
  const evidence = listInOrder(r.evidence, EVIDENCE_KEYS);
  const suppression =
    r.suppression === undefined || (isPlain(r.suppression) && inOrder(r.suppression, SUPPRESSION_KEYS));
  const location = r.location === undefined || (isPlain(r.location) && inOrder(r.location, LOCATION_KEYS));
  if (refs && subject && evidence && suppression && location) return r;
  // Replacing a key keeps its place, so only the parts out of order are copied.
  return {
    ...r,
    ...(subject ? {} : { subject: ordered(r.subject, [...SUBJECT_KEYS]) }),
    ...(evidence ? {} : { evidence: r.evidence.map((e) => ordered(e, [...EVIDENCE_KEYS])) }),
    ...(refs ? {} : { refs: r.refs.map((ref) => ordered(ref, [...REF_KEYS])) }),
    ...(suppression || !r.suppression ? {} : { suppression: ordered(r.suppression, [...SUPPRESSION_KEYS]) }),
    ...(location || !r.location ? {} : { location: ordered(r.location, [...LOCATION_KEYS]) }),
  };
}

/** The JSON report: contract key order, 2-space indent, trailing newline. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

const RESULTS_SLOT = '\n  "results": []';

/**
 * The JSON report of renderJson in pieces, byte for byte the same text: the envelope, then one piece per
 * result, so a 100k-result lint report is written without ever holding its ~150 MB text in one string.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const top = canonicalReport({ ...report, results: [] });
  const envelope = `${JSON.stringify(top, null, 2)}\n`;
  const at = envelope.indexOf(RESULTS_SLOT);
  if (report.results.length === 0 || at < 0) {
    yield envelope;
    return;
  }
  yield `${envelope.slice(0, at)}\n  "results": [`;
  const refsOk = new Map<unknown, boolean>();
  let first = true;
  for (const r of report.results) {
    // An element of a 2-space-indented array two levels deep: every line of its own text indented by 4.
    const text = JSON.stringify(canonicalResult(r, refsOk), null, 2).replaceAll('\n', '\n    ');
    yield `${first ? '' : ','}\n    ${text}`;
    first = false;
  }
  yield `\n  ]${envelope.slice(at + RESULTS_SLOT.length)}`;
}
