// The `bulkhead image scan` pipeline: open each image (daemon, docker-save tar, OCI layout, registry),
// stream its layers once through the analyzers, match the inventory against the offline vulnerability
// database, then judge the facts with the image-scan checks, the audit's image checks (config and history)
// and the Dockerfile rules replayed on the recovered history. Same report, reporters and exit codes as audit.

import { existsSync } from 'node:fs';
import { createAnalyzer, scanCommand } from '../analysis/image/index.js';
import { dockerfileChecks } from '../checks/dockerfile/index.js';
import { imageChecks } from '../checks/image/index.js';
import { imageScanChecks } from '../checks/image-scan/index.js';
import { allChecks } from '../checks/index.js';
import { openImage } from '../collectors/image/index.js';
import type { OpenOptions } from '../collectors/image/types.js';
import { parseDockerfile } from '../collectors/source/dockerfile.js';
import type { Config } from '../core/config.js';
import { settingsFrom } from '../core/config.js';
import { runChecks } from '../core/engine.js';
import { BulkheadError } from '../core/errors.js';
import { type AnyCheck, atLeast, type CheckSettings, type Severity } from '../core/model.js';
import { type Report, type Result, summarize } from '../core/report.js';
import { matchesSelector, selectChecks } from '../core/selection.js';
import { applySuppressions } from '../core/suppress.js';
import type { ImageFacts } from '../facts/image.js';
import type { FileFinding, ImageScanFacts } from '../facts/image-scan.js';
import { VERSION } from '../version.js';
import type { VulnDb } from '../vulndb/match.js';
import { defaultDbPath } from '../vulndb/store.js';
import { dockerfileFromHistory } from './history.js';

/** Audit image checks that describe a host's inventory, not an image: not run on a scanned image. */
const INVENTORY_ONLY = new Set(['BH-IMG-009', 'BH-IMG-010', 'BH-IMG-011']);
/**
 * Dockerfile rules not replayed on history: base-image rules (the base is gone, FROM scratch stands in),
 * MAINTAINER and suppression comments (not in history), and rules whose subject the audit's image checks
 * already judge on the config itself (user, healthcheck, EXPOSE 22, sshd, ADD, env secrets, update alone).
 */
const NOT_FROM_HISTORY = new Set([
  'BH-DKF-001',
  'BH-DKF-002',
  'BH-DKF-003',
  'BH-DKF-004',
  'BH-DKF-016',
  'BH-DKF-060',
  'BH-DKF-005', // BH-IMG-001
  'BH-DKF-009', // BH-IMG-012
  'BH-DKF-010', // BH-IMG-002
  'BH-DKF-018', // BH-IMG-013
  'BH-DKF-020', // BH-IMG-006
  'BH-DKF-023', // BH-IMG-004
  'BH-DKF-024', // BH-IMG-005
  'BH-DKF-040', // BH-IMG-003
]);
/** Without a database these can only say "unknown": the scan says so once, in a warning, instead. */
const NEEDS_DB = new Set(['BH-SCN-001', 'BH-SCN-002', 'BH-SCN-003', 'BH-SCN-004']);

export interface ImageScanOptions {
  config: Config;
  configSource?: string | null;
  /** Image references (see parseImageSpec). */
  images: string[];
  open?: OpenOptions;
  /** Vulnerability database (default: $BULKHEAD_DB or ~/.cache/bulkhead/vulndb.sqlite). */
  dbPath?: string;
  ignoreUnfixed?: boolean;
  denySha256?: ReadonlySet<string>;
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** Called as layers finish, for a progress line. */
  onProgress?: (image: string, layer: number, layers: number) => void;
}

export interface ImageScanOutcome {
  report: Report;
  checks: AnyCheck[];
  scans: ImageScanFacts[];
  /** Images that could not be opened or read: one line each (exit 2 after the others were scanned). */
  diagnostics: string[];
}

