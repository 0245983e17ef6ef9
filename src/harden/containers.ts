// Per-container remediation: the `docker run` flags (and `docker update` for what can change in place) that
// fix a container's findings, and a compose override for containers that compose created. Values are starting
// points sized from what is known (processes seen, ports published); each comes with why it is set.
import { Document, type Node as YamlNode } from 'yaml';
import { DEFAULT_CAPS, isEveryAddress, normCap } from '../checks/container/_lib.js';
import { effectiveDockerd } from '../collectors/host/dockerd-config.js';
import type { Result } from '../core/report.js';
import type { ContainerFacts, PortBinding } from '../facts/container.js';
import type { Snapshot } from '../facts/snapshot.js';
import type { Explanation, GeneratedFile, HardenInput } from './types.js';

export const DEFAULTS = {
  user: '1000:1000',
  memory: '512m',
  cpus: 1,
  pids: 200,
  blkioRate: '50mb',
  blkioWeight: 500,
  restart: 'on-failure:5',
  bindAddress: '127.0.0.1',
} as const;

export const HANDLED = [
  'BH-CTR-033',
  'BH-CTR-004',
  'BH-CTR-003',
  'BH-CTR-014',
  'BH-CTR-027',
  'BH-CTR-012',
  'BH-CTR-013',
  'BH-CTR-029',
  'BH-CTR-034',
  'BH-CTR-016',
  'BH-CTR-015',
  'BH-CTR-028',
  'BH-CTR-036',
] as const;

export interface ContainerFix {
  container: string;
  id: string;
  image: string;
  checkIds: string[];
  /** `docker run` arguments, to add to (or replace in) the command that creates the container. */
  runFlags: string[][];
  /** `docker update` arguments that apply to the existing container. */
  updateFlags: string[];
  /** Keys of a compose service. */
  compose: Record<string, unknown>;
  /** Compose keys whose list must replace, not extend, the service's (compose's `!override`). */
  composeOverride: string[];
  explanations: Explanation[];
  /** Findings that flags cannot fix (their check's remediation). */
  other: string[];
  notes: string[];
}

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
const WORKING_DIR = 'com.docker.compose.project.working_dir';
const CONFIG_FILES = 'com.docker.compose.project.config_files';

/** A block device path of the disk under Docker's data root, whole disk (cgroup v2 io.max rejects partitions). */
export function dataRootDisk(s: Snapshot): string | undefined {
  const host = s.host;
  if (!host) return undefined;
  const root =
    s.daemon?.info.dockerRootDir ??
    effectiveDockerd({ processes: host.processes, daemonJson: host.daemonJson?.parsed }).dataRoot.path;
  const under = host.mounts
    .filter(
      (m) =>
        m.source.startsWith('/dev/') &&
        (root === m.target || root.startsWith(`${m.target.replace(/\/$/, '')}/`) || m.target === '/'),
    )
    .sort((a, b) => b.target.length - a.target.length)[0];
  if (!under) return undefined;
  const dev = under.source;
  if (dev.startsWith('/dev/mapper/') || dev.startsWith('/dev/dm-')) return dev;
  const nvme = /^(\/dev\/(?:nvme\d+n\d+|mmcblk\d+))p\d+$/.exec(dev);
  if (nvme) return nvme[1];
  const sd = /^(\/dev\/(?:sd|vd|xvd|hd)[a-z]+)\d+$/.exec(dev);
  if (sd) return sd[1];
  return dev;
}

const shellQuote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

const portSpec = (addr: string, b: PortBinding): string =>
  `${addr}:${b.hostPort === 0 ? '' : b.hostPort}:${b.containerPort}${b.protocol === 'tcp' ? '' : `/${b.protocol}`}`;

