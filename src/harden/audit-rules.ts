// auditd watch rules for Docker's binaries, files and directories (CIS Docker Benchmark 1.1.3-1.1.18), for the
// paths whose audit check failed: the checks already located each path on this host (dockerd's real data root,
// unit directory, binary directory) and judged only the ones that exist.
import { auditTargets } from '../checks/host/_audit.js';
import type { Explanation, GeneratedFile, HardenInput } from './types.js';

export const AUDIT_RULES_PATH = '/etc/audit/rules.d/bulkhead-docker.rules';
export const AUDIT_KEY = 'docker';

/** Audit checks -> CIS control, in benchmark order. */
export const AUDIT_CHECKS: readonly (readonly [id: string, cis: string])[] = [
  ['BH-HST-003', '1.1.3'],
  ['BH-HST-004', '1.1.4'],
  ['BH-HST-005', '1.1.5'],
  ['BH-HST-006', '1.1.6'],
  ['BH-HST-007', '1.1.7'],
  ['BH-HST-008', '1.1.8'],
  ['BH-HST-009', '1.1.9'],
  ['BH-HST-010', '1.1.10'],
  ['BH-HST-011', '1.1.11'],
  ['BH-HST-012', '1.1.12'],
  ['BH-HST-013', '1.1.13'],
  ['BH-HST-014', '1.1.14'],
  ['BH-HST-015', '1.1.15'],
  ['BH-HST-016', '1.1.16'],
  ['BH-HST-017', '1.1.17'],
  ['BH-HST-018', '1.1.18'],
];

// Container runtime state changes constantly under these: reads would flood the log, writes are the signal.
const BUSY_DIRS = new Set(['BH-HST-004', 'BH-HST-005']);

export interface AuditRulesOptions {
  /** Current content of AUDIT_RULES_PATH (read by the shell), so its rules are kept. */
  existing?: string | undefined;
}

export interface AuditRulesPlan {
  file?: GeneratedFile;
  notes: string[];
}

const RULE_LINE = /^-w (\/\S*) -p ([rwxa]+) -k ([\w-]+)$/;

/** A syntax check of the rules bulkhead writes (auditctl has no dry-run). */
export function validateAuditRules(text: string): string[] {
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) return;
    if (!RULE_LINE.test(l)) errors.push(`line ${i + 1}: not a "-w PATH -p PERMS -k KEY" watch rule: ${l}`);
  });
  return errors;
}

export function planAuditRules(input: HardenInput, opts: AuditRulesOptions = {}): AuditRulesPlan {
  const { report, snapshot: s } = input;
  const host = s.host;
  const notes: string[] = [];
  if (!host) {
    notes.push(`audit rules: host facts were not collected (${s.gaps.host ?? 'remote daemon'})`);
    return { notes };
  }
  const kept = (opts.existing ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('-'));
  const watched = new Set(kept.flatMap((r) => auditTargets(r).map((t) => t.path)));
  const rules: { rule: string; explanation: Explanation }[] = [];
  for (const [id, cis] of AUDIT_CHECKS) {
    for (const r of report.results) {
      if (r.checkId !== id || !r.subject.path) continue;
      const path = r.subject.path;
      // Unknown only because the rules could not be read: the path exists, so watching it is still right.
      const unreadable = r.status === 'unknown' && !host.audit && host.files[path]?.exists === true;
      if (r.status !== 'fail' && !unreadable) continue;
      if (host.files[path]?.exists !== true || watched.has(path)) continue;
      watched.add(path);
      const perms = BUSY_DIRS.has(id) ? 'wa' : 'rwxa';
      const rule = `-w ${path} -p ${perms} -k ${AUDIT_KEY}`;
      rules.push({
        rule,
        explanation: {
          setting: rule,
          text: `CIS ${cis}: records who ${perms === 'wa' ? 'writes to or changes attributes under' : 'reads, writes, runs or changes'} ${path}${perms === 'wa' ? ' (reads are left out: container runtime state changes constantly there)' : ''}; search with \`ausearch -k ${AUDIT_KEY}\`.`,
          checkIds: [id],
        },
      });
    }
  }
  if (rules.length === 0 && kept.length === 0) {
    notes.push('audit rules: every Docker path on this host is already audited (or none was judged)');
    return { notes };
  }
  const content = [
    '# bulkhead harden: audit rules for Docker (CIS Docker Benchmark 1.1.3-1.1.18).',
    `# Load with \`augenrules --load\`; check with \`auditctl -l | grep -- "-k ${AUDIT_KEY}"\`.`,
    ...kept,
    ...rules.map((r) => r.rule),
    '',
  ].join('\n');
  const same = opts.existing !== undefined && opts.existing === content;
  return {
    file: {
      area: 'audit',
      name: 'audit/bulkhead-docker.rules',
      title: 'auditd rules for Docker',
      content: same ? opts.existing! : content,
      mode: 0o640,
      target: AUDIT_RULES_PATH,
      apply: true,
      changed: !same,
      validate: 'auditd',
      explanations: rules.map((r) => r.explanation),
      next: rules.length > 0 ? ['augenrules --load'] : [],
    },
    notes,
  };
}
