// The lint pipeline: find Dockerfiles and compose projects (walking directories, honouring .gitignore and
// .dockerignore), lint Dockerfiles with the Dockerfile rules and compose services with the audit's container
// checks, apply inline and config suppressions, and build the same report as `audit`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { containerChecks } from '../checks/container/index.js';
import { dockerfileChecks } from '../checks/dockerfile/index.js';
import { allChecks } from '../checks/index.js';
import type { Config } from '../core/config.js';
import { settingsFrom } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { type AnyCheck, atLeast, type Severity } from '../core/model.js';
import { type Report, type Result, summarize } from '../core/report.js';
import { matchesSelector as matches, selectChecks } from '../core/selection.js';
import { applySuppressions } from '../core/suppress.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_BYTES, lintCompose } from './compose/index.js';
import { applyComposeSuppressions, parseComposeSuppressions } from './compose/suppress.js';
import { lintDockerfileText } from './dockerfile/index.js';

/** Compose's own default file names, in its order of preference, and the override beside each. */
const BASE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_FILES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];
// Never linted: dependency trees and VCS data (everything else is, unless .gitignore/.dockerignore exclude it).
const SKIP_DIRS = new Set(['node_modules', '.git']);
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
  /** Reads standard input for the path `-` (default: fd 0). */
  stdin?: () => string;
}

/** One compose project: its files, merged in order. */
type Project = string[];

export interface Targets {
  projects: Project[];
  /** Dockerfile paths; `-` is standard input. */
  dockerfiles: string[];
}

/** An exclude file's rules, relative to the directory that holds it. */
interface Excludes {
  dir: string;
  rules: Ignore;
}

function readExcludes(dir: string, entries: string[]): Excludes | null {
  const rules = ignore();
  let any = false;
  for (const name of ['.gitignore', '.dockerignore']) {
    if (!entries.includes(name)) continue;
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    // .dockerignore patterns are anchored at the context root; gitignore ones match at any depth.
    rules.add(
      name === '.dockerignore'
        ? lines.map((l) =>
            l === '' || l.startsWith('#') || l.startsWith('/') || l.startsWith('**')
              ? l
              : l.startsWith('!')
                ? `!/${l.slice(1).replace(/^\//, '')}`
                : `/${l}`,
          )
        : lines,
    );
    any = true;
  }
  return any ? { dir, rules } : null;
}

const excluded = (stack: readonly Excludes[], path: string, isDir: boolean): boolean =>
  stack.some((e) => {
    const rel = relative(e.dir, path);
    return rel !== '' && !rel.startsWith('..') && e.rules.ignores(isDir ? `${rel}/` : rel);
  });

function walk(dir: string, depth: number, stack: Excludes[], out: Targets): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new UsageError(
      `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const ex = readExcludes(dir, entries);
  const here = ex ? [...stack, ex] : stack;
  const base = BASE_FILES.find((f) => entries.includes(f) && !excluded(here, join(dir, f), false));
  if (base) {
    const override = OVERRIDE_FILES.find((f) => entries.includes(f) && !excluded(here, join(dir, f), false));
    out.projects.push([join(dir, base), ...(override ? [join(dir, override)] : [])]);
  }
  const subdirs: string[] = [];
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (isDockerfile(e)) {
      if (!excluded(here, p, false)) out.dockerfiles.push(p);
      continue;
    }
    if (depth >= MAX_DEPTH || e.startsWith('.') || SKIP_DIRS.has(e)) continue;
    subdirs.push(e);
  }
  for (const e of subdirs) {
    const p = join(dir, e);
    try {
      if (statSync(p).isDirectory() && !excluded(here, p, true)) walk(p, depth + 1, here, out);
    } catch {
      // vanished or unreadable: not ours to judge
    }
  }
}

/** The compose projects and Dockerfiles named by the arguments (directories walked, excludes honoured). */
export function findTargets(paths: string[], composeFiles: string[], cwd: string): Targets {
  const out: Targets = { projects: [], dockerfiles: [] };
  if (composeFiles.length > 0) out.projects.push(composeFiles.map((f) => resolve(cwd, f)));
  for (const arg of paths.length === 0 && composeFiles.length === 0 ? ['.'] : paths) {
    if (arg === '-') {
      out.dockerfiles.push('-');
      continue;
    }
    const p = resolve(cwd, arg);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${arg} does not exist`, 'name Dockerfiles, compose files or directories');
    }
    if (st.isDirectory()) walk(p, 0, [], out);
    else if (isComposeFile(basename(p))) out.projects.push([p]);
    else if (isDockerfile(basename(p))) out.dockerfiles.push(p);
    else if (/\.ya?ml$/.test(p)) out.projects.push([p]);
    // A file named on the command line is what the user wants linted: read it as a Dockerfile.
    else out.dockerfiles.push(p);
  }
  return out;
}

export interface LintOutcome {
  report: Report;
  checks: AnyCheck[];
  /** Files that could not be read or parsed (one line each, file:line:col: message): exit 2. */
  diagnostics: string[];
  /** Source text of every linted file by shown path, for code frames. */
  sources: Map<string, string>;
}

