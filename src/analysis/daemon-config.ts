// The effective configuration of the running daemon, from three sources: (a) the Engine API, authoritative
// where it exposes a setting; (b) the dockerd command line; (c) daemon.json. dockerd refuses to start when
// one directive is set both as a flag and in the file, so flag and file never both apply; when they (or the
// file and the API) disagree, the file was edited after the daemon started: the running value wins and the
// disagreement is kept as a note for the evidence.
import type { DaemonFacts } from '../facts/daemon.js';
import type { HostFacts } from '../facts/host.js';
import type { Snapshot } from '../facts/snapshot.js';
import { type DockerdArgv, flagText, parseDockerdArgv } from './dockerd-argv.js';

export type SettingSource = 'api' | 'flag' | 'file' | 'default';

export interface KnownSetting<T> {
  known: true;
  value: T;
  source: SettingSource;
  /** Where the value was read, for evidence: `GET /info LiveRestoreEnabled`, `dockerd --icc=false`, ... */
  origin: string;
  /** Disagreements between sources (e.g. daemon.json not applied yet). */
  notes: string[];
}

export interface UnknownSetting {
  known: false;
  reason: string;
  notes: string[];
}

export type Setting<T> = KnownSetting<T> | UnknownSetting;

export interface Ulimit {
  soft: number;
  hard: number;
}

export interface EffectiveDaemonConfig {
  hosts: Setting<string[]>;
  /** --tls or --tlsverify (tlsverify implies TLS). */
  tls: Setting<boolean>;
  tlsVerify: Setting<boolean>;
  tlsCaCert: Setting<string>;
  tlsCert: Setting<string>;
  tlsKey: Setting<string>;
  icc: Setting<boolean>;
  userlandProxy: Setting<boolean>;
  liveRestore: Setting<boolean>;
  logLevel: Setting<string>;
  defaultUlimits: Setting<Record<string, Ulimit>>;
  userns: Setting<boolean>;
  authorizationPlugins: Setting<string[]>;
  noNewPrivileges: Setting<boolean>;
  /** `default`/`builtin` (Docker's profile), `unconfined`, a custom profile path, or `disabled`. */
  seccompProfile: Setting<string>;
  /** '' = the default cgroup parent. */
  cgroupParent: Setting<string>;
  storageDriver: Setting<string>;
  storageOpts: Setting<string[]>;
  logDriver: Setting<string>;
  logOpts: Setting<Record<string, string>>;
  iptables: Setting<boolean>;
  experimental: Setting<boolean>;
  rootless: Setting<boolean>;
  /** Insecure registries/CIDRs, without the engine's default loopback entries. */
  insecureRegistries: Setting<string[]>;
  cgroupDriver: Setting<string>;
  /** Notes about the sources themselves (no dockerd process, daemon.json unparsable, --config-file elsewhere). */
  notes: string[];
  argv?: DockerdArgv;
  configPath?: string;
}

/** Entries the engine marks insecure by default (loopback); never a finding. */
export const ENGINE_DEFAULT_INSECURE = ['127.0.0.0/8', '::1/128'] as const;
export const isEngineDefaultInsecure = (entry: string): boolean =>
  (ENGINE_DEFAULT_INSECURE as readonly string[]).includes(entry.trim());

const DEFAULT_CONFIG_PATH = '/etc/docker/daemon.json';

interface Spec<T> {
  name: string;
  flag?: string;
  fileKey?: string;
  fromFlag?: (values: string[]) => T | undefined;
  fromFile?: (v: unknown) => T | undefined;
  api?: { value: T; origin: string } | undefined;
  def?: T;
  show?: (v: T) => string;
}

interface Sources {
  argv?: DockerdArgv;
  argvReason?: string;
  file?: Record<string, unknown>;
  fileReason?: string;
  filePath: string;
}

const lastBool = (values: string[]): boolean | undefined => {
  const v = values[values.length - 1];
  return v === 'true' ? true : v === 'false' ? false : undefined;
};
const lastString = (values: string[]): string | undefined => values[values.length - 1];
const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
const asStringMap = (v: unknown): Record<string, string> | undefined => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v))
    if (typeof x === 'string' || typeof x === 'number') out[k] = String(x);
  return out;
};
const kvList = (values: string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq > 0) out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
};
const showJson = (v: unknown): string => JSON.stringify(v);

/** `nofile=1024:4096` or `nofile=1024` (soft = hard), as dockerd's --default-ulimit takes them. */
export function parseUlimitFlag(v: string): [string, Ulimit] | undefined {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(v.trim());
  if (!m) return undefined;
  const soft = Number(m[2]);
  return [m[1]!, { soft, hard: m[3] === undefined ? soft : Number(m[3]) }];
}

