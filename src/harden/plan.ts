// `bulkhead harden` as pure functions: the audit's report and snapshot in, generated files (with the reason for
// every setting) out, plus the README and the text the CLI prints. No I/O here.
import { type AuditRulesOptions, planAuditRules } from './audit-rules.js';
import { planContainers } from './containers.js';
import { type DaemonJsonOptions, planDaemonJson } from './daemon-json.js';
import { type FirewallOptions, planFirewall } from './firewall.js';
import {
  type GeneratedFile,
  HARDEN_AREAS,
  type HardenArea,
  type HardenInput,
  type HardenPlan,
} from './types.js';

export interface GenerateOptions extends DaemonJsonOptions, FirewallOptions {
  /** Areas to generate; default all. */
  only?: readonly HardenArea[] | undefined;
  /** Current content of the audit rules file bulkhead manages. */
  existingAuditRules?: AuditRulesOptions['existing'];
}

export function generateHardening(input: HardenInput, opts: GenerateOptions = {}): HardenPlan {
  const areas = new Set<HardenArea>(opts.only?.length ? opts.only : HARDEN_AREAS);
  const files: GeneratedFile[] = [];
  const notes: string[] = [];
  if (areas.has('daemon')) {
    const p = planDaemonJson(input, opts);
    files.push(...p.files);
    notes.push(...p.notes);
  }
  if (areas.has('audit')) {
    const p = planAuditRules(input, { existing: opts.existingAuditRules });
    if (p.file) files.push(p.file);
    notes.push(...p.notes);
  }
  if (areas.has('firewall')) {
    const p = planFirewall(input, opts);
    files.push(...p.files);
    notes.push(...p.notes);
  }
  if (areas.has('containers')) {
    const p = planContainers(input);
    files.push(...p.files);
    notes.push(...p.notes);
  }
  return { files, notes };
}

const mode = (m: number): string => `0${m.toString(8)}`;

/** README.md for `--write DIR`: what each file is, where it goes, why each setting is there. */
export function renderReadme(plan: HardenPlan, target: string | null): string {
  const out = [
    '# bulkhead harden',
    '',
    `Generated from an audit of ${target ?? 'the local Docker host'}. Review every file before using it:`,
    'the values are starting points sized from what the audit saw. Only settings whose checks failed are',
    'changed; everything else in your configuration is kept.',
    '',
  ];
  for (const f of plan.files) {
    out.push(`## ${f.name}`, '', `${f.title}.`);
    if (f.target)
      out.push(
        '',
        `Target: \`${f.target}\`${f.apply ? ' (written by `bulkhead harden --apply`, with a timestamped backup)' : ''}.`,
      );
    if (!f.changed) out.push('', 'Unchanged: the target already holds exactly this.');
    if (f.explanations.length) {
      out.push('');
      for (const e of f.explanations)
        out.push(`- \`${e.setting}\`: ${e.text}${e.checkIds.length ? ` (${e.checkIds.join(', ')})` : ''}`);
    }
    if (f.next.length) out.push('', 'Then:', '', '```sh', ...f.next, '```');
    out.push('');
  }
  if (plan.notes.length) out.push('## Not changed', '', ...plan.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

/** What `bulkhead harden` prints without --write: each file, then why each setting is in it. */
export function describePlan(plan: HardenPlan): string {
  const out: string[] = [];
  for (const f of plan.files) {
    const where = f.target ? ` -> ${f.target}` : '';
    out.push(`==> ${f.name}${where} (${mode(f.mode)}${f.changed ? '' : ', unchanged'}) <==`);
    out.push(f.content.replace(/\n$/, ''));
    if (f.explanations.length) {
      out.push('--- why');
      for (const e of f.explanations)
        out.push(`  ${e.setting}\n      ${e.text}${e.checkIds.length ? ` [${e.checkIds.join(', ')}]` : ''}`);
    }
    if (f.next.length) out.push('--- then', ...f.next.map((n) => `  ${n}`));
    out.push('');
  }
  if (plan.files.length === 0) out.push('nothing to generate', '');
  if (plan.notes.length) out.push('not changed:', ...plan.notes.map((n) => `  - ${n}`), '');
  return out.join('\n');
}
