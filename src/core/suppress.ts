import type { Suppression } from './config.js';
import { globMatch } from './glob.js';
import type { AnyCheck } from './model.js';
import type { Result } from './report.js';

export interface SuppressionOutcome {
  results: Result[];
  warnings: string[];
}

const subjectKeys = (r: Result): string[] =>
  [r.subject.name, r.subject.id, r.subject.path, r.subject.id?.slice(0, 12)].filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );

/**
 * Marks failed and unknown results matched by a live suppression as `suppressed`. A suppression matches by
 * check id or alias (glob) and, optionally, subject name/id/path (glob). Expired ones no longer apply and
 * produce a warning, as do ones that match nothing.
 */
export function applySuppressions(
  results: Result[],
  suppressions: readonly Suppression[],
  checks: readonly AnyCheck[],
  now: Date,
  source = '.bulkhead.yaml',
): SuppressionOutcome {
  const warnings: string[] = [];
  const aliases = new Map<string, string[]>();
  for (const c of checks) aliases.set(c.id, [c.id, ...(c.aliases ?? [])]);
  const today = now.toISOString().slice(0, 10);
  const live = suppressions.filter((s) => {
    if (s.expires !== undefined && s.expires < today) {
      warnings.push(
        `suppression of ${s.check}${s.subject ? ` for ${s.subject}` : ''} expired on ${s.expires}`,
      );
      return false;
    }
    return true;
  });
  const used = new Set<Suppression>();
  const out = results.map((r) => {
    if (r.status === 'pass') return r;
    const ids = aliases.get(r.checkId) ?? [r.checkId];
    const s = live.find(
      (s) =>
        ids.some((id) => globMatch(s.check.toUpperCase(), id.toUpperCase())) &&
        (s.subject === undefined || subjectKeys(r).some((k) => globMatch(s.subject!, k))),
    );
    if (!s) return r;
    used.add(s);
    return {
      ...r,
      status: 'suppressed' as const,
      suppression: { reason: s.reason, ...(s.expires ? { expires: s.expires } : {}), source },
    };
  });
  for (const s of live) {
    if (!used.has(s))
      warnings.push(`suppression of ${s.check}${s.subject ? ` for ${s.subject}` : ''} matched nothing`);
  }
  return { results: out, warnings };
}
