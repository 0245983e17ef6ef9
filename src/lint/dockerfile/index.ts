// `bulkhead lint` for one Dockerfile: parse it into facts, run the Dockerfile rules over them, apply the
// file's inline `# bulkhead-ignore` comments. Never throws: a file that cannot be judged is a diagnostic.
import { dockerfileChecks } from '../../checks/dockerfile/index.js';
import { DockerfileError, parseDockerfile } from '../../collectors/source/dockerfile.js';
import { runChecks } from '../../core/engine.js';
import { type AnyCheck, type CheckSettings, defaultSettings } from '../../core/model.js';
import type { Result } from '../../core/report.js';
import { matchesSelector } from '../../core/selection.js';
import type { DockerfileFacts, InlineSuppression } from '../../facts/dockerfile.js';
import { inlineSuppressionWarning } from '../inline-suppression.js';

export interface LintDockerfileOptions {
  checks?: readonly AnyCheck[];
  settings?: CheckSettings;
  /** Every check bulkhead knows, to tell a misspelt id in a suppression from a real one. */
  registry?: readonly AnyCheck[];
}

export interface LintDockerfileResult {
  results: Result[];
  /** Errors: the file (or part of it) Docker would refuse; `path:line:col: message`. */
  diagnostics: string[];
  /** Non-fatal notes: suppressions naming nothing, unused suppressions. */
  warnings: string[];
  facts?: DockerfileFacts;
}

const LOCATION = /^(.*):(\d+):(\d+)$/;

/** The line a result points at (its first `path:line:col` evidence). */
function lineOf(r: Result): number | undefined {
  for (const e of r.evidence) {
    const m = LOCATION.exec(e.path ?? '');
    if (m) return Number(m[2]);
  }
  return undefined;
}

function applies(s: InlineSuppression, df: DockerfileFacts, line: number | undefined): boolean {
  if (s.kind === 'file') return true;
  const ins = df.instructions[s.instruction];
  if (!ins || line === undefined) return false;
  if (s.kind === 'next') return line >= ins.line && line <= ins.endLine;
  // stage: every line of the stage the comment precedes.
  const stage = df.stages[ins.stage];
  if (!stage) return false;
  const first = df.instructions[stage.from]!.line;
  const nextStage = df.stages[ins.stage + 1];
  const last = nextStage ? df.instructions[nextStage.from]!.line - 1 : Number.POSITIVE_INFINITY;
  return line >= first && line <= last;
}

function suppress(
  results: Result[],
  df: DockerfileFacts,
  checks: readonly AnyCheck[],
  registry: readonly AnyCheck[],
  warnings: string[],
): Result[] {
  if (df.suppressions.length === 0) return results;
  const byId = new Map(checks.map((c) => [c.id, c]));
  const used = new Set<InlineSuppression>();
  const out = results.map((r) => {
    if (r.status !== 'fail') return r;
    const check = byId.get(r.checkId);
    if (!check) return r;
    const line = lineOf(r);
    const s = df.suppressions.find(
      (s) => s.reason !== '' && s.ids.some((id) => matchesSelector(check, id)) && applies(s, df, line),
    );
    if (!s) return r;
    used.add(s);
    return {
      ...r,
      status: 'suppressed' as const,
      suppression: { reason: s.reason, source: `${df.path}:${s.line}` },
    };
  });
  for (const s of df.suppressions) {
    const w = inlineSuppressionWarning(`${df.path}:${s.line}:${s.column}`, s, registry, used.has(s));
    if (w) warnings.push(w);
  }
  return out;
}

/** Lints one Dockerfile's text. */
export function lintDockerfileText(
  path: string,
  text: string,
  opts: LintDockerfileOptions = {},
): LintDockerfileResult {
  const checks = opts.checks ?? dockerfileChecks;
  const settings = opts.settings ?? defaultSettings();
  let df: DockerfileFacts;
  try {
    df = parseDockerfile(path, text);
  } catch (err) {
    if (err instanceof DockerfileError) {
      const at = err.line !== undefined ? `:${err.line}:${err.column ?? 1}` : '';
      return { results: [], diagnostics: [`${path}${at}: ${err.message}`], warnings: [] };
    }
    return {
      results: [],
      diagnostics: [`${path}: cannot parse: ${err instanceof Error ? err.message : String(err)}`],
      warnings: [],
    };
  }
  const diagnostics = df.problems.map((p) => `${path}:${p}`);
  const warnings: string[] = [];
  for (const ins of df.instructions)
    for (const e of ins.shell?.errors ?? [])
      warnings.push(`${path}:${e} (shell syntax in ${ins.keyword} at line ${ins.line})`);
  const raw = runChecks(
    checks.filter((c) => c.scope === 'dockerfile'),
    { dockerfiles: [df], gaps: {} },
    settings,
  );
  const results = suppress(raw, df, checks, opts.registry ?? checks, warnings);
  return { results, diagnostics, warnings, facts: df };
}
