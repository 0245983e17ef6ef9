// The lint pipeline (compose files for now): find the files, lint each compose project with the audit's
// container checks, apply suppressions, and build the same report as `audit`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { containerChecks } from '../checks/container/index.js';
import { allChecks } from '../checks/index.js';
import type { Config } from '../core/config.js';
import { settingsFrom } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { type AnyCheck, atLeast, type Severity } from '../core/model.js';
import { type Report, summarize } from '../core/report.js';
import { matchesSelector as matches, selectChecks } from '../core/selection.js';
import { applySuppressions } from '../core/suppress.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_BYTES, lintCompose } from './compose/index.js';

/** Compose's own default file names, in its order of preference, and the override beside each. */
const BASE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_FILES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'vendor']);
const MAX_DEPTH = 8;

const isDockerfile = (name: string): boolean =>
  name === 'Dockerfile' || name.endsWith('.Dockerfile') || name.startsWith('Dockerfile.');
const isComposeFile = (name: string): boolean =>
  /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/.test(name) || /\.compose\.ya?ml$/.test(name);

export interface LintOptions {
  config: Config;
  configSource?: string | null;
  /** Files or directories; default the current directory. */
  paths?: string[];
  /** `-f`: compose files merged in order into one project (as `docker compose -f a -f b`). */
  composeFiles?: string[];
  profiles?: string[];
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  now?: Date;
}

/** One compose project: its files, merged in order. */
type Project = string[];

function projectsIn(dir: string, depth: number, out: Project[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new UsageError(
      `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const base = BASE_FILES.find((f) => entries.includes(f));
  if (base) {
    const override = OVERRIDE_FILES.find((f) => entries.includes(f));
    out.push([join(dir, base), ...(override ? [join(dir, override)] : [])]);
  }
  if (depth >= MAX_DEPTH) return;
  for (const e of entries.sort()) {
    if (e.startsWith('.') || SKIP_DIRS.has(e)) continue;
    const p = join(dir, e);
    try {
      if (statSync(p).isDirectory()) projectsIn(p, depth + 1, out);
    } catch {
      // vanished or unreadable: not ours to judge
    }
  }
}

/** The compose projects named by the arguments. */
export function findProjects(paths: string[], composeFiles: string[], cwd: string): Project[] {
  const projects: Project[] = [];
  if (composeFiles.length > 0) projects.push(composeFiles.map((f) => resolve(cwd, f)));
  for (const arg of paths.length === 0 && composeFiles.length === 0 ? ['.'] : paths) {
    const p = resolve(cwd, arg);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${arg} does not exist`, 'name compose files or directories that hold them');
    }
    if (st.isDirectory()) projectsIn(p, 0, projects);
    else if (isDockerfile(basename(p)))
      throw new UsageError(
        `${arg}: Dockerfile rules are not implemented yet; bulkhead lint reads compose files`,
        'lint compose files (compose.yaml, docker-compose.yml, -f FILE)',
      );
    else if (isComposeFile(basename(p)) || /\.ya?ml$/.test(p)) projects.push([p]);
    else throw new UsageError(`${arg} is not a compose file`, 'compose files end in .yaml or .yml');
  }
  return projects;
}

export interface LintOutcome {
  report: Report;
  checks: AnyCheck[];
  /** Files that could not be read or parsed (one line each, file:line:col: message). */
  diagnostics: string[];
}

export function runLint(opts: LintOptions): LintOutcome {
  const started = new Date();
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const env = Object.fromEntries(
    Object.entries(opts.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const { config } = opts;
  // Selectors in the shared config may name audit-only checks; lint applies those naming container checks.
  const checks = selectChecks(containerChecks, {
    only: [...(config.only ?? []), ...(opts.only ?? [])].filter((s) =>
      containerChecks.some((c) => matches(c, s)),
    ),
    skip: [...(config.skip ?? []), ...(opts.skip ?? [])].filter((s) =>
      containerChecks.some((c) => matches(c, s)),
    ),
  });
  const settings = settingsFrom(config, opts.now ?? new Date());
  const projects = findProjects(opts.paths ?? [], opts.composeFiles ?? [], cwd);
  if (projects.length === 0)
    throw new UsageError('no compose file found', 'name a compose file or a directory that holds one');
  let results: Report['results'] = [];
  const diagnostics: string[] = [];
  for (const files of projects) {
    const texts: { path: string; text: string }[] = [];
    for (const f of files) {
      const shown = relative(cwd, f) || f;
      try {
        if (statSync(f).size > DEFAULT_MAX_BYTES) {
          diagnostics.push(`${shown}: larger than ${DEFAULT_MAX_BYTES} bytes; not linted`);
          continue;
        }
        texts.push({ path: shown, text: readFileSync(f, 'utf8') });
      } catch (err) {
        diagnostics.push(
          `${shown}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
    }
    if (texts.length === 0) continue;
    const out = lintCompose(texts, {
      env,
      checks,
      settings,
      ...(opts.profiles?.length ? { activeProfiles: opts.profiles } : {}),
      projectName: basename(dirname(files[0]!)),
      readFile: (p: string) => {
        try {
          return readFileSync(resolve(cwd, p), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    results.push(...out.results);
    diagnostics.push(...out.diagnostics);
  }
  const sup = applySuppressions(
    results,
    config.suppressions ?? [],
    allChecks,
    settings.now,
    opts.configSource ?? '.bulkhead.yaml',
  );
  results = sup.results;
  const min = opts.minSeverity ?? config.minSeverity;
  if (min) results = results.filter((r) => atLeast(r.severity, min));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'bulkhead', version: VERSION },
    target: { endpoint: null, hostName: null, engineVersion: null },
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    summary: summarize(results),
    results,
    warnings: [...diagnostics, ...sup.warnings.filter((w) => !w.endsWith('matched nothing'))],
  };
  return { report, checks, diagnostics };
}