/** The checks an image scan runs: image-scan checks, the audit's image checks, replayable Dockerfile rules. */
export const scanCheckSet = (): AnyCheck[] => [
  ...imageScanChecks,
  ...imageChecks.filter((c) => !INVENTORY_ONLY.has(c.id)),
  ...dockerfileChecks.filter((c) => !NOT_FROM_HISTORY.has(c.id)),
];

/** The audit's ImageFacts for a scanned image, so the audit's image checks judge its config and history. */
export function toImageFacts(s: ImageScanFacts): ImageFacts {
  return {
    id: s.id,
    repoTags: s.repoTags,
    repoDigests: s.digest && s.repoTags[0] ? [`${s.repoTags[0].replace(/:[^:/]+$/, '')}@${s.digest}`] : [],
    ...(s.created ? { created: s.created } : {}),
    size: s.layers.reduce((n, l) => n + l.size, 0),
    user: s.config.user,
    env: s.config.env,
    cmd: s.config.cmd,
    entrypoint: s.config.entrypoint,
    exposedPorts: s.config.exposedPorts,
    ...(s.config.healthcheck ? { healthcheck: s.config.healthcheck } : {}),
    labels: s.config.labels,
    history: s.history.map((h) => ({ createdBy: h.createdBy, emptyLayer: h.emptyLayer })),
    dangling: s.repoTags.length === 0,
    containers: 0,
  };
}

/** Reverse shells and miners in the entrypoint/cmd are findings on the last layer that set the config. */
function configFindings(s: ImageScanFacts): FileFinding[] {
  const argv = [...s.config.entrypoint, ...s.config.cmd];
  if (argv.length === 0) return [];
  const layer = Math.max(0, s.layers.length - 1);
  return scanCommand(argv).flatMap((f) =>
    f.rule === 'download-exec'
      ? []
      : [
          {
            path: '(image config: Entrypoint/Cmd)',
            kind: f.rule,
            layer,
            mode: 0,
            size: 0,
            present: true,
            detail: f.detail,
          },
        ],
  );
}

/** Dockerfile rules replayed on the history: results point at the layer (and instruction) instead of a line. */
function replayHistory(
  s: ImageScanFacts,
  checks: readonly AnyCheck[],
  settings: CheckSettings,
  subject: Result['subject'],
): Result[] {
  const dfChecks = checks.filter((c) => c.scope === 'dockerfile');
  if (dfChecks.length === 0 || s.history.length === 0) return [];
  const recovered = dockerfileFromHistory(s.history);
  if (recovered.recovered === 0) return [];
  let df: ReturnType<typeof parseDockerfile>;
  try {
    df = parseDockerfile('history', recovered.text);
  } catch {
    return [];
  }
  const out: Result[] = [];
  for (const r of runChecks(dfChecks, { dockerfiles: [df], gaps: {} }, settings)) {
    if (r.status === 'pass' && out.some((o) => o.checkId === r.checkId)) continue;
    const evidence = r.evidence.map((e) => {
      const line = Number(/:(\d+):\d+$/.exec(e.path ?? '')?.[1] ?? 0);
      const step = recovered.stepOfLine[line] ?? -1;
      const h = s.history[step];
      const where =
        h === undefined
          ? ''
          : `; history step ${step + 1}${h.layer !== null ? `, layer ${h.layer}` : ''}: ${h.createdBy.replace(/\s+/g, ' ').slice(0, 120)}`;
      return { message: `${e.message}${where}` };
    });
    out.push({ ...r, scope: 'image-scan', subject, evidence });
  }
  return out;
}

function scanResults(s: ImageScanFacts, checks: readonly AnyCheck[], settings: CheckSettings): Result[] {
  const subject: Result['subject'] = { kind: 'image', id: s.id, name: s.repoTags[0] ?? s.reference };
  const own = runChecks(
    checks.filter((c) => c.scope === 'image-scan'),
    { scans: [s], gaps: {} },
    settings,
  );
  const img = runChecks(
    checks.filter((c) => c.scope === 'image'),
    { images: [toImageFacts(s)], gaps: {} },
    settings,
  ).map((r) => ({ ...r, scope: 'image-scan' as const, subject }));
  return [...own, ...img, ...replayHistory(s, checks, settings, subject)];
}

