// Builders shaped like real Engine API responses for the daemon: GET /version, /info, /networks/bridge,
// /swarm, /nodes, /services, /secrets; from Docker 20.10.24 (API 1.41, Debian docker.io build) and
// Docker 28.5.1 / 29.1.0 (docker-ce, API 1.51 / 1.52). Pass `over` to change fields (deep-merged; arrays
// and null replace).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { daemonFromApi, type SwarmRaw, swarmFromApi } from '../../src/collectors/adapters/daemon.js';
import type { ConnectionFact, DaemonFacts, SwarmFact } from '../../src/facts/daemon.js';
import type { HostFacts, ListenerFact, ProcessFact } from '../../src/facts/host.js';

export type Engine = '20.10' | '28' | '29';

type Json = Record<string, unknown>;
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | null : T[K] };

const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepMerge<T>(base: T, over: unknown): T {
  if (!isPlain(base) || !isPlain(over)) return (over === undefined ? base : over) as T;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out as T;
}

const VERSIONS: Record<Engine, Json> = {
  '20.10': {
    Platform: { Name: '' },
    Components: [
      {
        Name: 'Engine',
        Version: '20.10.24+dfsg1',
        Details: {
          ApiVersion: '1.41',
          Arch: 'amd64',
          BuildTime: '2024-01-10T10:28:16.000000000+00:00',
          Experimental: 'false',
          GitCommit: '5d6db84',
          GoVersion: 'go1.19.8',
          KernelVersion: '6.1.0-17-amd64',
          MinAPIVersion: '1.12',
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: '1.6.20~ds1', Details: { GitCommit: '1.6.20~ds1-1+b1' } },
      { Name: 'runc', Version: '1.1.5+ds1', Details: { GitCommit: '1.1.5+ds1-1+deb12u1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: '' } },
    ],
    Version: '20.10.24+dfsg1',
    ApiVersion: '1.41',
    MinAPIVersion: '1.12',
    GitCommit: '5d6db84',
    GoVersion: 'go1.19.8',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.1.0-17-amd64',
    BuildTime: '2024-01-10T10:28:16.000000000+00:00',
  },
  '28': {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: '28.5.1',
        Details: {
          ApiVersion: '1.51',
          Arch: 'amd64',
          BuildTime: '2025-10-08T12:17:31.000000000+00:00',
          Experimental: 'false',
          GitCommit: 'f8215cc',
          GoVersion: 'go1.24.8',
          KernelVersion: '6.8.0-85-generic',
          MinAPIVersion: '1.24',
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: 'v1.7.28',
        Details: { GitCommit: 'b98a3aace656320842a23f4a392a33f46af97866' },
      },
      { Name: 'runc', Version: '1.3.0', Details: { GitCommit: 'v1.3.0-0-g4ca628d1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    Version: '28.5.1',
    ApiVersion: '1.51',
    MinAPIVersion: '1.24',
    GitCommit: 'f8215cc',
    GoVersion: 'go1.24.8',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.8.0-85-generic',
    BuildTime: '2025-10-08T12:17:31.000000000+00:00',
  },
  '29': {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: '29.1.0',
        Details: {
          ApiVersion: '1.52',
          Arch: 'amd64',
          BuildTime: '2025-11-17T16:45:49.000000000+00:00',
          Experimental: 'false',
          GitCommit: '360952c',
          GoVersion: 'go1.25.4',
          KernelVersion: '6.12.48+deb13-amd64',
          MinAPIVersion: '1.44',
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: 'v2.1.4',
        Details: { GitCommit: '75cb2b7193e4e490e9fbdc236c0e811ccaba3376' },
      },
      { Name: 'runc', Version: '1.3.0', Details: { GitCommit: 'v1.3.0-0-g4ca628d1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    Version: '29.1.0',
    ApiVersion: '1.52',
    MinAPIVersion: '1.44',
    GitCommit: '360952c',
    GoVersion: 'go1.25.4',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.12.48+deb13-amd64',
    BuildTime: '2025-11-17T16:45:49.000000000+00:00',
  },
};

const INACTIVE_SWARM = {
  NodeID: '',
  NodeAddr: '',
  LocalNodeState: 'inactive',
  ControlAvailable: false,
  Error: '',
  RemoteManagers: null,
};

const INFO_2010: Json = {
  ID: 'Q4ZK:7TJB:DZ3Q:UYSY:XR2D:JLOU:GZ6U:4RWF:7M6C:2ZHR:KXLA:OJFT',
  Containers: 3,
  ContainersRunning: 2,
  ContainersPaused: 0,
  ContainersStopped: 1,
  Images: 7,
  Driver: 'overlay2',
  DriverStatus: [
    ['Backing Filesystem', 'extfs'],
    ['Supports d_type', 'true'],
    ['Native Overlay Diff', 'true'],
    ['userxattr', 'false'],
  ],
  Plugins: {
    Volume: ['local'],
    Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
    Authorization: null,
    Log: [
      'awslogs',
      'fluentd',
      'gcplogs',
      'gelf',
      'journald',
      'json-file',
      'local',
      'logentries',
      'splunk',
      'syslog',
    ],
  },
  MemoryLimit: true,
  SwapLimit: true,
  KernelMemory: false,
  KernelMemoryTCP: false,
  CpuCfsPeriod: true,
  CpuCfsQuota: true,
  CPUShares: true,
  CPUSet: true,
  PidsLimit: true,
  IPv4Forwarding: true,
  BridgeNfIptables: true,
  BridgeNfIp6tables: true,
  Debug: false,
  NFd: 33,
  OomKillDisable: false,
  NGoroutines: 41,
  SystemTime: '2026-11-28T12:00:00.123456789Z',
  LoggingDriver: 'json-file',
  CgroupDriver: 'systemd',
  CgroupVersion: '2',
  NEventsListener: 0,
  KernelVersion: '6.1.0-17-amd64',
  OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  OSVersion: '12',
  OSType: 'linux',
  Architecture: 'x86_64',
  IndexServerAddress: 'https://index.docker.io/v1/',
  RegistryConfig: {
    AllowNondistributableArtifactsCIDRs: [],
    AllowNondistributableArtifactsHostnames: [],
    InsecureRegistryCIDRs: ['127.0.0.0/8'],
    IndexConfigs: {
      'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true },
    },
    Mirrors: [],
  },
  NCPU: 2,
  MemTotal: 4110970880,
  GenericResources: null,
  DockerRootDir: '/var/lib/docker',
  HttpProxy: '',
  HttpsProxy: '',
  NoProxy: '',
  Name: 'deb12',
  Labels: [],
  ExperimentalBuild: false,
  ServerVersion: '20.10.24+dfsg1',
  Runtimes: {
    'io.containerd.runc.v2': { path: 'runc' },
    'io.containerd.runtime.v1.linux': { path: 'runc' },
    runc: { path: 'runc' },
  },
  DefaultRuntime: 'runc',
  Swarm: INACTIVE_SWARM,
  LiveRestoreEnabled: false,
  Isolation: '',
  InitBinary: 'docker-init',
  ContainerdCommit: { ID: '1.6.20~ds1-1+b1', Expected: '1.6.20~ds1-1+b1' },
  RuncCommit: { ID: '1.1.5+ds1-1+deb12u1', Expected: '1.1.5+ds1-1+deb12u1' },
  InitCommit: { ID: '', Expected: '' },
  SecurityOptions: ['name=apparmor', 'name=seccomp,profile=default', 'name=cgroupns'],
  Warnings: null,
};

const infoNew = (engine: '28' | '29'): Json => ({
  ID: 'b1f6d6a4-5f3c-4a57-9d5e-2c4f0e3a9b71',
  Containers: 12,
  ContainersRunning: 9,
  ContainersPaused: 0,
  ContainersStopped: 3,
  Images: 24,
  Driver: engine === '29' ? 'overlayfs' : 'overlay2',
  DriverStatus:
    engine === '29'
      ? [['driver-type', 'io.containerd.snapshotter.v1']]
      : [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
          ['Using metacopy', 'false'],
          ['Native Overlay Diff', 'true'],
          ['userxattr', 'false'],
        ],
  Plugins: {
    Volume: ['local'],
    Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
    Authorization: null,
    Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
  },
  MemoryLimit: true,
  SwapLimit: true,
  CpuCfsPeriod: true,
  CpuCfsQuota: true,
  CPUShares: true,
  CPUSet: true,
  PidsLimit: true,
  IPv4Forwarding: true,
  Debug: false,
  NFd: 88,
  OomKillDisable: false,
  NGoroutines: 130,
  SystemTime: '2026-11-28T12:00:00.123456789Z',
  LoggingDriver: 'json-file',
  CgroupDriver: 'systemd',
  CgroupVersion: '2',
  NEventsListener: 0,
  KernelVersion: engine === '29' ? '6.12.48+deb13-amd64' : '6.8.0-85-generic',
  OperatingSystem: engine === '29' ? 'Debian GNU/Linux 13 (trixie)' : 'Ubuntu 24.04.3 LTS',
  OSVersion: engine === '29' ? '13' : '24.04',
  OSType: 'linux',
  Architecture: 'x86_64',
  IndexServerAddress: 'https://index.docker.io/v1/',
  RegistryConfig: {
    InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
    IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
    Mirrors: null,
  },
  NCPU: 4,
  MemTotal: 8218034176,
  GenericResources: null,
  DockerRootDir: '/var/lib/docker',
  HttpProxy: '',
  HttpsProxy: '',
  NoProxy: '',
  Name: engine === '29' ? 'trixie-host' : 'noble-host',
  Labels: [],
  ExperimentalBuild: false,
  ServerVersion: engine === '29' ? '29.1.0' : '28.5.1',
  Runtimes: {
    'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
    runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
  },
  DefaultRuntime: 'runc',
  Swarm: INACTIVE_SWARM,
  LiveRestoreEnabled: false,
  Isolation: '',
  InitBinary: 'docker-init',
  ContainerdCommit: {
    ID:
      engine === '29'
        ? '75cb2b7193e4e490e9fbdc236c0e811ccaba3376'
        : 'b98a3aace656320842a23f4a392a33f46af97866',
  },
  RuncCommit: { ID: 'v1.3.0-0-g4ca628d1' },
  InitCommit: { ID: 'de40ad0' },
  SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
  CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
  Containerd: {
    Address: '/run/containerd/containerd.sock',
    Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
  },
  ...(engine === '29'
    ? { FirewallBackend: { Driver: 'iptables' }, DiscoveredDevices: [] }
    : { FirewallBackend: { Driver: 'iptables' } }),
  Warnings: null,
});

export const versionJson = (engine: Engine = '29', over: unknown = {}): Json =>
  deepMerge(structuredClone(VERSIONS[engine]), over);

export const infoJson = (engine: Engine = '29', over: unknown = {}): Json =>
  deepMerge(structuredClone(engine === '20.10' ? INFO_2010 : infoNew(engine)), over);

/** GET /networks/bridge with the default options (icc on). */
export const bridgeNetworkJson = (options: Record<string, string> = {}): Json => ({
  Name: 'bridge',
  Id: 'f2de39df4171b0dc801e8002d1d999b77256983dfc63041c0f34030aa3977566',
  Created: '2026-11-01T09:00:00.000000000Z',
  Scope: 'local',
  Driver: 'bridge',
  EnableIPv6: false,
  IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigFrom: { Network: '' },
  ConfigOnly: false,
  Containers: {},
  Options: {
    'com.docker.network.bridge.default_bridge': 'true',
    'com.docker.network.bridge.enable_icc': 'true',
    'com.docker.network.bridge.enable_ip_masquerade': 'true',
    'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
    'com.docker.network.bridge.name': 'docker0',
    'com.docker.network.driver.mtu': '1500',
    ...options,
  },
  Labels: {},
});

export const unixConnection = (apiVersion = '1.52'): ConnectionFact => ({
  endpoint: 'unix:///var/run/docker.sock',
  protocol: 'unix',
  tls: false,
  apiVersion,
});

export interface DaemonOver {
  engine?: Engine;
  version?: unknown;
  info?: unknown;
  /** Options merged into the default bridge's; `null` = no default bridge collected. */
  bridge?: Record<string, string> | null;
  connection?: Partial<ConnectionFact>;
}

/** DaemonFacts through the real adapter, from the real-shaped JSON of the given engine. */
export function daemonFacts(over: DaemonOver = {}): DaemonFacts {
  const engine = over.engine ?? '29';
  const api = engine === '20.10' ? '1.41' : engine === '28' ? '1.51' : '1.52';
  return daemonFromApi(
    { ...unixConnection(api), ...over.connection },
    versionJson(engine, over.version),
    infoJson(engine, over.info),
    over.bridge === null ? undefined : bridgeNetworkJson(over.bridge ?? {}),
  );
}

// --- Swarm -----------------------------------------------------------------------------------------------

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/daemon/${name}`, import.meta.url)), 'utf8');

/** Real ECDSA P-256 "CN=swarm-ca" root certificates (self-signed with openssl for the tests). */
export const SWARM_CA_2026 = fixture('swarm-root-ca-2026-06-01.pem');
export const SWARM_CA_2024 = fixture('swarm-root-ca-2024-01-15.pem');
const CA_PEM = SWARM_CA_2026;

/** The cluster object of GET /swarm (and /info Swarm.Cluster on managers). */
export const swarmClusterJson = (over: unknown = {}): Json =>
  deepMerge(
    {
      ID: 'ntz8r2f6hxkq1m7rw8gqzf1xe',
      Version: { Index: 10 },
      CreatedAt: '2026-06-01T10:00:00.000000000Z',
      UpdatedAt: '2026-06-01T10:00:01.000000000Z',
      Spec: {
        Name: 'default',
        Labels: {},
        Orchestration: { TaskHistoryRetentionLimit: 5 },
        Raft: {
          SnapshotInterval: 10000,
          KeepOldSnapshots: 0,
          LogEntriesForSlowFollowers: 500,
          ElectionTick: 10,
          HeartbeatTick: 1,
        },
        Dispatcher: { HeartbeatPeriod: 5000000000 },
        CAConfig: { NodeCertExpiry: 7776000000000000 },
        TaskDefaults: {},
        EncryptionConfig: { AutoLockManagers: false },
      },
      TLSInfo: {
        TrustRoot: CA_PEM,
        CertIssuerSubject: 'MBMxETAPBgNVBAMTCHN3YXJtLWNh',
        CertIssuerPublicKey: 'MFkwEwYHKoZIzj0CAQ==',
      },
      RootRotationInProgress: false,
      DataPathPort: 4789,
      DefaultAddrPool: ['10.0.0.0/8'],
      SubnetSize: 24,
    },
    over,
  );

/** /info's Swarm section for an active manager (managers carry Cluster). */
export const swarmInfoJson = (over: unknown = {}): Json =>
  deepMerge(
    {
      NodeID: 'p5y8m1x3c2v0a9d7e6f4g2h1j',
      NodeAddr: '10.0.0.5',
      LocalNodeState: 'active',
      ControlAvailable: true,
      Error: '',
      RemoteManagers: [{ NodeID: 'p5y8m1x3c2v0a9d7e6f4g2h1j', Addr: '10.0.0.5:2377' }],
      Nodes: 3,
      Managers: 1,
      Cluster: swarmClusterJson(),
    },
    over,
  );

export const nodeJson = (id: string, role: 'manager' | 'worker', addr: string, hostname = id): Json => ({
  ID: id,
  Version: { Index: 9 },
  CreatedAt: '2026-06-01T10:00:00.000000000Z',
  UpdatedAt: '2026-06-01T10:00:05.000000000Z',
  Spec: { Labels: {}, Role: role, Availability: 'active' },
  Description: {
    Hostname: hostname,
    Platform: { Architecture: 'x86_64', OS: 'linux' },
    Engine: { EngineVersion: '29.1.0' },
  },
  Status: { State: 'ready', Addr: addr },
  ...(role === 'manager'
    ? { ManagerStatus: { Leader: false, Reachability: 'reachable', Addr: `${addr}:2377` } }
    : {}),
});

export const serviceJson = (
  name: string,
  opts: { env?: string[]; secrets?: string[]; ports?: { TargetPort: number; PublishedPort: number }[] } = {},
): Json => ({
  ID: `svc${name}`,
  Version: { Index: 20 },
  CreatedAt: '2026-06-02T10:00:00.000000000Z',
  UpdatedAt: '2026-06-02T10:00:00.000000000Z',
  Spec: {
    Name: name,
    Labels: {},
    TaskTemplate: {
      ContainerSpec: {
        Image: 'nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000',
        Env: opts.env ?? null,
        Secrets: (opts.secrets ?? []).map((s) => ({
          File: { Name: s, UID: '0', GID: '0', Mode: 292 },
          SecretID: `id-${s}`,
          SecretName: s,
        })),
        Isolation: 'default',
      },
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: {
      Mode: 'vip',
      Ports: (opts.ports ?? []).map((p) => ({ Protocol: 'tcp', PublishMode: 'ingress', ...p })),
    },
  },
  Endpoint: {
    Spec: {},
    Ports: (opts.ports ?? []).map((p) => ({ Protocol: 'tcp', PublishMode: 'ingress', ...p })),
  },
});

export const secretJson = (name: string): Json => ({
  ID: `id-${name}`,
  Version: { Index: 11 },
  CreatedAt: '2026-06-02T09:00:00.000000000Z',
  UpdatedAt: '2026-06-02T09:00:00.000000000Z',
  Spec: { Name: name, Labels: {} },
});

/** /var/lib/docker/swarm/docker-state.json */
export const swarmStateJson = (over: Json = {}): Json => ({
  LocalAddr: '10.0.0.5',
  RemoteAddr: '',
  ListenAddr: '0.0.0.0:2377',
  AdvertiseAddr: '10.0.0.5:2377',
  DataPathAddr: '',
  DefaultAddressPool: null,
  SubnetSize: 0,
  DataPathPort: 0,
  JoinInProgress: false,
  ...over,
});

/** A daemon on an active swarm manager. */
export const swarmManagerDaemon = (swarmOver: unknown = {}, over: DaemonOver = {}): DaemonFacts =>
  daemonFacts({ ...over, info: deepMerge({ Swarm: swarmInfoJson(swarmOver) }, over.info ?? {}) });

/** SwarmFact through the real adapter; defaults to a 3-node swarm with one manager. */
export function swarmFacts(raw: Partial<SwarmRaw> = {}): SwarmFact {
  return swarmFromApi({
    swarm: swarmClusterJson(),
    nodes: [
      nodeJson('p5y8m1x3c2v0a9d7e6f4g2h1j', 'manager', '10.0.0.5', 'mgr1'),
      nodeJson('w1', 'worker', '10.0.0.6', 'wrk1'),
      nodeJson('w2', 'worker', '10.0.0.7', 'wrk2'),
    ],
    services: [],
    secrets: [],
    info: infoJson('29', { Swarm: swarmInfoJson() }),
    state: swarmStateJson(),
    ...raw,
  });
}

// --- Minimal host facts (for the daemon-config sources; the full host kit lives in test/kit/host.ts) -------

export const dockerdProcess = (...args: string[]): ProcessFact => ({
  pid: 812,
  name: 'dockerd',
  argv: ['/usr/bin/dockerd', ...args],
  uid: 0,
});

/** The stock systemd unit's command line. */
export const DEFAULT_DOCKERD_ARGS = ['-H', 'fd://', '--containerd=/run/containerd/containerd.sock'];

export interface DaemonHostOver extends Omit<Partial<HostFacts>, 'listeners'> {
  listeners?: readonly ListenerFact[];
  /** dockerd arguments (after the binary); null = no dockerd process seen. */
  dockerd?: readonly string[] | null;
  /** Parsed /etc/docker/daemon.json; null or absent = no file. */
  json?: Record<string, unknown> | null;
}

/** HostFacts carrying only what the daemon checks read: the dockerd process, daemon.json, listeners. */
export function daemonHost(over: DaemonHostOver = {}): HostFacts {
  const { dockerd, json, listeners, ...rest } = over;
  const host: HostFacts = {
    root: '/',
    hostname: 'deb12',
    kernelRelease: '6.1.0-17-amd64',
    osRelease: { ID: 'debian', VERSION_ID: '12' },
    files: {},
    mounts: [],
    units: {},
    processes: dockerd === null ? [] : [dockerdProcess(...(dockerd ?? DEFAULT_DOCKERD_ARGS))],
    envFiles: {},
    packages: [],
    groups: [],
    sysctls: {},
    cgroupVersion: 2,
    env: {},
    errors: {},
    ...rest,
    listeners: [...(listeners ?? [])],
  };
  if (json !== undefined && json !== null)
    host.daemonJson = { path: '/etc/docker/daemon.json', raw: JSON.stringify(json, null, 2), parsed: json };
  return host;
}

export const listener = (address: string, port: number, process = 'dockerd'): ListenerFact => ({
  protocol: address.includes(':') ? 'tcp6' : 'tcp',
  address,
  port,
  inode: 41234,
  pid: 812,
  process,
});

// --- Running checks -----------------------------------------------------------------------------------------

import type { AnyCheck, CheckSettings, Outcome } from '../../src/core/model.js';
import type { Snapshot } from '../../src/facts/snapshot.js';
import { context } from './snapshot.js';

/** Runs a daemon/swarm-scope check's evaluate over a snapshot; always returns a list. */
export function evaluate(
  check: AnyCheck,
  snap: Partial<Snapshot>,
  settings: Partial<CheckSettings> = {},
): Outcome[] {
  const ctx = context(snap, settings);
  const out = check.evaluate(ctx.snapshot, ctx);
  return Array.isArray(out) ? out : [out];
}

/** The single outcome of a check, with its evidence (and reason) joined for assertions. */
export function outcome(check: AnyCheck, snap: Partial<Snapshot>, settings: Partial<CheckSettings> = {}) {
  const list = evaluate(check, snap, settings);
  if (list.length !== 1) throw new Error(`expected one outcome, got ${list.length}`);
  const o = list[0]!;
  const text = [
    ...('evidence' in o ? o.evidence.map((e) => e.message) : []),
    ...('reason' in o ? [o.reason] : []),
  ].join('\n');
  return { status: o.status, text, outcome: o };
}
