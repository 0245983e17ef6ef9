// A compose service (merged, interpolated mapping) -> the shared ContainerSpec, with the source
// location of each spec field, so the container checks judge compose files exactly like containers.
import { isAbsolute, resolve } from 'node:path';
import { parseBind } from '../../collectors/adapters/inspect.js';
import type {
  ContainerSpec,
  DeviceSpec,
  HealthcheckSpec,
  MountSpec,
  PortBinding,
  ThrottleDevice,
  UlimitSpec,
} from '../../facts/container.js';
import type { LocMap, SourceLoc } from './load.js';

export interface SpecOptions {
  /** Where relative bind sources resolve (the project directory). */
  workingDir?: string;
  /** $HOME, for `~/` bind sources. */
  home?: string;
  /** Locations of the service's fields (from loadCompose). */
  locations?: LocMap;
  /** NetworkMode when the service sets no network_mode (Compose uses its first network). */
  defaultNetworkMode?: string;
  /** Top-level `secrets:` definitions by name; when given, a service naming another one is a problem. */
  secrets?: Readonly<Record<string, Record<string, unknown>>>;
  /** Top-level `configs:` definitions by name, likewise. */
  configs?: Readonly<Record<string, Record<string, unknown>>>;
}

export interface SpecResult {
  spec: ContainerSpec;
  /** Spec field path ('privileged', 'portBindings.2', 'env.0', 'mounts.1') -> location. */
  locations: Record<string, SourceLoc>;
  /** Spec field path -> the compose field path it came from ('env.0' -> 'environment.DB_PASSWORD'). */
  sources: Record<string, string>;
  /** Values that could not be read (bad port, memory size...): "field: message". */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const bool = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes|on|1)$/i.test(v));
const get = (o: unknown, ...path: string[]): unknown => {
  let cur = o;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return cur;
};

// ---------------------------------------------------------------- units

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/** Docker byte sizes ('512m', '1g', '1.5GB', '100MiB', 1048576); binary multiples like go-units RAMInBytes. */
export function parseBytes(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$/i.exec(str(v));
  if (!m) return undefined;
  const unit = SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1;
  return Math.floor(Number(m[1]) * unit);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go durations ('1m30s', '500ms', '10s') -> nanoseconds. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return v * 1e9;
  const s = str(v).trim();
  if (s === '') return undefined;
  let total = 0;
  let rest = s;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] ?? 1e9);
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

/** CPUs as a decimal ('0.5', 2) -> NanoCpus. */
export function parseCpus(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : Number(str(v).trim() || Number.NaN);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1e9) : undefined;
}

/** A shell-like split of a string command (quotes and backslashes), as Compose does for string forms. */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | '' = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur !== '') out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur !== '') out.push(cur);
  return out;
}

// ---------------------------------------------------------------- ports

const protocolOf = (p: string): PortBinding['protocol'] | undefined =>
  p === '' || p === 'tcp' ? 'tcp' : p === 'udp' ? 'udp' : p === 'sctp' ? 'sctp' : undefined;

function portRange(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 0 || b > 65535 || b < a) return undefined;
  return [a, b];
}

/** Short syntax: "[ip:][host[-end]:]container[-end][/proto]", ip may be "[v6]". */
export function parsePortShort(value: string | number): PortBinding[] | string {
  const s = String(value).trim();
  const slash = s.lastIndexOf('/');
  const protocol = protocolOf(slash >= 0 ? s.slice(slash + 1).toLowerCase() : '');
  if (!protocol) return `unknown protocol in "${s}"`;
  let rest = slash >= 0 ? s.slice(0, slash) : s;
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return `invalid IPv6 address in "${s}"`;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let host = '';
  let ctr = '';
  if (parts.length === 1) ctr = parts[0] ?? '';
  else if (parts.length === 2) [host = '', ctr = ''] = parts;
  else if (parts.length === 3 && hostIp === '') [hostIp = '', host = '', ctr = ''] = parts;
  else return `invalid port "${s}"`;
  const c = portRange(ctr);
  if (!c || c[0] === 0) return `invalid container port in "${s}"`;
  const h = host === '' ? undefined : portRange(host);
  if (host !== '' && !h) return `invalid host port in "${s}"`;
  const count = c[1] - c[0] + 1;
  if (h && h[1] - h[0] + 1 !== count && count !== 1) return `host and container port ranges differ in "${s}"`;
  if (h && count === 1) return hostRange(c[0], h, protocol, hostIp);
  const out: PortBinding[] = [];
  for (let i = 0; i < count; i++)
    out.push({ containerPort: c[0] + i, protocol, hostIp, hostPort: h ? h[0] + i : 0 });
  return out;
}