/** Container ports the service listens on (published first, then exposed). */
function servicePorts(c: ContainerFacts): { port: number; protocol: string }[] {
  const seen = new Set<string>();
  const out: { port: number; protocol: string }[] = [];
  const add = (port: number, protocol: string) => {
    const k = `${port}/${protocol}`;
    if (!seen.has(k) && Number.isInteger(port) && port > 0) {
      seen.add(k);
      out.push({ port, protocol });
    }
  };
  for (const b of c.spec.portBindings) add(b.containerPort, b.protocol);
  for (const e of c.spec.exposedPorts) {
    const [p, proto] = e.split('/');
    add(Number(p), proto ?? 'tcp');
  }
  return out;
}

export function fixContainer(
  c: ContainerFacts,
  results: readonly Result[],
  s: Snapshot,
): ContainerFix | undefined {
  const fails = new Map<string, Result>();
  for (const r of results) if (r.status === 'fail') fails.set(r.checkId, r);
  if (fails.size === 0) return undefined;
  const fix: ContainerFix = {
    container: c.name,
    id: c.id,
    image: c.spec.image,
    checkIds: [...fails.keys()],
    runFlags: [],
    updateFlags: [],
    compose: {},
    composeOverride: [],
    explanations: [],
    other: [],
    notes: [],
  };
  const add = (
    ids: string[],
    run: string[][],
    compose: Record<string, unknown>,
    text: string,
    update: string[] = [],
  ) => {
    fix.runFlags.push(...run);
    fix.updateFlags.push(...update);
    Object.assign(fix.compose, compose);
    fix.explanations.push({ setting: run.map((f) => f.join(' ')).join(' '), text, checkIds: ids });
  };
  const has = (id: string) => fails.has(id);

  if (has('BH-CTR-033'))
    add(
      ['BH-CTR-033'],
      [['--user', DEFAULTS.user]],
      { user: DEFAULTS.user },
      `Runs as an unprivileged uid:gid instead of root. Use the uid the image's files are owned by (or add \`USER\` to its Dockerfile); entrypoints that start as root and drop privileges (nginx, postgres) need their own user option instead.`,
    );

  if (has('BH-CTR-004') || has('BH-CTR-003')) {
    if (c.spec.privileged)
      fix.notes.push('privileged: --cap-drop has no effect until --privileged is removed');
    const keep = [...new Set(c.spec.capAdd.map(normCap))].filter((cap) => DEFAULT_CAPS.has(cap));
    const removed = [...new Set(c.spec.capAdd.map(normCap))].filter(
      (cap) => cap === 'ALL' || !DEFAULT_CAPS.has(cap),
    );
    const why: string[] = keep.length ? [`${keep.join(', ')} (added by the container already)`] : [];
    if (
      c.spec.portBindings.some((b) => b.containerPort < 1024) ||
      servicePorts(c).some((p) => p.port < 1024)
    ) {
      if (!keep.includes('NET_BIND_SERVICE')) keep.push('NET_BIND_SERVICE');
      why.push('NET_BIND_SERVICE (it listens on a port below 1024)');
    }
    const users = new Set((c.processes ?? []).map((p) => p.user));
    if (users.size > 1 && !has('BH-CTR-033')) {
      for (const cap of ['SETUID', 'SETGID']) if (!keep.includes(cap)) keep.push(cap);
      why.push(`SETUID, SETGID (its processes switch users: ${[...users].join(', ')})`);
    }
    const run = [['--cap-drop', 'ALL'], ...keep.map((cap) => ['--cap-add', cap])];
    add(
      ['BH-CTR-004', ...(has('BH-CTR-003') ? ['BH-CTR-003'] : [])],
      run,
      { cap_drop: ['ALL'], ...(keep.length ? { cap_add: keep } : {}) },
      `Drops every capability and adds back only ${why.length ? why.join('; ') : 'none'}${removed.length ? `; no longer grants ${removed.join(', ')}` : ''}. If the service fails with "operation not permitted", add back the one capability it needs.`,
    );
    if (keep.length || has('BH-CTR-003')) fix.composeOverride.push('cap_add');
  }

  if (has('BH-CTR-014')) {
    const mounted = new Set(c.spec.mounts.map((m) => m.destination));
    const tmpfs = ['/tmp', '/run'].filter((d) => !mounted.has(d));
    add(
      ['BH-CTR-014'],
      [['--read-only'], ...tmpfs.map((d) => ['--tmpfs', `${d}:rw,noexec,nosuid,size=64m`])],
      {
        read_only: true,
        ...(tmpfs.length ? { tmpfs: tmpfs.map((d) => `${d}:rw,noexec,nosuid,size=64m`) } : {}),
      },
      `The root filesystem becomes read-only; ${tmpfs.length ? `${tmpfs.join(' and ')} stay writable in memory` : 'its existing mounts stay writable'}. Mount a volume or tmpfs for any other path the service writes (caches, pid files).`,
    );
  }

  if (has('BH-CTR-027'))
    add(
      ['BH-CTR-027'],
      [['--security-opt', 'no-new-privileges']],
      { security_opt: ['no-new-privileges:true'] },
      'setuid binaries and file capabilities cannot raise privileges inside the container ("no-new-privileges": true in daemon.json does the same for every new container).',
    );

  if (has('BH-CTR-012'))
    add(
      ['BH-CTR-012'],
      [
        ['--memory', DEFAULTS.memory],
        ['--memory-swap', DEFAULTS.memory],
      ],
      { mem_limit: DEFAULTS.memory, memswap_limit: DEFAULTS.memory },
      `The container is OOM-killed above ${DEFAULTS.memory} (swap included) instead of taking the host's memory; size it from \`docker stats\`.`,
      ['--memory', DEFAULTS.memory, '--memory-swap', DEFAULTS.memory],
    );

  if (has('BH-CTR-013'))
    add(
      ['BH-CTR-013'],
      [['--cpus', String(DEFAULTS.cpus)]],
      { cpus: DEFAULTS.cpus },
      `At most ${DEFAULTS.cpus} CPU's worth of time, so a busy or attacked container cannot starve the others.`,
      ['--cpus', String(DEFAULTS.cpus)],
    );

  if (has('BH-CTR-029')) {
    const seen = c.processes?.length ?? 0;
    const limit = Math.max(DEFAULTS.pids, Math.ceil((seen * 4) / 50) * 50);
    add(
      ['BH-CTR-029'],
      [['--pids-limit', String(limit)]],
      { pids_limit: limit },
      `At most ${limit} processes/threads${seen ? ` (${seen} seen now)` : ''}: a fork bomb stops at the limit instead of exhausting the host's process table.`,
      ['--pids-limit', String(limit)],
    );
  }

  if (has('BH-CTR-034')) {
    const disk = dataRootDisk(s);
    if (disk)
      add(
        ['BH-CTR-034'],
        [
          ['--device-read-bps', `${disk}:${DEFAULTS.blkioRate}`],
          ['--device-write-bps', `${disk}:${DEFAULTS.blkioRate}`],
        ],
        {
          blkio_config: {
            device_read_bps: [{ path: disk, rate: DEFAULTS.blkioRate }],
            device_write_bps: [{ path: disk, rate: DEFAULTS.blkioRate }],
          },
        },
        `Reads and writes on ${disk} (the disk under Docker's data root) are capped at ${DEFAULTS.blkioRate}/s, so one container cannot saturate it; add the disks of its volumes if they differ.`,
      );
    else {
      add(
        ['BH-CTR-034'],
        [['--blkio-weight', String(DEFAULTS.blkioWeight)]],
        { blkio_config: { weight: DEFAULTS.blkioWeight } },
        'A lower share of block IO under contention. This is only a relative weight: add --device-read-bps/--device-write-bps DEVICE:RATE for a cap (the disk under the data root is unknown here).',
        ['--blkio-weight', String(DEFAULTS.blkioWeight)],
      );
    }
  }

  if (has('BH-CTR-016'))
    add(
      ['BH-CTR-016'],
      [['--restart', DEFAULTS.restart]],
      { restart: DEFAULTS.restart },
      'Restarts after a crash at most 5 times, so a crash loop (or an exploited service coming back) becomes a visible failure.',
      ['--restart', DEFAULTS.restart],
    );

  if (has('BH-CTR-015')) {
    const seen = new Set<string>();
    const bindings: string[] = [];
    for (const b of c.spec.portBindings) {
      const addr = isEveryAddress(b.hostIp) ? DEFAULTS.bindAddress : b.hostIp;
      const spec = portSpec(addr.includes(':') ? `[${addr}]` : addr, b);
      if (!seen.has(spec)) {
        seen.add(spec);
        bindings.push(spec);
      }
    }
    if (c.spec.publishAllPorts && bindings.length === 0)
      for (const p of servicePorts(c))
        bindings.push(`${DEFAULTS.bindAddress}::${p.port}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}`);
    add(
      ['BH-CTR-015'],
      bindings.map((b) => ['-p', b]),
      { ports: bindings },
      `Published ports listen on ${DEFAULTS.bindAddress} only (replace the container's -p${c.spec.publishAllPorts ? '/-P' : ''} options with these), or on the one host address that should receive the traffic; Docker's NAT rules bypass host firewalls such as ufw for ports on every address.`,
    );
    fix.composeOverride.push('ports');
  }

  if (has('BH-CTR-036')) {
    const driver = ['json-file', 'local'].includes(c.spec.logConfig.type) ? c.spec.logConfig.type : 'local';
    const opts = driver === 'local' ? { 'max-size': '20m' } : { 'max-size': '10m', 'max-file': '3' };
    add(
      ['BH-CTR-036'],
      [
        ...(driver !== c.spec.logConfig.type ? [['--log-driver', driver]] : []),
        ...Object.entries(opts).map(([k, v]) => ['--log-opt', `${k}=${v}`]),
      ],
      { logging: { driver, options: opts } },
      `Logs are kept by the ${driver} driver and rotated (${Object.entries(opts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), so they exist for an investigation and cannot fill the disk.`,
    );
  }

  if (has('BH-CTR-028')) {
    const tcp = servicePorts(c).find((p) => p.protocol === 'tcp');
    if (tcp) {
      const cmd = `wget -q --spider http://127.0.0.1:${tcp.port}/ || exit 1`;
      add(
        ['BH-CTR-028'],
        [
          ['--health-cmd', cmd],
          ['--health-interval', '30s'],
          ['--health-timeout', '5s'],
          ['--health-retries', '3'],
        ],
        { healthcheck: { test: ['CMD-SHELL', cmd], interval: '30s', timeout: '5s', retries: 3 } },
        `The engine probes port ${tcp.port} every 30 s and marks the container unhealthy after 3 failures. Point it at the service's health endpoint, and use a tool the image has (curl, wget, or the service's own client).`,
      );
    } else
      fix.notes.push(
        'healthcheck: no port to probe; add --health-cmd with a command that exits 0 only when the service works',
      );
  }

  for (const [id, r] of fails)
    if (!(HANDLED as readonly string[]).includes(id)) fix.other.push(`${id} ${r.title}: ${r.remediation}`);
  return fix;
}

