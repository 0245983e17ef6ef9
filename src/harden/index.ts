// `bulkhead harden`: audit, turn the findings into files (printed, written with --write, applied with --apply).
// The generators are pure (plan.ts and the modules it calls); this file is the thin shell around them that
// runs the audit and reads the one file the audit does not collect (bulkhead's own audit rules file).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AuditOptions, runAudit } from '../audit/run.js';
import { settingsFrom } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { Snapshot } from '../facts/snapshot.js';
import { type ApplyResult, applyPlan, type RunTool, type Written, writePlan } from './apply.js';
import { AUDIT_RULES_PATH } from './audit-rules.js';
import { describePlan, type GenerateOptions, generateHardening } from './plan.js';
import { HARDEN_AREAS, type HardenArea, type HardenPlan } from './types.js';

export { type ApplyResult, applyPlan, HardenValidationError, validatePlan, writePlan } from './apply.js';
export { describePlan, generateHardening, renderReadme } from './plan.js';
export * from './types.js';

export interface HardenOptions extends GenerateOptions {
  /** How to reach and audit the daemon (as `bulkhead audit`). Every audit check runs. */
  audit: Omit<AuditOptions, 'scopes' | 'only' | 'skip' | 'minSeverity'>;
  /** Directory to write every file and README.md to. */
  write?: string | undefined;
  /** Write daemon.json, the drop-in and the audit rules to their targets (under audit.root). */
  apply?: boolean | undefined;
  /** For tests: the firewall check-mode runner. */
  run?: RunTool | undefined;
}

export interface HardenOutcome {
  report: Report;
  snapshot: Snapshot;
  plan: HardenPlan;
  written?: Written[];
  applied?: ApplyResult;
}

export function parseAreas(values: readonly string[]): HardenArea[] {
  const out: HardenArea[] = [];
  for (const v of values) {
    if (!(HARDEN_AREAS as readonly string[]).includes(v))
      throw new UsageError(`unknown area "${v}" for --only`, `use ${HARDEN_AREAS.join(', ')}`);
    if (!out.includes(v as HardenArea)) out.push(v as HardenArea);
  }
  return out;
}

async function readUnder(root: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(join(root, path), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function runHarden(opts: HardenOptions): Promise<HardenOutcome> {
  const { report, snapshot } = await runAudit(opts.audit);
  const root = opts.audit.root ?? '/';
  const areas = opts.only?.length ? opts.only : HARDEN_AREAS;
  if (opts.apply && !snapshot.host)
    throw new UsageError(
      `--apply writes files on the daemon's host, and ${snapshot.gaps.host ?? 'host facts were not collected'}`,
      'run bulkhead harden --apply on that host (or leave out --apply and copy the printed files)',
    );
  const existingAuditRules =
    areas.includes('audit') && snapshot.host ? await readUnder(root, AUDIT_RULES_PATH) : undefined;
  const settings = settingsFrom(opts.audit.config);
  const plan = generateHardening(
    { report, snapshot },
    { ...opts, minNofile: opts.minNofile ?? settings.minNofile, existingAuditRules },
  );
  const out: HardenOutcome = { report, snapshot, plan };
  if (opts.write) out.written = await writePlan(opts.write, plan, report.target.endpoint);
  if (opts.apply) out.applied = await applyPlan(plan, { root, run: opts.run });
  return out;
}

const mode = (m: number): string => `0${m.toString(8)}`;

/** What the CLI prints: the files (default), or what --write and --apply did. */
export function describeHarden(o: HardenOutcome): string {
  if (!o.written && !o.applied) return describePlan(o.plan);
  const out: string[] = [];
  if (o.written) {
    out.push('wrote:', ...o.written.map((w) => `  ${mode(w.mode)}  ${w.path}`));
  }
  if (o.applied) {
    const { validations, applied } = o.applied;
    out.push(
      'validated:',
      ...validations.map(
        (v) => `  ${v.status.padEnd(7)} ${v.name}: ${v.check}${v.detail ? ` (${v.detail})` : ''}`,
      ),
    );
    out.push(
      'applied:',
      ...(applied.length
        ? applied.map((a) => `  ${a.status.padEnd(9)} ${a.path}${a.backup ? `  (backup: ${a.backup})` : ''}`)
        : ['  nothing to apply']),
    );
    const next = o.plan.files
      .filter((f) => f.apply && applied.some((a) => a.name === f.name && a.status !== 'unchanged'))
      .flatMap((f) => f.next);
    if (next.length) out.push('then run:', ...[...new Set(next)].map((n) => `  ${n}`));
  }
  if (o.plan.notes.length) out.push('not changed:', ...o.plan.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