function ulimitsFromFile(v: unknown): Record<string, Ulimit> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, Ulimit> = {};
  for (const [name, u] of Object.entries(v as Record<string, unknown>)) {
    if (typeof u !== 'object' || u === null) continue;
    const o = u as Record<string, unknown>;
    const soft = o.Soft ?? o.soft;
    const hard = o.Hard ?? o.hard;
    if (typeof soft === 'number' && typeof hard === 'number') out[String(o.Name ?? name)] = { soft, hard };
  }
  return out;
}

function resolve<T>(src: Sources, spec: Spec<T>): Setting<T> {
  const show = spec.show ?? showJson;
  const notes: string[] = [];
  const flagValues = spec.flag && src.argv ? src.argv.flags[spec.flag] : undefined;
  const flagValue = flagValues?.length && spec.fromFlag ? spec.fromFlag(flagValues) : undefined;
  const flagOrigin =
    flagValues?.length && spec.flag
      ? `dockerd ${flagValues.map((v) => flagText(spec.flag!, v)).join(' ')}`
      : '';
  const rawFile = spec.fileKey && src.file ? src.file[spec.fileKey] : undefined;
  const fileValue = rawFile !== undefined && spec.fromFile ? spec.fromFile(rawFile) : undefined;
  const fileOrigin = `${src.filePath}: "${spec.fileKey}": ${showJson(rawFile)}`;
  if (rawFile !== undefined && fileValue === undefined)
    notes.push(`${fileOrigin} is not a valid value for ${spec.name}; dockerd would reject it`);
  if (flagValue !== undefined && fileValue !== undefined)
    notes.push(
      `${spec.name} is set both on the command line (${flagOrigin}) and in ${src.filePath}; dockerd refuses to start like this, so the file changed after the daemon started`,
    );
  if (spec.api) {
    const api = spec.api;
    if (flagValue !== undefined && show(flagValue) !== show(api.value))
      notes.push(`${flagOrigin} disagrees with the running daemon (${api.origin} = ${show(api.value)})`);
    if (fileValue !== undefined && show(fileValue) !== show(api.value))
      notes.push(
        `${fileOrigin} disagrees with the running daemon (${api.origin} = ${show(api.value)}): the daemon was not restarted or reloaded since the file changed`,
      );
    return { known: true, value: api.value, source: 'api', origin: api.origin, notes };
  }
  if (flagValue !== undefined)
    return { known: true, value: flagValue, source: 'flag', origin: flagOrigin, notes };
  if (fileValue !== undefined)
    return { known: true, value: fileValue, source: 'file', origin: fileOrigin, notes };
  if (src.argv && src.file && spec.def !== undefined)
    return {
      known: true,
      value: spec.def,
      source: 'default',
      origin: `dockerd default; not set on the command line or in ${src.filePath}`,
      notes,
    };
  const reasons = [src.argvReason, src.fileReason].filter((r): r is string => Boolean(r));
  return {
    known: false,
    reason: `${spec.name} is not exposed by the Engine API and ${reasons.join('; ') || 'no source sets it'}`,
    notes,
  };
}

function sourcesFrom(host: HostFacts | undefined, hostGap: string | undefined): Sources {
  if (!host) {
    const why = `host facts were not collected${hostGap ? ` (${hostGap})` : ''}`;
    return { argvReason: why, fileReason: '', filePath: DEFAULT_CONFIG_PATH };
  }
  const src: Sources = { filePath: host.daemonJson?.path ?? DEFAULT_CONFIG_PATH };
  const proc = host.processes.find((p) => p.name === 'dockerd');
  if (proc) src.argv = parseDockerdArgv(proc.argv);
  else
    src.argvReason = `no dockerd process in the host facts${host.errors.processes ? ` (${host.errors.processes})` : ''}, so its command line is unknown`;
  const configFlag = src.argv?.flags['config-file'];
  const configPath = configFlag?.[configFlag.length - 1];
  const dj = host.daemonJson;
  if (configPath && configPath !== src.filePath) {
    src.filePath = configPath;
    src.fileReason = `dockerd reads ${configPath} (--config-file), which was not collected`;
    return src;
  }
  if (dj?.parsed) src.file = dj.parsed;
  else if (dj?.error) src.fileReason = `${dj.path} could not be read or parsed: ${dj.error}`;
  else if (dj && dj.raw.trim() === '') src.file = {};
  else if (!dj) {
    const err = Object.entries(host.errors).find(([k]) => /daemon\.?json/i.test(k));
    if (err) src.fileReason = `${src.filePath} could not be read: ${err[1]}`;
    else src.file = {}; // absent file: every directive at its default
  } else src.fileReason = `${dj.path} has no parsed content`;
  return src;
}

