import { UsageError } from './errors.js';
import { globToRegExp } from './glob.js';
import type { AnyCheck, Scope } from './model.js';
import { AUDIT_SCOPES, SCOPES } from './model.js';

/**
 * A selector names checks by id or alias (globs allowed: `BH-CTR-*`), by CIS control (`cis:5.10`, or a bare
 * `5.10`; `cis:5` selects the whole section), by practice id (`P-NET-2`), or by scope (`scope:container`).
 */
export function matchesSelector(check: AnyCheck, selector: string): boolean {
  const sel = selector.trim();
  if (sel === '') return false;
  const lower = sel.toLowerCase();
  if (lower.startsWith('scope:')) return check.scope === lower.slice(6);
  const cisId = lower.startsWith('cis:') ? sel.slice(4) : /^\d+(\.\d+)*$/.test(sel) ? sel : undefined;
  if (cisId !== undefined) {
    return check.refs.some((r) => r.kind === 'cis' && (r.id === cisId || r.id.startsWith(`${cisId}.`)));
  }
  if (/^P-[A-Z]+-\d+$/i.test(sel))
    return check.refs.some((r) => r.kind === 'practice' && r.id === sel.toUpperCase());
  const re = globToRegExp(sel.toUpperCase());
  return [check.id, check.slug.toUpperCase(), ...(check.aliases ?? [])].some((id) =>
    re.test(id.toUpperCase()),
  );
}

export interface SelectionOptions {
  only?: string[];
  skip?: string[];
  scopes?: Scope[];
  includeDeprecated?: boolean;
}

export function parseScopes(value: string): Scope[] {
  const parts = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (parts.includes('all')) return [...AUDIT_SCOPES];
  for (const p of parts) {
    if (!(SCOPES as readonly string[]).includes(p)) {
      throw new UsageError(`unknown scope "${p}"`, `use one or more of: all, ${SCOPES.join(', ')}`);
    }
  }
  return parts as Scope[];
}

export function selectChecks(checks: readonly AnyCheck[], opts: SelectionOptions): AnyCheck[] {
  const only = opts.only?.filter((s) => s.trim() !== '') ?? [];
  const skip = opts.skip?.filter((s) => s.trim() !== '') ?? [];
  for (const sel of [...only, ...skip]) {
    if (!checks.some((c) => matchesSelector(c, sel))) {
      throw new UsageError(`"${sel}" selects no check`, 'run `bulkhead checks` to list check ids');
    }
  }
  return checks.filter((c) => {
    if (c.deprecated && !opts.includeDeprecated) return false;
    if (opts.scopes && !opts.scopes.includes(c.scope)) return false;
    if (only.length > 0 && !only.some((s) => matchesSelector(c, s))) return false;
    if (skip.some((s) => matchesSelector(c, s))) return false;
    return true;
  });
}