/** Scans one image; throws a BulkheadError when it cannot be opened or its source goes away. */
async function scanOne(
  ref: string,
  opts: ImageScanOptions,
  db: VulnDb | undefined,
  warnings: string[],
): Promise<ImageScanFacts> {
  const img = await openImage(ref, opts.open ?? {});
  const analyzer = createAnalyzer(opts.denySha256 ? { denySha256: opts.denySha256 } : {});
  const layers = await img.walk(
    (e) => analyzer.visit(e),
    (l) => opts.onProgress?.(ref, l.index + 1, img.layerCount),
  );
  const found = analyzer.finish(layers, img.history);
  for (const p of found.problems) warnings.push(`${ref}: ${p}`);
  const facts: ImageScanFacts = {
    reference: img.reference,
    source: img.source,
    id: img.id,
    repoTags: img.repoTags,
    ...(img.digest ? { digest: img.digest } : {}),
    platform: img.platform,
    ...(img.created ? { created: img.created } : {}),
    config: img.config,
    history: img.history,
    layers,
    files: found.files,
    secrets: found.secrets,
    packages: found.packages,
    ...(found.os ? { os: found.os } : {}),
    problems: [...img.problems],
  };
  facts.files.push(...configFindings(facts));
  if (db) {
    const vulns = db.match(facts.packages, facts.os);
    facts.vulnerabilities = opts.ignoreUnfixed ? vulns.filter((v) => v.fixedVersion !== undefined) : vulns;
  }
  return facts;
}

export async function runImageScan(opts: ImageScanOptions): Promise<ImageScanOutcome> {
  const started = new Date();
  const t0 = performance.now();
  const { config } = opts;
  const env = opts.env ?? process.env;
  const candidates = scanCheckSet();
  const ours = (s: string) => candidates.some((c) => matchesSelector(c, s));
  const checks = selectChecks(candidates, {
    only: [...(config.only ?? []).filter(ours), ...(opts.only ?? [])],
    skip: [...(config.skip ?? []).filter(ours), ...(opts.skip ?? [])],
  });
  const settings = settingsFrom(config, opts.now ?? new Date());
  const warnings: string[] = [];
  const diagnostics: string[] = [];

  const dbPath = opts.dbPath ?? defaultDbPath(env);
  // Only whether it exists: dbStatus would also count every advisory (a GROUP BY over the whole table,
  // a second open), which the scan does not use; openDb validates the file.
  const hasDb = existsSync(dbPath);
  if (!hasDb)
    warnings.push(
      `no vulnerability database at ${dbPath}: vulnerabilities were not matched (run \`bulkhead db import PATH\`); the other analyses ran`,
    );
  // The matcher (SQLite, semver, PEP 440) is loaded only when there is a database to match against.
  const db = hasDb ? (await import('../vulndb/match.js')).openDb(dbPath) : undefined;

  const run = db ? checks : checks.filter((c) => !NEEDS_DB.has(c.id));
  const scans: ImageScanFacts[] = [];
  let results: Result[] = [];
  try {
    for (const ref of opts.images) {
      try {
        const s = await scanOne(ref, opts, db, warnings);
        scans.push(s);
        results.push(...scanResults(s, run, settings));
      } catch (err) {
        if (!(err instanceof BulkheadError)) throw err;
        diagnostics.push(`${ref}: ${err.message}${err.hint ? ` (${err.hint})` : ''}`);
      }
    }
  } finally {
    db?.close();
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
    warnings: [...diagnostics, ...warnings, ...sup.warnings.filter((w) => !w.endsWith('matched nothing'))],
  };
  return { report, checks: run, scans, diagnostics };
}
