// OSV records (https://ossf.github.io/osv-schema/) validated at the boundary and reduced to what matching
// needs: per affected package its ecosystem, name, orderable ranges and explicit versions, plus the ids,
// severity and summary a finding shows. GIT ranges are dropped: commit ranges cannot be evaluated against
// an installed package version, and using them for distro packages would be matching upstream.

import { z } from '../core/schema.js';
import { cvss3BaseScore, cvssSeverity, type SeverityLevel, severityFromLabel } from './cvss.js';

const Severity = z.object({ type: z.string(), score: z.string() });
const Event = z.record(z.string(), z.unknown());
const Range = z.object({ type: z.string(), repo: z.string().nullish(), events: z.array(Event) });
const Bag = z.record(z.string(), z.unknown());
const Affected = z.object({
  package: z
    .object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().nullish() })
    .nullish(),
  ranges: z.array(Range).nullish(),
  versions: z.array(z.string()).nullish(),
  severity: z.array(Severity).nullish(),
  ecosystem_specific: Bag.nullish(),
  database_specific: Bag.nullish(),
});
const Advisory = z.object({
  id: z.string().min(1).max(256),
  modified: z.string(),
  withdrawn: z.string().nullish(),
  aliases: z.array(z.string()).nullish(),
  upstream: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  severity: z.array(Severity).nullish(),
  affected: z.array(Affected).nullish(),
  database_specific: Bag.nullish(),
});

export const EVENT_KINDS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export interface RangeEvent {
  kind: EventKind;
  version: string;
}
export interface StoredRange {
  type: 'ECOSYSTEM' | 'SEMVER';
  events: RangeEvent[];
}
export interface StoredAffected {
  ecosystem: string;
  name: string;
  ranges: StoredRange[];
  versions: string[];
  /** Set when the package entry rates itself differently from the advisory. */
  severity?: SeverityLevel;
}
/** One `affected` row as stored: the package's ranges plus what a finding shows about its advisory. */
export interface StoredRow {
  ranges: StoredRange[];
  versions: string[];
  severity?: SeverityLevel;
  primaryId: string;
  aliases: string[];
  cves: string[];
  summary?: string;
  advisorySeverity?: SeverityLevel;
}

export interface NormalizedAdvisory {
  id: string;
  /** RFC 3339 normalised to UTC with nine fraction digits, so string order is time order. */
  modified: string;
  withdrawn: boolean;
  /** The id a finding shows: a CVE when the advisory is one or aliases one, else the advisory's id. */
  primaryId: string;
  /** Every other id naming it (its own id, aliases, upstream CVEs). */
  aliases: string[];
  /** CVE ids it covers (its id, aliases and upstream). */
  cves: string[];
  summary?: string;
  severity?: SeverityLevel;
  affected: StoredAffected[];
}

export type NormalizeResult =
  | { ok: true; advisory: NormalizedAdvisory }
  | { ok: false; id?: string; reason: string };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?\d*([Zz]|[+-]\d{2}:?\d{2})?$/;

/** RFC 3339 time → `YYYY-MM-DDTHH:MM:SS.fffffffffZ` in UTC, or undefined. */
export function normalizeTimestamp(s: string): string | undefined {
  const m = TIMESTAMP.exec(s.trim());
  if (!m) return undefined;
  const [, date, time, frac = '', zone = 'Z'] = m;
  const ms = Date.parse(`${date}T${time}${zone.toUpperCase() === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(ms)) return undefined;
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac.padEnd(9, '0')}Z`;
}

/** PEP 503 name normalisation, which is how OSV's PyPI records spell names. */
export const normalizePypiName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The package name as stored and looked up for an ecosystem. */
export function storedPackageName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? normalizePypiName(name) : name;
}

const isCve = (id: string): boolean => /^CVE-\d{4}-\d+$/.test(id);

const SEVERITY_RANK: Record<SeverityLevel, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
export const maxSeverity = (
  a: SeverityLevel | undefined,
  b: SeverityLevel | undefined,
): SeverityLevel | undefined =>
  a === undefined ? b : b === undefined ? a : SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;