const api = <T>(daemon: DaemonFacts | undefined, pick: (d: DaemonFacts) => T | undefined, origin: string) => {
  if (!daemon) return undefined;
  const value = pick(daemon);
  return value === undefined ? undefined : { value, origin };
};

/** Builds the effective configuration; pure over the snapshot. */
export function effectiveDaemonConfig(snapshot: Snapshot): EffectiveDaemonConfig {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const d = snapshot.daemon;
  const src = sourcesFrom(snapshot.host, snapshot.gaps.host);
  const info = d?.info;
  const secOpt = (name: string) => info?.securityOptions.find((o) => o.name === name);
  const str = { fromFlag: lastString, fromFile: asString, show: (v: string) => v };
  const bool = { fromFlag: lastBool, fromFile: asBool, show: String };
  const iccOption = d?.defaultBridgeOptions?.['com.docker.network.bridge.enable_icc'];
  const seccomp = secOpt('seccomp');
  const insecure = info
    ? [...new Set([...info.insecureRegistryCIDRs, ...info.insecureRegistries])].filter(
        (e) => !isEngineDefaultInsecure(e),
      )
    : undefined;

  const cfg: EffectiveDaemonConfig = {
    hosts: resolve(src, {
      name: 'hosts',
      flag: 'host',
      fileKey: 'hosts',
      fromFlag: (v) => v,
      fromFile: asStrings,
      def: ['unix:///var/run/docker.sock'],
      show: (v) => v.join(', '),
    }),
    tls: resolve(src, {
      name: 'tls',
      flag: 'tls',
      fileKey: 'tls',
      ...bool,
      def: false,
    }),
    tlsVerify: resolve(src, {
      name: 'tlsverify',
      flag: 'tlsverify',
      fileKey: 'tlsverify',
      ...bool,
      def: false,
    }),
    tlsCaCert: resolve(src, { name: 'tlscacert', flag: 'tlscacert', fileKey: 'tlscacert', ...str, def: '' }),
    tlsCert: resolve(src, { name: 'tlscert', flag: 'tlscert', fileKey: 'tlscert', ...str, def: '' }),
    tlsKey: resolve(src, { name: 'tlskey', flag: 'tlskey', fileKey: 'tlskey', ...str, def: '' }),
    icc: resolve(src, {
      name: 'icc',
      flag: 'icc',
      fileKey: 'icc',
      ...bool,
      def: true,
      api:
        iccOption === 'true' || iccOption === 'false'
          ? {
              value: iccOption === 'true',
              origin: 'default bridge option com.docker.network.bridge.enable_icc',
            }
          : undefined,
    }),
    userlandProxy: resolve(src, {
      name: 'userland-proxy',
      flag: 'userland-proxy',
      fileKey: 'userland-proxy',
      ...bool,
      def: true,
    }),
    liveRestore: resolve(src, {
      name: 'live-restore',
      flag: 'live-restore',
      fileKey: 'live-restore',
      ...bool,
      def: false,
      api: api(d, (x) => x.info.liveRestoreEnabled, 'GET /info LiveRestoreEnabled'),
    }),
    logLevel: resolve(src, {
      name: 'log-level',
      flag: 'log-level',
      fileKey: 'log-level',
      ...str,
      def: 'info',
    }),
    defaultUlimits: resolve(src, {
      name: 'default-ulimits',
      flag: 'default-ulimit',
      fileKey: 'default-ulimits',
      fromFlag: (values) => {
        const out: Record<string, Ulimit> = {};
        for (const v of values) {
          const u = parseUlimitFlag(v);
          if (u) out[u[0]] = u[1];
        }
        return out;
      },
      fromFile: ulimitsFromFile,
      def: {},
    }),
    userns: resolve(src, {
      name: 'userns-remap',
      flag: 'userns-remap',
      fileKey: 'userns-remap',
      fromFlag: (v) => (lastString(v) ?? '') !== '',
      fromFile: (v) => (typeof v === 'string' ? v !== '' : undefined),
      def: false,
      show: String,
      api: api(d, (x) => x.info.userns, 'GET /info SecurityOptions name=userns'),
    }),
    authorizationPlugins: resolve(src, {
      name: 'authorization-plugins',
      flag: 'authorization-plugin',
      fileKey: 'authorization-plugins',
      fromFlag: (v) => v,
      fromFile: asStrings,
      def: [],
      show: (v) => (v.length ? v.join(', ') : 'none'),
      api: api(d, (x) => x.info.authorizationPlugins, 'GET /info Plugins.Authorization'),
    }),
    noNewPrivileges: resolve(src, {
      name: 'no-new-privileges',
      flag: 'no-new-privileges',
      fileKey: 'no-new-privileges',
      ...bool,
      def: false,
      // Engines list the option only when it is on; absence is not proof it is off on older engines.
      api: secOpt('no-new-privileges')
        ? { value: true, origin: 'GET /info SecurityOptions name=no-new-privileges' }
        : undefined,
    }),
    seccompProfile: resolve(src, {
      name: 'seccomp-profile',
      flag: 'seccomp-profile',
      fileKey: 'seccomp-profile',
      ...str,
      def: 'default',
      api: info
        ? seccomp
          ? { value: seccomp.params.profile ?? 'default', origin: 'GET /info SecurityOptions name=seccomp' }
          : { value: 'disabled', origin: 'GET /info SecurityOptions (no seccomp entry)' }
        : undefined,
    }),
    cgroupParent: resolve(src, {
      name: 'cgroup-parent',
      flag: 'cgroup-parent',
      fileKey: 'cgroup-parent',
      ...str,
      def: '',
    }),
    storageDriver: resolve(src, {
      name: 'storage-driver',
      flag: 'storage-driver',
      fileKey: 'storage-driver',
      ...str,
      api: api(d, (x) => x.info.driver, 'GET /info Driver'),
    }),
    storageOpts: resolve(src, {
      name: 'storage-opts',
      flag: 'storage-opt',
      fileKey: 'storage-opts',
      fromFlag: (v) => v,
      fromFile: asStrings,
      def: [],
      show: (v) => v.join(', '),
    }),
    logDriver: resolve(src, {
      name: 'log-driver',
      flag: 'log-driver',
      fileKey: 'log-driver',
      ...str,
      def: 'json-file',
      api: api(d, (x) => x.info.loggingDriver, 'GET /info LoggingDriver'),
    }),
    logOpts: resolve(src, {
      name: 'log-opts',
      flag: 'log-opt',
      fileKey: 'log-opts',
      fromFlag: kvList,
      fromFile: asStringMap,
      def: {},
    }),
    iptables: resolve(src, { name: 'iptables', flag: 'iptables', fileKey: 'iptables', ...bool, def: true }),
    experimental: resolve(src, {
      name: 'experimental',
      flag: 'experimental',
      fileKey: 'experimental',
      ...bool,
      def: false,
      api: api(d, (x) => x.info.experimentalBuild, 'GET /info ExperimentalBuild'),
    }),
    rootless: resolve(src, {
      name: 'rootless',
      flag: 'rootless',
      fileKey: 'rootless',
      ...bool,
      def: false,
      api: api(d, (x) => x.info.rootless, 'GET /info SecurityOptions name=rootless'),
    }),
    insecureRegistries: resolve(src, {
      name: 'insecure-registries',
      flag: 'insecure-registry',
      fileKey: 'insecure-registries',
      fromFlag: (v) => v.filter((e) => !isEngineDefaultInsecure(e)),
      fromFile: (v) => asStrings(v)?.filter((e) => !isEngineDefaultInsecure(e)),
      def: [],
      show: (v) => (v.length ? [...v].sort().join(', ') : 'none'),
      api: insecure ? { value: insecure, origin: 'GET /info RegistryConfig' } : undefined,
    }),
    cgroupDriver: resolve(src, {
      name: 'cgroup driver',
      ...str,
      api: api(d, (x) => x.info.cgroupDriver, 'GET /info CgroupDriver'),
    }),
    notes: [],
    configPath: src.filePath,
  };
  if (src.argv) cfg.argv = src.argv;
  if (src.argvReason) cfg.notes.push(src.argvReason);
  if (src.fileReason) cfg.notes.push(src.fileReason);
  if (info?.debug && cfg.logLevel.known && cfg.logLevel.value !== 'debug')
    cfg.logLevel.notes.push('GET /info Debug is true: the daemon runs in debug mode');
  cache.set(snapshot, cfg);
  return cfg;
}

const cache = new WeakMap<Snapshot, EffectiveDaemonConfig>();

/** One line of evidence for a known setting: `icc = true (dockerd default ...)`. */
export const describeSetting = <T>(
  name: string,
  s: KnownSetting<T>,
  show: (v: T) => string = (v) => (typeof v === 'string' ? v : showJson(v)),
): string => `${name} = ${show(s.value)} (${s.origin})`;

/** Evidence lines for a setting, notes included. */
export const settingEvidence = <T>(name: string, s: KnownSetting<T>, show?: (v: T) => string): string[] => [
  describeSetting(name, s, show),
  ...s.notes,
];
