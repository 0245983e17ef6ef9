// The CLI shell: parses flags, calls the core, renders, maps errors to exit codes. No security logic here.
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runAudit } from '../../audit/run.js';
import { allChecks } from '../../checks/index.js';
import { prewarmLayerThread } from '../../collectors/image/layer-thread.js';
import { loadConfig } from '../../config/load.js';
import { BulkheadError, UsageError } from '../../core/errors.js';
import { atLeast, SEVERITIES, type Severity } from '../../core/model.js';
import { parseScopes } from '../../core/selection.js';
import { renderCheckPage } from '../../docs/check-page.js';
import { FORMATS, type Format, renderChunks } from '../../reporters/index.js';
import { progressLine } from '../../reporters/terminal.js';
import { VERSION } from '../../version.js';

/** The key types of `bulkhead tls` (src/tls/pki.ts KEY_TYPES; kept here so the CLI loads no TLS code at start). */
const KEY_TYPE_CHOICES = ['ecdsa-p256', 'rsa-3072', 'rsa-4096'] as const;

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

const list = (v: string, prev: string[] = []): string[] => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

const severityArg =
  (allowNone: boolean) =>
  (v: string): Severity | 'none' => {
    const s = v.toLowerCase();
    if ((SEVERITIES as readonly string[]).includes(s) || (allowNone && s === 'none')) return s as Severity;
    throw new InvalidArgumentError(
      `expected one of ${[...SEVERITIES, ...(allowNone ? ['none'] : [])].join(', ')}`,
    );
  };

interface AuditFlags {
  host?: string;
  tls?: boolean;
  tlsverify?: boolean;
  tlscacert?: string;
  tlscert?: string;
  tlskey?: string;
  scope?: string;
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  failOn?: Severity | 'none';
  format: Format;
  output?: string;
  config?: string;
  root?: string;
  color?: boolean;
  verbose?: boolean;
  concurrency?: number;
  timeout?: number;
  images?: boolean;
  db?: string;
}

/** Joins small pieces into writes of about this size. */
const WRITE_BATCH = 1 << 20;

