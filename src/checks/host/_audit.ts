// Helpers (not checks): does an audit rule watch a given path?
import { fail, notApplicable, type Outcome, pass, unknown } from '../../core/model.js';
import type { HostFacts } from '../../facts/host.js';
import type { Snapshot } from '../../facts/snapshot.js';
import { filesError, hostOrUnknown, isOutcome, type Located } from './_locate.js';

export interface AuditTarget {
  path: string;
  /** -w watches and -F dir= rules cover everything below a directory. */
  recursive: boolean;
}

const strip = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/** Paths a rule watches: `-w PATH`, or `-a always,exit ... -F path=PATH` / `-F dir=DIR`. `never` rules watch nothing. */
export function auditTargets(rule: string): AuditTarget[] {
  const t = rule.trim().split(/\s+/);
  const out: AuditTarget[] = [];
  let action: string | undefined;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    const next = t[i + 1];
    if (tok === '-w' && next) {
      out.push({ path: strip(next), recursive: true });
      i++;
    } else if ((tok === '-a' || tok === '-A') && next) {
      action = next;
      i++;
    } else if (tok === '-F' && next) {
      const m = /^(path|dir)=(.+)$/.exec(next);
      if (m) out.push({ path: strip(m[2]!), recursive: m[1] === 'dir' });
      i++;
    }
  }
  if (action?.split(',').includes('never')) return [];
  return out;
}

/** The same file under merged-/usr and /var/run -> /run aliases. */
export function pathAliases(path: string): string[] {
  const out = [path];
  const pairs: [string, string][] = [
    ['/bin/', '/usr/bin/'],
    ['/sbin/', '/usr/sbin/'],
    ['/lib/', '/usr/lib/'],
    ['/var/run/', '/run/'],
  ];
  for (const [a, b] of pairs) {
    if (path.startsWith(a)) out.push(b + path.slice(a.length));
    else if (path.startsWith(b)) out.push(a + path.slice(b.length));
    const pa = a.slice(0, -1);
    const pb = b.slice(0, -1);
    if (path === pa) out.push(pb);
    else if (path === pb) out.push(pa);
  }
  return out;
}

/** Rules that watch `path` itself, or a directory above it recursively. */
export function rulesWatching(rules: readonly string[], path: string): string[] {
  const want = pathAliases(strip(path));
  return rules.filter((r) =>
    auditTargets(r).some((t) =>
      want.some((w) => w === t.path || (t.recursive && (t.path === '/' || w.startsWith(`${t.path}/`)))),
    ),
  );
}

const describeSource = (host: HostFacts): string =>
  host.audit?.source === 'auditctl'
    ? 'rules loaded in the kernel (auditctl -l)'
    : 'rules in /etc/audit/audit.rules and /etc/audit/rules.d/*.rules';

/** One outcome per located path: n/a when it does not exist, unknown without audit facts. */
export function judgeAudit(
  s: Snapshot,
  locate: (s: Snapshot, host: HostFacts) => Located,
): Outcome | Outcome[] {
  const host = hostOrUnknown(s);
  if (isOutcome(host)) return host;
  const located = locate(s, host);
  if ('outcome' in located) return located.outcome;
  return located.paths.map((path) => {
    const subject = { kind: 'file' as const, path };
    const f = host.files[path];
    if (!f) return unknown(`${path} was not examined${filesError(host)}`, { subject });
    if (!f.exists && !f.error) return notApplicable(`${path} does not exist`, { subject });
    if (!host.audit)
      return unknown(`audit rules could not be read${host.errors.audit ? `: ${host.errors.audit}` : ''}`, {
        subject,
      });
    const matching = rulesWatching(host.audit.rules, path);
    if (matching.length > 0)
      return pass(
        matching.map((r) => `${r} (${host.audit!.source})`),
        { subject },
      );
    return fail(
      {
        message: `no audit rule watches ${path} among ${host.audit.rules.length} ${describeSource(host)}`,
        path,
      },
      { subject },
    );
  });
}