/**
 * A host range with one container port: the engine binds whichever port of the range is free, so every
 * port of it may end up published (and "1-1024:80" may take a privileged one): one binding per candidate.
 */
function hostRange(
  containerPort: number,
  [from, to]: [number, number],
  protocol: PortBinding['protocol'],
  hostIp: string,
): PortBinding[] {
  const out: PortBinding[] = [];
  for (let p = from; p <= to; p++) out.push({ containerPort, protocol, hostIp, hostPort: p });
  return out;
}

function parsePortLong(o: Record<string, unknown>): PortBinding[] | string {
  const target = Number(o.target);
  if (!Number.isInteger(target) || target <= 0 || target > 65535)
    return `invalid target port "${str(o.target)}"`;
  const protocol = protocolOf(str(o.protocol).toLowerCase());
  if (!protocol) return `unknown protocol "${str(o.protocol)}"`;
  const published = str(o.published);
  const range = published === '' ? undefined : portRange(published);
  if (published !== '' && !range) return `invalid published port "${published}"`;
  if (range) return hostRange(target, range, protocol, str(o.host_ip));
  return [{ containerPort: target, protocol, hostIp: str(o.host_ip), hostPort: 0 }];
}

// ---------------------------------------------------------------- mounts and devices

function volumeShort(s: string, opts: SpecOptions): MountSpec | undefined {
  const m = parseBind(s);
  if (!m) return undefined;
  if (m.type === 'bind') m.source = hostPath(m.source, opts);
  return m;
}

function hostPath(p: string, opts: SpecOptions): string {
  if (p === '~' || p.startsWith('~/')) return opts.home ? `${opts.home}${p.slice(1)}` : p;
  if (isAbsolute(p)) return p;
  return opts.workingDir ? resolve(opts.workingDir, p) : p;
}

const MOUNT_TYPES = new Set(['bind', 'volume', 'tmpfs', 'npipe', 'image', 'cluster']);
const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

function volumeLong(o: Record<string, unknown>, opts: SpecOptions): MountSpec | undefined {
  const destination = str(o.target);
  if (destination === '') return undefined;
  const t = str(o.type) || 'volume';
  const type = (MOUNT_TYPES.has(t) ? t : 'volume') as MountSpec['type'];
  const propagation = str(get(o, 'bind', 'propagation'));
  const source = str(o.source);
  return {
    type,
    source: type === 'bind' ? hostPath(source, opts) : source,
    destination,
    readOnly: bool(o.read_only),
    propagation: PROPAGATIONS.has(propagation) ? propagation : '',
  };
}

/**
 * Service `secrets:`/`configs:` items -> read-only binds of their `file:` (what Compose does without swarm),
 * at /run/secrets/<name> (secrets) or /<name> (configs), or the long syntax's target. Secrets from
 * `environment:`, `content:` or `external:` are copied in or live elsewhere: no host path to judge.
 */