/** Writes the report, piece by piece, to --output or stdout (waiting for a slow reader to drain). */
async function write(pieces: Iterable<string>, output: string | undefined): Promise<void> {
  let fd: number | undefined;
  if (output) {
    try {
      fd = openSync(output, 'w');
    } catch (err) {
      throw new UsageError(
        `cannot write ${output}: ${(err as Error).message}`,
        'choose a writable --output path',
      );
    }
  }
  const flush = async (text: string): Promise<void> => {
    if (fd !== undefined) {
      try {
        const buf = Buffer.from(text);
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
      } catch (err) {
        throw new UsageError(`cannot write ${output}: ${(err as Error).message}`, 'check the free space');
      }
    } else if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  try {
    let batch = '';
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= WRITE_BATCH) {
        await flush(batch);
        batch = '';
      }
    }
    if (batch) await flush(batch);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The daemon connection options shared by audit and harden. */
function withConnection(cmd: Command): Command {
  return cmd
    .option(
      '-H, --host <endpoint>',
      'daemon endpoint: unix:///path, tcp://host:port, ssh://user@host (default $DOCKER_HOST)',
    )
    .option('--tls', 'use TLS without verifying the daemon certificate')
    .option('--tlsverify', 'use TLS and verify the daemon certificate')
    .option('--tlscacert <file>', 'CA certificate the daemon certificate must chain to')
    .option('--tlscert <file>', 'client certificate')
    .option('--tlskey <file>', 'client key');
}

interface TlsFlags {
  tls?: boolean;
  tlsverify?: boolean;
  tlscacert?: string;
  tlscert?: string;
  tlskey?: string;
}

/** Only the TLS flags given (unset ones fall back to DOCKER_TLS_VERIFY / DOCKER_CERT_PATH). */
function tlsFlags(f: TlsFlags): TlsFlags {
  return {
    ...(f.tls !== undefined ? { tls: f.tls } : {}),
    ...(f.tlsverify !== undefined ? { tlsverify: f.tlsverify } : {}),
    ...(f.tlscacert ? { tlscacert: f.tlscacert } : {}),
    ...(f.tlscert ? { tlscert: f.tlscert } : {}),
    ...(f.tlskey ? { tlskey: f.tlskey } : {}),
  };
}

async function audit(flags: AuditFlags): Promise<number> {
  const { config, source } = await loadConfig(flags.config);
  const scopes = flags.scope
    ? parseScopes(flags.scope)
    : config.scope
      ? parseScopes(config.scope.join(','))
      : undefined;
  const showProgress = process.stderr.isTTY === true;
  const tls = tlsFlags(flags);
  const { report, checks } = await runAudit({
    config,
    configSource: source,
    tls,
    ...(flags.host ? { host: flags.host } : {}),
    ...(scopes ? { scopes } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(flags.minSeverity ? { minSeverity: flags.minSeverity } : {}),
    ...(flags.root ? { root: flags.root } : {}),
    ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
    ...(flags.timeout ? { timeoutMs: flags.timeout * 1000 } : {}),
    ...(showProgress
      ? {
          onProgress: (step: string, done: number, total: number) =>
            process.stderr.write(`\r\x1b[2K${progressLine(step, done, total, process.stderr.columns || 80)}`),
        }
      : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[2K');
  let final = report;
  let allRun = checks;
  if (flags.images) {
    const { deepScanDaemonImages } = await import('./image.js');
    const deep = await deepScanDaemonImages(report, { ...flags, ...tls }, config, source);
    final = deep.report;
    allRun = [...checks, ...deep.checks];
  }
  const color = flags.color ?? (!flags.output && process.stdout.isTTY && !process.env.NO_COLOR);
  await write(
    renderChunks(flags.format, final, allRun, { color, verbose: flags.verbose ?? false }),
    flags.output,
  );
  // The terminal report prints warnings itself; other formats and files get them on stderr.
  if (flags.format !== 'terminal' || flags.output) {
    for (const w of final.warnings) process.stderr.write(`bulkhead: warning: ${w}\n`);
  }
  const failOn = flags.failOn ?? config.failOn ?? 'high';
  if (failOn === 'none') return EXIT.ok;
  return final.results.some((r) => r.status === 'fail' && atLeast(r.severity, failOn))
    ? EXIT.findings
    : EXIT.ok;
}

interface HardenFlags {
  write?: string;
  apply?: boolean;
  only?: string[];
  exclude?: string[];
  allowSource?: string[];
  allowEgress?: string[];
  remoteAddress?: string;
  tlsDir: string;
  host?: string;
  tls?: boolean;
  tlsverify?: boolean;
  tlscacert?: string;
  tlscert?: string;
  tlskey?: string;
  root?: string;
  timeout?: number;
  config?: string;
}

interface LintFlags {
  file?: string[];
  profile?: string[];
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  failOn?: Severity | 'none';
  format: Format;
  output?: string;
  config?: string;
  color?: boolean;
  verbose?: boolean;
}

async function lint(paths: string[], flags: LintFlags): Promise<number> {
  const { config, source } = await loadConfig(flags.config);
  // Loaded on demand: lint brings the YAML parser, which an audit does not need at start-up.
  const { runLint } = await import('../../lint/run.js');
  const { report, checks, diagnostics, sources } = runLint({
    config,
    configSource: source,
    paths,
    composeFiles: flags.file ?? [],
    ...(flags.profile ? { profiles: flags.profile } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(flags.minSeverity ? { minSeverity: flags.minSeverity } : {}),
  });
  const color = flags.color ?? (!flags.output && process.stdout.isTTY && !process.env.NO_COLOR);
  await write(
    renderChunks(flags.format, report, checks, { color, verbose: flags.verbose ?? false, sources }),
    flags.output,
  );
  for (const d of diagnostics) process.stderr.write(`bulkhead: ${d}\n`);
  // A file that could not be read or parsed is an input error (exit 2), after the rest were linted.
  if (diagnostics.length > 0) return EXIT.error;
  const failOn = flags.failOn ?? config.failOn ?? 'high';
  if (failOn === 'none') return EXIT.ok;
  return report.results.some((r) => r.status === 'fail' && atLeast(r.severity, failOn))
    ? EXIT.findings
    : EXIT.ok;
}

export function buildProgram(): Command {
  const program = new Command('bulkhead')
    .description(
      'Keeps Docker hosts safe: audits hosts, daemons and containers against the CIS Docker Benchmark and more',
    )
    .version(VERSION)
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  withConnection(program.command('audit'))
    .description('audit the local (or --host) Docker host, daemon, containers, images and networks')
    .option('--scope <scopes>', 'comma list of: all, host, daemon, container, image, network, swarm')
    .option(
      '--only <selectors>',
      'run only these checks: ids, globs (BH-CTR-*), cis:5.10, P-NET-2, scope:host',
      list,
    )
    .option('--skip <selectors>', 'skip these checks (same selectors as --only)', list)
    .option(
      '--min-severity <level>',
      'leave results below this severity out of the report',
      severityArg(false),
    )
    .option(
      '--fail-on <level>',
      'exit 1 when a finding is at or above this severity, or none (default: high)',
      severityArg(true),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: ./.bulkhead.yaml if present)')
    .option('--root <dir>', 'read host files under this root (default /)')
    // --color first, so the default stays undefined (auto: colour only on a TTY without NO_COLOR).
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('-v, --verbose', 'list passing checks too')
    .option('--concurrency <n>', 'parallel Engine API calls (default 8)', (v) => positiveInt(v))
    .option('--timeout <seconds>', 'per-request timeout for the Engine API (default 10)', (v) =>
      positiveInt(v),
    )
    .option('--images', 'also scan every image of the daemon layer by layer (as bulkhead image scan)')
    .option('--db <file>', 'with --images: vulnerability database (default ~/.cache/bulkhead/vulndb.sqlite)')
    .action(async (flags: AuditFlags) => {
      process.exitCode = await audit(flags);
    });

  program
    .command('lint [paths...]')
    .description(
      'lint Dockerfiles (- for stdin) and compose files before anything runs; directories are walked, honouring .gitignore/.dockerignore',
    )
    .option('-f, --file <file>', 'compose file; repeat to merge several in order, as docker compose -f', list)
    .option('--profile <name>', 'activate a compose profile (repeatable)', list)
    .option('--only <selectors>', 'run only these checks (as audit)', list)
    .option('--skip <selectors>', 'skip these checks (as audit)', list)
    .option(
      '--min-severity <level>',
      'leave results below this severity out of the report',
      severityArg(false),
    )
    .option(
      '--fail-on <level>',
      'exit 1 when a finding is at or above this severity, or none (default: high)',
      severityArg(true),
    )
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: ./.bulkhead.yaml if present)')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('-v, --verbose', 'list passing checks too')
    .action(async (paths: string[], flags: LintFlags) => {
      process.exitCode = await lint(paths, flags);
    });

  program
    .command('checks')
    .description('list every check (id, severity, scope, CIS and practice refs)')
    .option('--json', 'as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(
            allChecks.map(({ evaluate: _e, ...meta }) => meta),
            null,
            2,
          )}\n`,
        );
        return;
      }
      for (const c of allChecks) {
        const refs = c.refs.map((r) => (r.kind === 'cis' ? `CIS ${r.id}` : r.id)).join(', ');
        process.stdout.write(
          `${c.id.padEnd(11)} ${c.severity.padEnd(8)} ${c.scope.padEnd(9)} ${c.title}  [${refs}]\n`,
        );
      }
    });

  program
    .command('explain <id>')
    .description('show the documentation of one check')
    .action((id: string) => {
      const up = id.toUpperCase();
      const c = allChecks.find((c) => c.id === up || c.slug === id || (c.aliases ?? []).includes(up));
      if (!c) throw new UsageError(`no check "${id}"`, 'run `bulkhead checks` to list check ids');
      process.stdout.write(renderCheckPage(c));
    });
  const image = program
    .command('image')
    .description('scan images layer by layer (vulnerabilities, secrets, malware, hygiene)');
  image
    .command('scan <images...>')
    .description(
      'scan images: NAME (local daemon), FILE (docker save / OCI tar), DIR (OCI layout), registry:HOST/REPO:TAG',
    )
    .option('--platform <os/arch>', 'platform of a multi-arch image (default: this host)')
    .option(
      '-u, --username <user>',
      'registry user (default: ~/.docker/config.json credential helpers, then auths)',
    )
    .option('-p, --password <password>', 'registry password or token')
    .option('--password-stdin', 'read the registry password from stdin')
    .option('--ca <file>', 'CA certificate of the registry (PEM)')
    .option('--insecure', 'allow a registry over plain HTTP or with an unverified certificate')
    .option('--db <file>', 'vulnerability database (default $BULKHEAD_DB or ~/.cache/bulkhead/vulndb.sqlite)')
    .option('--ignore-unfixed', 'leave out vulnerabilities without a fixed version')
    .option('--deny-sha256 <file>', 'flag files whose SHA-256 is listed in this file (one digest per line)')
    .option('-H, --host <endpoint>', 'daemon endpoint for local images (default $DOCKER_HOST)')
    .option('--tlsverify', 'use TLS and verify the daemon certificate')
    .option('--tlscacert <file>', 'CA certificate the daemon certificate must chain to')
    .option('--tlscert <file>', 'client certificate')
    .option('--tlskey <file>', 'client key')
    .option('--only <selectors>', 'run only these checks (as audit)', list)
    .option('--skip <selectors>', 'skip these checks (as audit)', list)
    .option(
      '--min-severity <level>',
      'leave results below this severity out of the report',
      severityArg(false),
    )
    .option(
      '--fail-on <level>',
      'exit 1 when a finding is at or above this severity, or none (default: high)',
      severityArg(true),
    )
    .addOption(
      new Option('-f, --format <format>', 'output format (cyclonedx: an SBOM)')
        .choices([...FORMATS, 'cyclonedx'])
        .default('terminal'),
    )
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: ./.bulkhead.yaml if present)')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('-v, --verbose', 'list passing checks too')
    .action(async (images: string[], flags: import('./image.js').ImageScanFlags & { config?: string }) => {
      // The layer decoder thread boots (~80 ms) while the scan code loads.
      prewarmLayerThread();
      const { config, source } = await loadConfig(flags.config);
      const { imageScan } = await import('./image.js');
      process.exitCode = await imageScan(images, flags, config, source);
    });

  const db = program
    .command('db')
    .description('the offline vulnerability database (OSV advisories in SQLite)');
  db.command('import <path>')
    .description(
      'load OSV advisories: a directory of JSON files, a .json, or the all.zip files osv.dev publishes',
    )
    .option('--db <file>', 'database file (default $BULKHEAD_DB or ~/.cache/bulkhead/vulndb.sqlite)')
    .action(async (path: string, flags: { db?: string }) => {
      const { dbImport } = await import('./image.js');
      process.exitCode = await dbImport(path, flags);
    });
  db.command('status')
    .description('what is loaded per ecosystem, and how old it is')
    .option('--db <file>', 'database file (default $BULKHEAD_DB or ~/.cache/bulkhead/vulndb.sqlite)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'),
    )
    .action(async (flags: { db?: string; format?: 'terminal' | 'json' }) => {
      const { dbStatusCommand } = await import('./image.js');
      process.exitCode = dbStatusCommand(flags);
    });

  const tls = program
    .command('tls')
    .description(
      'create the CA and certificates that protect the Docker remote API (TLS + client certificates)',
    );

  tls
    .command('init')
    .description('create a CA, a server certificate for the daemon and a first client certificate')
    .option('--dir <dir>', 'directory to write them to', 'bulkhead-tls')
    .option(
      '--host <names>',
      'DNS names and IP addresses clients use to reach the daemon (comma list, repeatable; required)',
      list,
    )
    .option('--client <name>', 'common name (user) of the first client certificate', 'client')
    .addOption(new Option('--key-type <type>', 'key type').choices(KEY_TYPE_CHOICES).default('ecdsa-p256'))
    .option('--days <n>', 'validity of the server and client certificates (default 825 and 365)', (v) =>
      positiveInt(v),
    )
    .option('--ca-days <n>', 'validity of the CA (default 3650)', (v) => positiveInt(v))
    .option('--force', 'replace existing files (certificates issued by a replaced CA stop working)')
    .action(
      async (flags: {
        dir: string;
        host?: string[];
        client: string;
        keyType: (typeof KEY_TYPE_CHOICES)[number];
        days?: number;
        caDays?: number;
        force?: boolean;
      }) => {
        // Loaded on demand: only `tls` needs the X.509 library.
        const { tlsInit, describeTlsInit } = await import('../../tls/index.js');
        const result = await tlsInit(flags.dir, {
          hosts: flags.host ?? [],
          clientName: flags.client,
          keyType: flags.keyType,
          ...(flags.days !== undefined ? { days: flags.days } : {}),
          ...(flags.caDays !== undefined ? { caDays: flags.caDays } : {}),
          ...(flags.force !== undefined ? { force: flags.force } : {}),
        });
        process.stdout.write(describeTlsInit(result));
      },
    );

  tls
    .command('client <name>')
    .description('issue another client certificate (CN = NAME) from the CA in --dir')
    .option('--dir <dir>', 'directory of `tls init` (holds ca.pem and ca-key.pem)', 'bulkhead-tls')
    .option('--out <dir>', 'where to write cert.pem, key.pem and ca.pem (default DIR/clients/NAME)')
    .addOption(
      new Option('--key-type <type>', 'key type (default: the CA key type)').choices(KEY_TYPE_CHOICES),
    )
    .option('--days <n>', 'validity (default 365)', (v) => positiveInt(v))
    .option('--force', 'replace existing files')
    .action(
      async (
        name: string,
        flags: {
          dir: string;
          out?: string;
          keyType?: (typeof KEY_TYPE_CHOICES)[number];
          days?: number;
          force?: boolean;
        },
      ) => {
        const { tlsClient, describeTlsClient } = await import('../../tls/index.js');
        const result = await tlsClient(flags.dir, name, {
          ...(flags.out !== undefined ? { out: flags.out } : {}),
          ...(flags.keyType !== undefined ? { keyType: flags.keyType } : {}),
          ...(flags.days !== undefined ? { days: flags.days } : {}),
          ...(flags.force !== undefined ? { force: flags.force } : {}),
        });
        process.stdout.write(describeTlsClient(result));
      },
    );

  withConnection(program.command('harden'))
    .description(
      'turn the audit findings into fixes: daemon.json, systemd drop-in, auditd rules, firewall rules, per-container flags',
    )
    .option('--write <dir>', 'write every generated file (and a README.md explaining them) to DIR')
    .option('--apply', 'write daemon.json, the drop-in and the audit rules to their places (backups kept)')
    .option('--only <areas>', 'comma list of: daemon, audit, firewall, containers (default all)', list)
    .option('--exclude <keys>', 'daemon.json keys never to add or change (e.g. userns-remap)', list)
    .option('--allow-source <cidrs>', 'networks allowed to reach published ports (comma list of CIDRs)', list)
    .option('--allow-egress <cidrs>', 'destinations containers may reach (comma list of CIDRs)', list)
    .option(
      '--remote-address <addr>',
      'serve the API with TLS on this address (host[:port], default port 2376)',
    )
    .option('--tls-dir <dir>', 'directory of `bulkhead tls init` for --remote-address', 'bulkhead-tls')
    .option('--root <dir>', 'read (and with --apply write) host files under this root (default /)')
    .option('--timeout <seconds>', 'per-request timeout for the Engine API (default 10)', (v) =>
      positiveInt(v),
    )
    .option('-c, --config <file>', 'configuration file (default: ./.bulkhead.yaml if present)')
    .action(async (flags: HardenFlags) => {
      const { config, source } = await loadConfig(flags.config);
      const { runHarden, describeHarden, parseAreas } = await import('../../harden/index.js');
      const outcome = await runHarden({
        audit: {
          config,
          configSource: source,
          tls: tlsFlags(flags),
          ...(flags.host ? { host: flags.host } : {}),
          ...(flags.root ? { root: flags.root } : {}),
          ...(flags.timeout ? { timeoutMs: flags.timeout * 1000 } : {}),
        },
        only: parseAreas(flags.only ?? []),
        exclude: flags.exclude,
        allowSource: flags.allowSource,
        allowEgress: flags.allowEgress,
        remoteAddress: flags.remoteAddress,
        tlsDir: resolve(flags.tlsDir),
        write: flags.write,
        apply: flags.apply,
      });
      process.stdout.write(describeHarden(outcome));
      for (const w of outcome.report.warnings) process.stderr.write(`bulkhead: warning: ${w}\n`);
    });

  return program;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.error; // commander already printed the one-line error
    }
    if (err instanceof BulkheadError) {
      process.stderr.write(`bulkhead: ${err.message}\n`);
      if (err.hint) process.stderr.write(`  hint: ${err.hint}\n`);
    } else {
      const e = err as Error;
      process.stderr.write(`bulkhead: internal error: ${e?.message ?? String(err)}\n`);
      if (!debug) process.stderr.write('  hint: re-run with --debug for a stack trace, and report it\n');
    }
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT.error;
  }
}