/** A database's own rating first (GHSA label, Go/Ubuntu priority), else the highest CVSS v3 score given. */
function rate(
  scores: readonly { type: string; score: string }[] | null | undefined,
  ...labelBags: (Record<string, unknown> | null | undefined)[]
): SeverityLevel | undefined {
  for (const bag of labelBags) {
    const label = severityFromLabel(bag?.severity);
    if (label) return label;
  }
  // Ubuntu publishes its own priority for its package as a severity entry of type "Ubuntu".
  for (const s of scores ?? []) {
    if (s.type === 'Ubuntu') {
      const label = severityFromLabel(s.score);
      if (label) return label;
    }
  }
  let best: SeverityLevel | undefined;
  for (const s of scores ?? []) {
    if (s.type === 'CVSS_V3') {
      const score = cvss3BaseScore(s.score);
      if (score !== undefined) best = maxSeverity(best, cvssSeverity(score));
    }
  }
  return best;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid advisory';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path.replace(/^\./, '') || 'record'}: ${issue.message}`;
}

/** Validates one parsed JSON value as an OSV advisory and reduces it. */
export function normalizeAdvisory(raw: unknown): NormalizeResult {
  const parsed = Advisory.safeParse(raw);
  if (!parsed.success) {
    const id =
      typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : undefined;
    return id === undefined
      ? { ok: false, reason: firstIssue(parsed.error) }
      : { ok: false, id, reason: firstIssue(parsed.error) };
  }
  const a = parsed.data;
  const modified = normalizeTimestamp(a.modified);
  if (!modified)
    return { ok: false, id: a.id, reason: `modified: not an RFC 3339 time: ${a.modified.slice(0, 40)}` };

  const affected: StoredAffected[] = [];
  for (const [ai, aff] of (a.affected ?? []).entries()) {
    if (!aff.package) continue;
    const ranges: StoredRange[] = [];
    for (const [ri, range] of (aff.ranges ?? []).entries()) {
      if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
      const events: RangeEvent[] = [];
      for (const [ei, event] of range.events.entries()) {
        const keys = EVENT_KINDS.filter((k) => event[k] !== undefined);
        const kind = keys[0];
        const version = kind === undefined ? undefined : event[kind];
        if (keys.length !== 1 || kind === undefined || typeof version !== 'string' || version === '') {
          return {
            ok: false,
            id: a.id,
            reason: `affected[${ai}].ranges[${ri}].events[${ei}]: needs exactly one of introduced/fixed/last_affected/limit`,
          };
        }
        events.push({ kind, version });
      }
      if (!events.some((e) => e.kind === 'introduced')) {
        return { ok: false, id: a.id, reason: `affected[${ai}].ranges[${ri}]: no introduced event` };
      }
      ranges.push({ type: range.type, events });
    }
    const versions = aff.versions ?? [];
    if (ranges.length === 0 && versions.length === 0) continue;
    const entry: StoredAffected = {
      ecosystem: aff.package.ecosystem,
      name: storedPackageName(aff.package.ecosystem, aff.package.name),
      ranges,
      versions,
    };
    const severity = rate(aff.severity, aff.ecosystem_specific, aff.database_specific);
    if (severity) entry.severity = severity;
    affected.push(entry);
  }

  const ids = [a.id, ...(a.aliases ?? [])];
  const upstream = a.upstream ?? [];
  const cves = [...new Set([...ids, ...upstream].filter(isCve))];
  const upstreamCves = upstream.filter(isCve);
  // An advisory about exactly one upstream CVE (DEBIAN-CVE-…, UBUNTU-CVE-…) is shown as that CVE.
  const primaryId = ids.find(isCve) ?? (upstreamCves.length === 1 ? (upstreamCves[0] as string) : a.id);
  const aliases = [...new Set([...ids, ...upstream])].filter((x) => x !== primaryId);

  const advisory: NormalizedAdvisory = {
    id: a.id,
    modified,
    withdrawn: a.withdrawn !== undefined && a.withdrawn !== null,
    primaryId,
    aliases,
    cves,
    affected,
  };
  const summary = a.summary?.trim() || a.details?.trim().split('\n')[0]?.slice(0, 200);
  if (summary) advisory.summary = summary;
  const severity = rate(a.severity, a.database_specific);
  if (severity) advisory.severity = severity;
  return { ok: true, advisory };
}
