// `bulkhead image scan`, `bulkhead db import|status`, and `audit --images`: thin shells over src/image and
// src/vulndb. Loaded on demand by main.ts, so audit and lint never load tar, zstd, zip or SQLite code.
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from '../../collectors/docker/client.js';
import { type ConnectionFlags, resolveConnection } from '../../collectors/docker/connection.js';
import type { Config } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { atLeast, type Severity } from '../../core/model.js';
import type { Report } from '../../core/report.js';
import { runImageScan } from '../../image/scan.js';
import { renderCycloneDx } from '../../reporters/cyclonedx.js';
import { type Format, render } from '../../reporters/index.js';
import { progressLine } from '../../reporters/terminal.js';
import { VERSION } from '../../version.js';
import { dbStatus } from '../../vulndb/status.js';
import { defaultDbPath } from '../../vulndb/store.js';

export interface ImageScanFlags extends ConnectionFlags {
  platform?: string;
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  ca?: string;
  insecure?: boolean;
  db?: string;
  ignoreUnfixed?: boolean;
  denySha256?: string;
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  failOn?: Severity | 'none';
  format: Format | 'cyclonedx';
  output?: string;
  color?: boolean;
  verbose?: boolean;
}

function writeOut(text: string, output: string | undefined): void {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (err) {
    throw new UsageError(
      `cannot write ${output}: ${(err as Error).message}`,
      'choose a writable --output path',
    );
  }
}

/** SHA-256 deny-list: one lowercase hex digest per line (`#` comments and `sha256:` prefixes allowed). */
export function readDenyList(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const out = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line
      .replace(/#.*/, '')
      .trim()
      .toLowerCase()
      .replace(/^sha256:/, '');
    if (t === '') return;
    if (!/^[0-9a-f]{64}$/.test(t))
      throw new UsageError(
        `${path}:${i + 1}: not a SHA-256 hex digest: ${t.slice(0, 80)}`,
        'one digest per line',
      );
    out.add(t);
  });
  return out;
}

const connectionOf = (f: ConnectionFlags): ConnectionFlags => ({
  ...(f.host ? { host: f.host } : {}),
  ...(f.tls !== undefined ? { tls: f.tls } : {}),
  ...(f.tlsverify !== undefined ? { tlsverify: f.tlsverify } : {}),
  ...(f.tlscacert ? { tlscacert: f.tlscacert } : {}),
  ...(f.tlscert ? { tlscert: f.tlscert } : {}),
  ...(f.tlskey ? { tlskey: f.tlskey } : {}),
});

export async function imageScan(
  images: string[],
  flags: ImageScanFlags,
  config: Config,
  source: string | null,
): Promise<number> {
  if (images.length === 0)
    throw new UsageError(
      'name at least one image',
      'bulkhead image scan NAME|FILE|DIR|registry:HOST/REPO:TAG',
    );
  const password = flags.passwordStdin ? readFileSync(0, 'utf8').trim() : flags.password;
  const showProgress = process.stderr.isTTY === true;
  const { report, checks, scans, diagnostics } = await runImageScan({
    config,
    configSource: source,
    images,
    open: {
      platform: flags.platform,
      username: flags.username,
      password,
      ca: flags.ca,
      insecure: flags.insecure,
      connection: connectionOf(flags),
    },
    ...(flags.db ? { dbPath: flags.db } : {}),
    ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
    ...(flags.denySha256 ? { denySha256: readDenyList(flags.denySha256) } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(flags.minSeverity ? { minSeverity: flags.minSeverity } : {}),
    ...(showProgress
      ? {
          onProgress: (image: string, done: number, total: number) =>
            process.stderr.write(
              `\r\x1b[2K${progressLine(`reading ${image}`, done, total, process.stderr.columns || 80)}`,
            ),
        }
      : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[2K');
  if (flags.format === 'cyclonedx') {
    writeOut(renderCycloneDx(scans, { toolVersion: VERSION, timestamp: report.startedAt }), flags.output);
  } else {
    const color = flags.color ?? (!flags.output && process.stdout.isTTY && !process.env.NO_COLOR);
    writeOut(render(flags.format, report, checks, { color, verbose: flags.verbose ?? false }), flags.output);
  }
  if (flags.format !== 'terminal' || flags.output)
    for (const w of report.warnings) process.stderr.write(`bulkhead: warning: ${w}\n`);
  for (const d of diagnostics) process.stderr.write(`bulkhead: ${d}\n`);
  if (diagnostics.length > 0) return 2;
  return exitFor(report, flags.failOn ?? config.failOn ?? 'high');
}

const exitFor = (report: Report, failOn: Severity | 'none'): number =>
  failOn !== 'none' && report.results.some((r) => r.status === 'fail' && atLeast(r.severity, failOn)) ? 1 : 0;

/** `audit --images`: every image of the audited daemon, scanned layer by layer, merged into the report. */
export async function deepScanDaemonImages(
  report: Report,
  flags: ConnectionFlags & { db?: string; ignoreUnfixed?: boolean },
  config: Config,
  source: string | null,
): Promise<{ report: Report; checks: import('../../core/model.js').AnyCheck[] }> {
  const client = await connect(resolveConnection(connectionOf(flags), process.env));
  const ids = (await client.listImages()).map((i) => i.Id);
  const scan = await runImageScan({
    config,
    configSource: source,
    images: ids.map((id) => `docker:${id}`),
    open: { connection: connectionOf(flags) },
    ...(flags.db ? { dbPath: flags.db } : {}),
    ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
  });
  const results = [...report.results, ...scan.report.results];
  const { summarize } = await import('../../core/report.js');
  return {
    report: {
      ...report,
      results,
      summary: summarize(results),
      warnings: [...report.warnings, ...scan.report.warnings],
    },
    checks: scan.checks,
  };
}

export async function dbImport(path: string, flags: { db?: string }): Promise<number> {
  const dbPath = flags.db ?? defaultDbPath(process.env);
  const { importOsv } = await import('../../vulndb/import.js');
  const s = await importOsv(dbPath, path);
  process.stdout.write(
    `${dbPath}: read ${s.read} advisories: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.withdrawn} withdrawn, ${s.skipped} skipped (${(s.durationMs / 1000).toFixed(1)} s)\n`,
  );
  for (const p of s.problems)
    process.stderr.write(`bulkhead: warning: ${p.where}${p.id ? ` ${p.id}` : ''}: ${p.reason}\n`);
  return 0;
}

export function dbStatusCommand(flags: { db?: string; format?: 'terminal' | 'json' }): number {
  const dbPath = flags.db ?? defaultDbPath(process.env);
  const s = dbStatus(dbPath);
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return s.exists ? 0 : 1;
  }
  if (!s.exists) {
    process.stdout.write(`no vulnerability database at ${dbPath}; load one with: bulkhead db import PATH\n`);
    return 1;
  }
  const lines = [
    `${dbPath} (schema ${s.schemaVersion}): ${s.advisories} advisories${s.lastImport ? `, last import ${s.lastImport}` : ''}`,
    ...s.ecosystems.map(
      (e) =>
        `  ${e.ecosystem.padEnd(22)} ${String(e.advisories).padStart(7)} advisories  ${String(e.packages).padStart(6)} packages${e.newestModified ? `  newest ${e.newestModified.slice(0, 10)} (${e.ageDays ?? '?'} days old)` : ''}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