function renderFix(f: ContainerFix): string {
  const lines = [`# ${f.container} (${f.image}): ${f.checkIds.join(', ')}`];
  if (f.runFlags.length) {
    lines.push(
      `# docker run flags that fix the findings: add them to the command that creates ${f.container}, then recreate it.`,
      f.runFlags.map((flag) => flag.map(shellQuote).join(' ')).join(' \\\n'),
    );
  }
  if (f.updateFlags.length)
    lines.push(
      '# Applies to the existing container without recreating it:',
      `docker update ${f.updateFlags.map(shellQuote).join(' ')} ${shellQuote(f.container)}`,
    );
  for (const n of f.notes) lines.push(`# note: ${n}`);
  if (f.other.length) lines.push('# Not fixed by flags:', ...f.other.map((o) => `#   ${o}`));
  return `${lines.join('\n')}\n`;
}

function renderOverride(
  project: string,
  fixes: readonly { service: string; fix: ContainerFix }[],
  files?: string,
): string {
  const services: Record<string, Record<string, unknown>> = {};
  for (const { service, fix } of fixes) services[service] = { ...(services[service] ?? {}), ...fix.compose };
  const doc = new Document({ services });
  for (const { service, fix } of fixes)
    for (const key of fix.composeOverride) {
      const node = doc.getIn(['services', service, key], true) as YamlNode | undefined;
      // Compose appends list keys of an override file to the service's; !override (compose >= 2.24) replaces.
      if (node) node.tag = '!override';
    }
  doc.commentBefore = [
    ` bulkhead harden: override for compose project "${project}".`,
    ` Use: docker compose ${
      files
        ? files
            .split(',')
            .map((f) => `-f ${f}`)
            .join(' ')
        : '-f compose.yaml'
    } -f docker-compose.override.yml up -d`,
    ' (docker compose reads docker-compose.override.yml next to the compose file by itself.)',
  ].join('\n');
  return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

const safeName = (n: string): string => n.replace(/[^\w.-]+/g, '_');

export interface ContainersPlan {
  fixes: ContainerFix[];
  files: GeneratedFile[];
  notes: string[];
}

export function planContainers(input: HardenInput): ContainersPlan {
  const { report, snapshot: s } = input;
  const notes: string[] = [];
  if (!s.containers) {
    notes.push(`containers: not collected (${s.gaps.containers ?? 'unknown'})`);
    return { fixes: [], files: [], notes };
  }
  const fixes: ContainerFix[] = [];
  const files: GeneratedFile[] = [];
  const projects = new Map<string, { service: string; fix: ContainerFix; files?: string; dir?: string }[]>();
  for (const c of s.containers) {
    const results = report.results.filter(
      (r) =>
        r.scope === 'container' &&
        r.subject.kind === 'container' &&
        (r.subject.id === c.id || (!r.subject.id && r.subject.name === c.name)),
    );
    const fix = fixContainer(c, results, s);
    if (!fix) continue;
    fixes.push(fix);
    files.push({
      area: 'containers',
      name: `containers/${safeName(c.name)}.txt`,
      title: `remediation for container ${c.name}`,
      content: renderFix(fix),
      mode: 0o644,
      apply: false,
      changed: true,
      explanations: fix.explanations,
      next: [],
    });
    const project = c.spec.labels[PROJECT];
    const service = c.spec.labels[SERVICE];
    if (project && service && Object.keys(fix.compose).length > 0) {
      const list = projects.get(project) ?? [];
      const cf = c.spec.labels[CONFIG_FILES];
      const wd = c.spec.labels[WORKING_DIR];
      list.push({ service, fix, ...(cf ? { files: cf } : {}), ...(wd ? { dir: wd } : {}) });
      projects.set(project, list);
    }
  }
  for (const [project, list] of projects) {
    // Replicas of one service share a spec: one entry per service.
    const unique = list.filter((x, i) => list.findIndex((y) => y.service === x.service) === i);
    const dir = unique.find((x) => x.dir)?.dir;
    files.push({
      area: 'containers',
      name: `compose/${safeName(project)}/docker-compose.override.yml`,
      title: `compose override for project ${project}${dir ? ` (${dir})` : ''}`,
      content: renderOverride(project, unique, unique.find((x) => x.files)?.files),
      mode: 0o644,
      apply: false,
      changed: true,
      explanations: unique.flatMap((x) =>
        x.fix.explanations.map((e) => ({ ...e, setting: `${x.service}: ${e.setting}` })),
      ),
      next: [],
    });
  }
  if (fixes.length === 0) notes.push('containers: no container has findings that flags fix');
  return { fixes, files, notes };
}
