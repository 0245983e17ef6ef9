// The audit pipeline: select checks, collect only the facts they need (host and engine concurrently), judge,
// apply suppressions, and build the report. Shells call this; it holds no rendering.
import { allChecks, auditChecks } from '../checks/index.js';
import {
  collectDocker,
  connect,
  isLocalEndpoint,
  resolveConnection,
  type TlsFlags,
} from '../collectors/docker/index.js';
import { readContainerProcesses } from '../collectors/host/container-processes.js';
import { collectHost } from '../collectors/host/index.js';
import type { Config } from '../core/config.js';
import { settingsFrom } from '../core/config.js';
import { factsNeeded, runChecks } from '../core/engine.js';
import { TargetError } from '../core/errors.js';
import { type AnyCheck, atLeast, type FactKey, type Scope, type Severity } from '../core/model.js';
import { type Report, summarize } from '../core/report.js';
import { matchesSelector, selectChecks } from '../core/selection.js';
import { applySuppressions } from '../core/suppress.js';
import type { Snapshot } from '../facts/snapshot.js';
import { VERSION } from '../version.js';

export interface AuditOptions {
  config: Config;
  configSource?: string | null;
  /** --host; falls back to DOCKER_HOST then the default socket. */
  host?: string;
  tls?: TlsFlags;
  scopes?: Scope[];
  only?: string[];
  skip?: string[];
  /** Results below this severity are left out of the report. */
  minSeverity?: Severity;
  /** Filesystem root the host facts are read under. */
  root?: string;
  concurrency?: number;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface AuditOutcome {
  report: Report;
  checks: AnyCheck[];
  snapshot: Snapshot;
}

const DOCKER_FACTS: FactKey[] = ['daemon', 'containers', 'images', 'networks', 'swarm'];

export async function runAudit(opts: AuditOptions): Promise<AuditOutcome> {
  const started = new Date();
  const t0 = performance.now();
  const env = opts.env ?? process.env;
  const { config } = opts;
  // Selectors in the shared config may name lint-only checks (Dockerfile rules); audit applies the others.
  const ours = (s: string) => auditChecks.some((c) => matchesSelector(c, s));
  let checks = selectChecks(auditChecks, {
    only: [...(config.only ?? []).filter(ours), ...(opts.only ?? [])],
    skip: [...(config.skip ?? []).filter(ours), ...(opts.skip ?? [])],
    ...(opts.scopes ? { scopes: opts.scopes } : {}),
  });
  const warnings: string[] = [];
  const wantsDocker = DOCKER_FACTS.some((f) => factsNeeded(checks).has(f));
  const resolved = wantsDocker
    ? resolveConnection({ ...(opts.host ? { host: opts.host } : {}), ...(opts.tls ?? {}) }, env)
    : undefined;
  // Host facts describe the machine bulkhead runs on: they belong to the audit of a local daemon (unix
  // socket or loopback tcp) or of an explicit --root, never to a remote daemon's.
  const hostIsTarget = !resolved || isLocalEndpoint(resolved) || opts.root !== undefined;
  if (!hostIsTarget && checks.some((c) => c.scope === 'host')) {
    checks = checks.filter((c) => c.scope !== 'host');
    warnings.push(
      `host checks skipped: the daemon at ${resolved!.endpoint} is remote; run bulkhead on that host to audit it`,
    );
  }
  const needed = factsNeeded(checks);
  const needsDocker = DOCKER_FACTS.some((f) => needed.has(f));
  // Daemon, container and network checks read host facts where they have them (dockerd flags,
  // daemon.json, listeners), so a local daemon's audit always collects them.
  if (hostIsTarget && needsDocker) needed.add('host');
  const snapshot: Snapshot = { gaps: {} };

  // Connect first so an unreachable daemon fails fast with one line, before any host work. When only host
  // checks are selected the daemon is optional: its facts enrich them, and its absence leaves a gap.
  const daemonRequired = checks.some((c) => c.scope !== 'host');
  let client: Awaited<ReturnType<typeof connect>> | undefined;
  if (resolved) {
    try {
      client = await connect(resolved, { ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
    } catch (err) {
      if (daemonRequired || !(err instanceof TargetError)) throw err;
      for (const f of DOCKER_FACTS)
        if (needed.has(f)) snapshot.gaps[f] = `daemon unreachable: ${err.message}`;
    }
  }

  const hostTask = needed.has('host')
    ? collectHost({
        root: opts.root ?? '/',
        env,
        ...(resolved?.socketPath ? { dockerSocket: resolved.socketPath } : {}),
      })
    : undefined;
  // A daemon on a local unix socket runs on the host whose /proc we read (as root): its containers'
  // processes come from one /proc scan instead of one `ps` per container run by dockerd (GET /top).
  const local = resolved?.protocol === 'unix' && (opts.root ?? '/') === '/' && process.getuid?.() === 0;
  const hostProcesses =
    local && needed.has('containers') ? readContainerProcesses().catch(() => undefined) : undefined;
  const dockerTask = client
    ? collectDocker(client, needed, {
        ...(hostProcesses ? { processesFor: async (id: string) => (await hostProcesses)?.get(id) } : {}),
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      })
    : undefined;
  const [host, docker] = await Promise.all([hostTask, dockerTask]);
  if (host) {
    snapshot.host = host;
    for (const [part, msg] of Object.entries(host.errors)) warnings.push(`host ${part}: ${msg}`);
  } else if (needed.has('host') || !hostIsTarget) {
    snapshot.gaps.host = hostIsTarget
      ? 'host facts were not collected'
      : `the daemon at ${resolved?.endpoint} is remote: host facts (files, firewall, listeners) are not collected`;
  }
  if (docker) {
    Object.assign(snapshot, {
      ...(docker.daemon ? { daemon: docker.daemon } : {}),
      ...(docker.containers ? { containers: docker.containers } : {}),
      ...(docker.images ? { images: docker.images } : {}),
      ...(docker.networks ? { networks: docker.networks } : {}),
      ...(docker.swarm ? { swarm: docker.swarm } : {}),
    });
    Object.assign(snapshot.gaps, docker.gaps);
    warnings.push(...docker.warnings);
  } else {
    for (const f of DOCKER_FACTS) if (needed.has(f)) snapshot.gaps[f] ??= 'the Docker daemon was not queried';
  }

  const settings = settingsFrom(config, opts.now ?? new Date());
  let results = runChecks(checks, snapshot, settings);
  const sup = applySuppressions(
    results,
    config.suppressions ?? [],
    allChecks,
    settings.now,
    opts.configSource ?? '.bulkhead.yaml',
  );
  results = sup.results;
  warnings.push(...sup.warnings);
  const min = opts.minSeverity ?? config.minSeverity;
  if (min) results = results.filter((r) => atLeast(r.severity, min));

  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'bulkhead', version: VERSION },
    target: {
      endpoint: snapshot.daemon?.connection.endpoint ?? resolved?.endpoint ?? null,
      hostName: snapshot.daemon?.info.name ?? snapshot.host?.hostname ?? null,
      engineVersion: snapshot.daemon?.version.version ?? null,
    },
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    summary: summarize(results),
    results,
    warnings,
  };
  return { report, checks, snapshot };
}