/** Files larger than this are refused (a Dockerfile or compose file is a few KiB). */
export const MAX_FILE_BYTES = DEFAULT_MAX_BYTES;

function readText(
  file: string,
  shown: string,
  diagnostics: string[],
  stdin: () => string,
): string | undefined {
  try {
    if (file === '-') return stdin();
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(`${shown}: ${size} bytes, larger than ${MAX_FILE_BYTES}; not linted`);
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (err) {
    diagnostics.push(
      `${shown}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
    return undefined;
  }
}

const LOCATION = /^(.*):(\d+):(\d+)$/;

/**
 * Sets the structured location of a lint result: its first `file:line:col` evidence in the subject's file.
 * In place: the results are this run's own, and a copy of each of 100k+ results is heap and GC time.
 */
function addLocation(r: Result): void {
  const file = r.subject.kind === 'file' ? r.subject.path : undefined;
  if (file === undefined) return;
  for (const e of r.evidence) {
    const p = e.path;
    // Cheap test first: most evidence paths are not in the subject's file.
    if (p === undefined || !p.startsWith(file) || p.charCodeAt(file.length) !== 58) continue;
    const m = LOCATION.exec(p);
    if (m && m[1] === file) {
      r.location = { path: file, line: Number(m[2]), column: Number(m[3]) };
      return;
    }
  }
}

export function runLint(opts: LintOptions): LintOutcome {
  const started = new Date();
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const env = Object.fromEntries(
    Object.entries(opts.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const { config } = opts;
  const lintable = [...containerChecks, ...dockerfileChecks];
  // Selectors in the shared config may name audit-only checks; lint applies those naming its own checks.
  const ours = (s: string) => lintable.some((c) => matches(c, s));
  const selected = selectChecks(lintable, {
    only: [...(config.only ?? []).filter(ours), ...(opts.only ?? [])],
    skip: [...(config.skip ?? []).filter(ours), ...(opts.skip ?? [])],
  });
  const settings = settingsFrom(config, opts.now ?? new Date());
  const targets = findTargets(opts.paths ?? [], opts.composeFiles ?? [], cwd);
  if (targets.projects.length === 0 && targets.dockerfiles.length === 0)
    throw new UsageError(
      'no Dockerfile or compose file found',
      'name a Dockerfile, a compose file or a directory that holds one',
    );
  const stdin = opts.stdin ?? (() => readFileSync(0, 'utf8'));
  let results: Report['results'] = [];
  const diagnostics: string[] = [];
  const notes: string[] = [];
  const sources = new Map<string, string>();
  const show = (f: string) => (f === '-' ? '<stdin>' : relative(cwd, f) || f);

  const dfChecks = selected.filter((c) => c.scope === 'dockerfile');
  if (dfChecks.length > 0)
    for (const f of targets.dockerfiles) {
      const shown = show(f);
      const text = readText(f, shown, diagnostics, stdin);
      if (text === undefined) continue;
      sources.set(shown, text);
      const out = lintDockerfileText(shown, text, { checks: dfChecks, settings, registry: allChecks });
      results.push(...out.results);
      diagnostics.push(...out.diagnostics);
      notes.push(...out.warnings);
    }

  const ctrChecks = selected.filter((c) => c.scope === 'container');
  if (ctrChecks.length > 0)
    for (const files of targets.projects) {
      const texts: { path: string; text: string }[] = [];
      for (const f of files) {
        const shown = show(f);
        const text = readText(f, shown, diagnostics, stdin);
        if (text === undefined) continue;
        sources.set(shown, text);
        texts.push({ path: shown, text });
      }
      if (texts.length === 0) continue;
      const out = lintCompose(texts, {
        env,
        checks: ctrChecks,
        settings,
        ...(opts.profiles?.length ? { activeProfiles: opts.profiles } : {}),
        projectName: basename(dirname(files[0]!)),
        readFile: (p: string) => {
          const full = resolve(cwd, p);
          // Most projects have no .env: a thrown ENOENT per project costs more than asking first.
          if (!existsSync(full)) return undefined;
          try {
            return readFileSync(full, 'utf8');
          } catch {
            return undefined;
          }
        },
      });
      const inline = applyComposeSuppressions(
        out.results,
        texts.flatMap((t) => parseComposeSuppressions(t.path, t.text)),
        allChecks,
        selected.find((c) => c.id === 'BH-DKF-060'),
      );
      results.push(...inline.results);
      diagnostics.push(...out.diagnostics);
      notes.push(...out.warnings, ...inline.warnings);
    }
  const sup = applySuppressions(
    results,
    config.suppressions ?? [],
    allChecks,
    settings.now,
    opts.configSource ?? '.bulkhead.yaml',
  );
  results = sup.results;
  for (const r of results) addLocation(r);
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
    warnings: [...diagnostics, ...notes, ...sup.warnings.filter((w) => !w.endsWith('matched nothing'))],
  };
  return { report, checks: selected, diagnostics, sources };
}