function resourceMounts(
  kind: 'secrets' | 'configs',
  items: unknown,
  defs: Readonly<Record<string, Record<string, unknown>>> | undefined,
  opts: SpecOptions,
  problems: string[],
  add: (m: MountSpec, composePath: string) => void,
): void {
  const what = kind === 'secrets' ? 'secret' : 'config';
  list(items).forEach((item, i) => {
    const source = isObject(item) ? str(item.source) : str(item);
    if (source === '') {
      problems.push(`${kind}.${i}: ${what} without a source`);
      return;
    }
    const def = defs ? (Object.hasOwn(defs, source) ? defs[source] : undefined) : undefined;
    if (defs && !def) {
      problems.push(`${kind}.${i}: unknown ${what} "${source}"`);
      return;
    }
    const file = str(def?.file);
    if (file === '') return;
    const target = isObject(item) ? str(item.target) : '';
    const base = kind === 'secrets' ? '/run/secrets/' : '/';
    const destination =
      target === '' ? `${base}${source}` : target.startsWith('/') ? target : `${base}${target}`;
    add(
      { type: 'bind', source: hostPath(file, opts), destination, readOnly: true, propagation: '' },
      `${kind}.${i}`,
    );
  });
}

function device(v: unknown): DeviceSpec | undefined {
  if (isObject(v)) {
    const src = str(v.source);
    if (src === '') return undefined;
    return {
      pathOnHost: src,
      pathInContainer: str(v.target) || src,
      permissions: str(v.permissions) || 'rwm',
    };
  }
  const parts = str(v).split(':');
  const host = parts[0] ?? '';
  if (host === '') return undefined;
  // "/dev/x:rwm" names permissions, not a container path.
  if (parts.length === 2 && /^[rwm]+$/.test(parts[1] ?? ''))
    return { pathOnHost: host, pathInContainer: host, permissions: parts[1] ?? 'rwm' };
  return { pathOnHost: host, pathInContainer: parts[1] || host, permissions: parts[2] || 'rwm' };
}

// ---------------------------------------------------------------- the spec

const keyed = (v: unknown): [string, unknown][] =>
  isObject(v)
    ? Object.entries(v)
    : list(v).map((item) => {
        const s = str(item);
        const eq = s.indexOf('=');
        return eq < 0 ? [s, null] : [s.slice(0, eq), s.slice(eq + 1)];
      });

const RESTART: Record<string, string> = { none: 'no', any: 'always', 'on-failure': 'on-failure' };

