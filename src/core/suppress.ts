import type { Suppression } from './config.js';
import { globToRegExp } from './glob.js';
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
  // Globs compiled once, and the suppressions naming each check found once per check id: matching every
  // result against every suppression compiled a RegExp per pair, too slow for 100k+ lint results.
  const compiled = live.map((s) => ({
    s,
    check: globToRegExp(s.check.toUpperCase()),
    subject: s.subject === undefined ? undefined : globToRegExp(s.subject),
  }));
  const byCheck = new Map<string, typeof compiled>();
  const candidates = (checkId: string): typeof compiled => {
    let found = byCheck.get(checkId);
    if (!found) {
      const ids = (aliases.get(checkId) ?? [checkId]).map((id) => id.toUpperCase());
      found = compiled.filter((c) => ids.some((id) => c.check.test(id)));
      byCheck.set(checkId, found);
    }
    return found;
  };
  const used = new Set<Suppression>();
  const out =
    compiled.length === 0
      ? results.slice()
      : results.map((r) => {
          if (r.status === 'pass') return r;
          const hit = candidates(r.checkId).find(
            (c) => c.subject === undefined || subjectKeys(r).some((k) => (c.subject as RegExp).test(k)),
          );
          if (!hit) return r;
          const s = hit.s;
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
