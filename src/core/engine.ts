import type { Snapshot } from '../facts/snapshot.js';
import type { AnyCheck, CheckSettings, Context, FactKey, Outcome, Scope, Subject } from './model.js';
import type { Result } from './report.js';

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** The default subject of a check's outcome, by scope. */
function defaultSubjects(scope: Scope, snapshot: Snapshot): Subject {
  if (scope === 'host')
    return { kind: 'host', ...(snapshot.host?.hostname ? { name: snapshot.host.hostname } : {}) };
  const endpoint = snapshot.daemon?.connection.endpoint;
  return { kind: 'daemon', ...(endpoint ? { name: endpoint } : {}) };
}

interface Target {
  subject: Subject;
  value: unknown;
}

/** What a check iterates over; null with a reason when a fact it needs is missing. */
function targetsFor(check: AnyCheck, snapshot: Snapshot): Target[] | { missing: string } {
  for (const f of check.facts as FactKey[]) {
    if (snapshot[f] === undefined) {
      return { missing: snapshot.gaps[f] ?? `${f} facts were not collected` };
    }
  }
  switch (check.scope as Scope) {
    case 'container':
      return (snapshot.containers ?? []).map((c) => ({
        subject: { kind: 'container', id: c.id, name: c.name },
        value: c,
      }));
    case 'image':
      return (snapshot.images ?? []).map((i) => ({
        subject: { kind: 'image', id: i.id, name: i.repoTags[0] ?? shortId(i.id) },
        value: i,
      }));
    case 'dockerfile':
      return (snapshot.dockerfiles ?? []).map((d) => ({ subject: { kind: 'file', path: d.path }, value: d }));
    case 'image-scan':
      return (snapshot.scans ?? []).map((s) => ({
        subject: { kind: 'image', id: s.id, name: s.repoTags[0] ?? s.reference },
        value: s,
      }));
    case 'network':
      return (snapshot.networks ?? []).map((n) => ({
        subject: { kind: 'network', id: n.id, name: n.name },
        value: n,
      }));
    default:
      return [{ subject: defaultSubjects(check.scope, snapshot), value: snapshot }];
  }
}

function toResult(check: AnyCheck, subject: Subject, o: Outcome): Result | null {
  if (o.status === 'n/a') return null;
  const base: Result = {
    checkId: check.id,
    title: check.title,
    severity: check.severity,
    scope: check.scope,
    status: o.status,
    subject: o.subject ?? subject,
    evidence: o.evidence,
    remediation: check.remediation,
    refs: check.refs,
  };
  if (o.status === 'unknown') base.reason = o.reason;
  return base;
}

/** Runs checks over a snapshot. Pure: no I/O, deterministic given the snapshot and settings. */
export function runChecks(
  checks: readonly AnyCheck[],
  snapshot: Snapshot,
  settings: CheckSettings,
): Result[] {
  const ctx: Context = { snapshot, settings };
  const results: Result[] = [];
  for (const check of checks) {
    const targets = targetsFor(check, snapshot);
    if (!Array.isArray(targets)) {
      const r = toResult(check, defaultSubjects(check.scope, snapshot), {
        status: 'unknown',
        reason: targets.missing,
        evidence: [],
      });
      if (r) results.push(r);
      continue;
    }
    for (const t of targets) {
      let out: Outcome | Outcome[];
      try {
        out = check.evaluate(t.value, ctx);
      } catch (err) {
        out = {
          status: 'unknown',
          reason: `check failed: ${(err as Error).message ?? String(err)}`,
          evidence: [],
        };
      }
      // Most checks return one outcome: no array wrapped around it (this loop runs per file and check).
      if (Array.isArray(out)) {
        for (const o of out) {
          const r = toResult(check, t.subject, o);
          if (r) results.push(r);
        }
      } else {
        const r = toResult(check, t.subject, out);
        if (r) results.push(r);
      }
    }
  }
  return results;
}

/** The facts the given checks read, so collectors gather only those. */
export function factsNeeded(checks: readonly AnyCheck[]): Set<FactKey> {
  const s = new Set<FactKey>();
  for (const c of checks) for (const f of c.facts as FactKey[]) s.add(f);
  return s;
}