/** Converts one service; see serviceToSpec for the plain spec. */
export function serviceToSpecWithLocations(
  name: string,
  service: Record<string, unknown>,
  opts: SpecOptions = {},
): SpecResult {
  const src = opts.locations ?? {};
  const locations: Record<string, SourceLoc> = {};
  const sources: Record<string, string> = {};
  const problems: string[] = [];
  const at = (specPath: string, ...composePaths: string[]): void => {
    for (const p of composePaths) {
      const l = src[p];
      if (l) {
        locations[specPath] = l;
        sources[specPath] = p;
        return;
      }
    }
  };
  const s = service;
  const limits = get(s, 'deploy', 'resources', 'limits');

  // scalar fields
  for (const [spec, compose] of [
    ['image', 'image'],
    ['user', 'user'],
    ['privileged', 'privileged'],
    ['readonlyRootfs', 'read_only'],
    ['pidMode', 'pid'],
    ['ipcMode', 'ipc'],
    ['utsMode', 'uts'],
    ['usernsMode', 'userns_mode'],
    ['cgroupnsMode', 'cgroup'],
    ['cgroupParent', 'cgroup_parent'],
    ['workingDir', 'working_dir'],
    ['healthcheck', 'healthcheck'],
    ['logConfig', 'logging'],
    ['cpuShares', 'cpu_shares'],
    ['cpuQuota', 'cpu_quota'],
    ['cpuPeriod', 'cpu_period'],
    ['cpusetCpus', 'cpuset'],
    ['memorySwap', 'memswap_limit'],
    ['blkioWeight', 'blkio_config.weight'],
    ['publishAllPorts', 'publish_all'],
  ] as const)
    at(spec, compose);
  at('networkMode', 'network_mode', 'networks', '');
  at('memory', 'mem_limit', 'deploy.resources.limits.memory');
  at('nanoCpus', 'cpus', 'deploy.resources.limits.cpus');
  at('pidsLimit', 'pids_limit', 'deploy.resources.limits.pids');
  at('restartPolicy', 'restart', 'deploy.restart_policy');
  at('cmd', 'command');
  at('entrypoint', 'entrypoint');
  // list fields: the key itself, for findings about the whole list
  at('portBindings', 'ports');
  at('exposedPorts', 'expose', 'ports');
  at('mounts', 'volumes', 'tmpfs', 'secrets', 'configs', 'volumes_from');
  at('devices', 'devices');
  at('env', 'environment');
  at('buildArgs', 'build.args', 'build');
  at('labels', 'labels');
  at('capAdd', 'cap_add');
  at('capDrop', 'cap_drop');
  at('securityOpt', 'security_opt');
  at('sysctls', 'sysctls');
  at('ulimits', 'ulimits');
  at('deviceCgroupRules', 'device_cgroup_rules');
  at('blkioDeviceReadBps', 'blkio_config.device_read_bps');
  at('blkioDeviceWriteBps', 'blkio_config.device_write_bps');
  at('blkioDeviceReadIOps', 'blkio_config.device_read_iops');
  at('blkioDeviceWriteIOps', 'blkio_config.device_write_iops');

  const strList = (field: string, specField: string): string[] =>
    list(s[field]).map((v, i) => {
      at(`${specField}.${i}`, `${field}.${i}`);
      return str(v);
    });

  // ports
  const portBindings: PortBinding[] = [];
  list(s.ports).forEach((p, i) => {
    const r = isObject(p) ? parsePortLong(p) : parsePortShort(str(p));
    if (typeof r === 'string') {
      problems.push(`ports.${i}: ${r}`);
      return;
    }
    for (const b of r) {
      at(`portBindings.${portBindings.length}`, `ports.${i}`);
      portBindings.push(b);
    }
  });

  // exposed ports: expose plus every published container port, as the engine records them
  const exposed = new Set<string>();
  list(s.expose).forEach((e, i) => {
    const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(str(e).trim());
    if (!m) {
      problems.push(`expose.${i}: invalid port "${str(e)}"`);
      return;
    }
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let p = a; p <= b && p - a < 65536; p++) exposed.add(`${p}/${(m[3] ?? 'tcp').toLowerCase()}`);
  });
  for (const b of portBindings) exposed.add(`${b.containerPort}/${b.protocol}`);

  // mounts
  const mounts: MountSpec[] = [];
  list(s.volumes).forEach((v, i) => {
    const m = isObject(v) ? volumeLong(v, opts) : volumeShort(str(v), opts);
    if (!m) {
      problems.push(`volumes.${i}: invalid volume "${isObject(v) ? JSON.stringify(v) : str(v)}"`);
      return;
    }
    at(`mounts.${mounts.length}`, `volumes.${i}`);
    mounts.push(m);
  });
  list(s.tmpfs).forEach((t, i) => {
    const [dest = '', optsStr = ''] = str(t).split(':');
    if (dest === '') return;
    at(`mounts.${mounts.length}`, `tmpfs.${i}`, 'tmpfs');
    mounts.push({
      type: 'tmpfs',
      source: '',
      destination: dest,
      readOnly: optsStr.split(',').includes('ro'),
      propagation: '',
    });
  });
  for (const kind of ['secrets', 'configs'] as const)
    resourceMounts(kind, s[kind], opts[kind], opts, problems, (m, composePath) => {
      at(`mounts.${mounts.length}`, composePath);
      mounts.push(m);
    });

  // devices
  const devices: DeviceSpec[] = [];
  list(s.devices).forEach((d, i) => {
    const dev = device(d);
    if (!dev) {
      problems.push(`devices.${i}: invalid device "${str(d)}"`);
      return;
    }
    at(`devices.${devices.length}`, `devices.${i}`);
    devices.push(dev);
  });

  // environment and labels
  const env: string[] = [];
  for (const [k, v] of keyed(s.environment)) {
    if (v === null || v === undefined) continue;
    at(`env.${env.length}`, `environment.${k}`);
    env.push(`${k}=${str(v)}`);
  }
  // build args end up in the image history: judged like the environment
  const buildArgs: string[] = [];
  for (const [k, v] of keyed(get(s, 'build', 'args'))) {
    if (v === null || v === undefined || k === '') continue;
    at(`buildArgs.${buildArgs.length}`, `build.args.${k}`);
    buildArgs.push(`${k}=${str(v)}`);
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of keyed(s.labels)) labels[k] = str(v);
  const sysctls: Record<string, string> = {};
  for (const [k, v] of keyed(s.sysctls)) {
    at(`sysctls.${k}`, `sysctls.${k}`);
    sysctls[k] = str(v);
  }

  // ulimits
  const ulimits: UlimitSpec[] = [];
  if (isObject(s.ulimits))
    for (const [n, v] of Object.entries(s.ulimits)) {
      at(`ulimits.${ulimits.length}`, `ulimits.${n}`);
      const soft = isObject(v) ? Number(v.soft) : Number(v);
      const hard = isObject(v) ? Number(v.hard) : Number(v);
      ulimits.push({
        name: n,
        soft: Number.isFinite(soft) ? soft : 0,
        hard: Number.isFinite(hard) ? hard : 0,
      });
    }

  // resources
  const sized = (field: string, v: unknown): number => {
    if (v === undefined || v === null || v === '') return 0;
    const n = parseBytes(v);
    if (n === undefined) problems.push(`${field}: invalid size "${str(v)}"`);
    return n ?? 0;
  };
  const memRaw = s.mem_limit ?? get(limits, 'memory');
  const memory = sized(s.mem_limit !== undefined ? 'mem_limit' : 'deploy.resources.limits.memory', memRaw);
  const memSwapRaw = s.memswap_limit;
  const memorySwap = memSwapRaw === -1 || str(memSwapRaw) === '-1' ? -1 : sized('memswap_limit', memSwapRaw);
  const cpusRaw = s.cpus ?? get(limits, 'cpus');
  let nanoCpus = 0;
  if (cpusRaw !== undefined && cpusRaw !== null && cpusRaw !== '') {
    const n = parseCpus(cpusRaw);
    if (n === undefined) problems.push(`cpus: invalid value "${str(cpusRaw)}"`);
    nanoCpus = n ?? 0;
  }
  const pidsRaw = s.pids_limit ?? get(limits, 'pids');
  const pidsLimit =
    pidsRaw === undefined || pidsRaw === null || !Number.isFinite(Number(pidsRaw)) ? null : Number(pidsRaw);
  const num = (v: unknown): number => (Number.isFinite(Number(v)) ? Number(v) : 0);
  const throttle = (key: string, specField: string, rate: 'bytes' | 'count'): ThrottleDevice[] =>
    list(get(s, 'blkio_config', key)).map((d, i) => {
      at(`${specField}.${i}`, `blkio_config.${key}.${i}`);
      const r = get(d, 'rate');
      return { path: str(get(d, 'path')), rate: rate === 'bytes' ? (parseBytes(r) ?? 0) : num(r) };
    });

  // restart
  let restartPolicy = { name: '', maximumRetryCount: 0 };
  if (s.restart !== undefined && s.restart !== null) {
    const [n = '', max = '0'] = str(s.restart === false ? 'no' : s.restart).split(':');
    restartPolicy = { name: n, maximumRetryCount: num(max) };
  } else {
    const rp = get(s, 'deploy', 'restart_policy');
    if (isObject(rp)) {
      const cond = str(rp.condition) || 'any';
      restartPolicy = { name: RESTART[cond] ?? cond, maximumRetryCount: num(rp.max_attempts) };
    }
  }

  // healthcheck
  let healthcheck: HealthcheckSpec | undefined;
  const hc = s.healthcheck;
  if (isObject(hc)) {
    if (bool(hc.disable)) healthcheck = { test: ['NONE'] };
    else if (hc.test !== undefined) {
      const test = typeof hc.test === 'string' ? ['CMD-SHELL', hc.test] : list(hc.test).map(str);
      if (test.length > 0) {
        const interval = parseDuration(hc.interval);
        const timeout = parseDuration(hc.timeout);
        healthcheck = {
          test,
          ...(interval !== undefined ? { intervalNs: interval } : {}),
          ...(timeout !== undefined ? { timeoutNs: timeout } : {}),
          ...(hc.retries !== undefined ? { retries: num(hc.retries) } : {}),
        };
      }
    }
  }

  const words = (v: unknown): string[] => (typeof v === 'string' ? splitCommand(v) : list(v).map(str));

  const mode = str(s.network_mode);
  const networkMode = mode.startsWith('service:')
    ? `container:${mode.slice('service:'.length)}`
    : mode !== ''
      ? mode
      : (opts.defaultNetworkMode ?? '');

  const logOpts: Record<string, string> = {};
  for (const [k, v] of Object.entries(
    isObject(get(s, 'logging', 'options')) ? (get(s, 'logging', 'options') as Record<string, unknown>) : {},
  ))
    logOpts[k] = str(v);

  const spec: ContainerSpec = {
    source: 'compose',
    name,
    image: str(s.image),
    labels,
    user: str(s.user),
    env,
    ...(buildArgs.length > 0 ? { buildArgs } : {}),
    cmd: words(s.command),
    entrypoint: words(s.entrypoint),
    workingDir: str(s.working_dir),
    ...(healthcheck ? { healthcheck } : {}),
    exposedPorts: [...exposed],

    privileged: bool(s.privileged),
    capAdd: strList('cap_add', 'capAdd'),
    capDrop: strList('cap_drop', 'capDrop'),
    securityOpt: strList('security_opt', 'securityOpt'),
    readonlyRootfs: bool(s.read_only),
    networkMode,
    pidMode: str(s.pid),
    ipcMode: str(s.ipc),
    utsMode: str(s.uts),
    usernsMode: str(s.userns_mode),
    cgroupnsMode: str(s.cgroup),
    cgroupParent: str(s.cgroup_parent),
    mounts,
    devices,
    deviceCgroupRules: strList('device_cgroup_rules', 'deviceCgroupRules'),
    portBindings,
    publishAllPorts: bool(s.publish_all),
    sysctls,
    ulimits,

    memory,
    memorySwap,
    nanoCpus,
    cpuShares: num(s.cpu_shares),
    cpuQuota: num(s.cpu_quota),
    cpuPeriod: num(s.cpu_period),
    cpusetCpus: str(s.cpuset),
    pidsLimit,
    blkioWeight: num(get(s, 'blkio_config', 'weight')),
    blkioDeviceReadBps: throttle('device_read_bps', 'blkioDeviceReadBps', 'bytes'),
    blkioDeviceWriteBps: throttle('device_write_bps', 'blkioDeviceWriteBps', 'bytes'),
    blkioDeviceReadIOps: throttle('device_read_iops', 'blkioDeviceReadIOps', 'count'),
    blkioDeviceWriteIOps: throttle('device_write_iops', 'blkioDeviceWriteIOps', 'count'),

    restartPolicy,
    logConfig: { type: str(get(s, 'logging', 'driver')), config: logOpts },
  };
  return { spec, locations, sources, problems };
}

/** A compose service as the shared ContainerSpec (source 'compose'). */
export function serviceToSpec(
  name: string,
  service: Record<string, unknown>,
  opts: SpecOptions = {},
): ContainerSpec {
  return serviceToSpecWithLocations(name, service, opts).spec;
}
