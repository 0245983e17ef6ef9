// Builders shaped like real `docker inspect <container>` output of two engine generations:
// API 1.41 (Docker 20.10, cgroup v1 host) and API 1.52 (Docker 29). Overrides are deep-merged:
// objects merge key by key, arrays and scalars (and null) replace.
import { describe, expect, it } from 'vitest';
import { containerFromInspect, type InspectExtras } from '../../src/collectors/adapters/inspect.js';
import type { AnyCheck, CheckSettings, Outcome } from '../../src/core/model.js';
import type { ContainerFacts, ContainerSpec } from '../../src/facts/container.js';
import type { DaemonFacts } from '../../src/facts/daemon.js';
import type { Snapshot } from '../../src/facts/snapshot.js';
import { context } from './snapshot.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepMerge<T>(base: T, over: unknown): T {
  if (!isPlain(base) || !isPlain(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlain(out[k]) && isPlain(v) ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

const ID = '4f66ad9a0b2e8f1c3d5e7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d';
const IMAGE_ID = 'sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6';
const MASKED = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
];
const READONLY = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** `docker run -d --name web -p 8080:80 nginx:1.25` on Docker 20.10.24 (API 1.41), cgroup v1. */
export function inspectV141(over: unknown = {}): Record<string, Json> {
  const base: Record<string, Json> = {
    Id: ID,
    Created: '2026-11-20T09:14:03.123456789Z',
    Path: '/docker-entrypoint.sh',
    Args: ['nginx', '-g', 'daemon off;'],
    State: {
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 24518,
      ExitCode: 0,
      Error: '',
      StartedAt: '2026-11-20T09:14:04.002347731Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    },
    Image: IMAGE_ID,
    ResolvConfPath: `/var/lib/docker/containers/${ID}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${ID}/hostname`,
    HostsPath: `/var/lib/docker/containers/${ID}/hosts`,
    LogPath: `/var/lib/docker/containers/${ID}/${ID}-json.log`,
    Name: '/web',
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'default',
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: false,
      VolumeDriver: '',
      VolumesFrom: null,
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'host',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: false,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      ConsoleSize: [0, 0],
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: null,
      BlkioDeviceWriteBps: null,
      BlkioDeviceReadIOps: null,
      BlkioDeviceWriteIOps: null,
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      KernelMemory: 0,
      KernelMemoryTCP: 0,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: false,
      PidsLimit: null,
      Ulimits: null,
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      MaskedPaths: MASKED,
      ReadonlyPaths: READONLY,
    },
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${ID}-init/diff`,
        MergedDir: `/var/lib/docker/overlay2/${ID}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${ID}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${ID}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: [],
    Config: {
      Hostname: '4f66ad9a0b2e',
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: { '80/tcp': {} },
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NGINX_VERSION=1.25.3',
        'NJS_VERSION=0.8.2',
        'PKG_RELEASE=1~bookworm',
      ],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Image: 'nginx:1.25',
      Volumes: null,
      WorkingDir: '',
      Entrypoint: ['/docker-entrypoint.sh'],
      OnBuild: null,
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      StopSignal: 'SIGQUIT',
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: 'c0ffee1234567890abcdef1234567890abcdef1234567890abcdef1234567890',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: {
        '80/tcp': [
          { HostIp: '0.0.0.0', HostPort: '8080' },
          { HostIp: '::', HostPort: '8080' },
        ],
      },
      SandboxKey: '/var/run/docker/netns/c0ffee123456',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: '7d1f0c4b2a3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a',
      Gateway: '172.17.0.1',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: '172.17.0.2',
      IPPrefixLen: 16,
      IPv6Gateway: '',
      MacAddress: '02:42:ac:11:00:02',
      Networks: {
        bridge: {
          IPAMConfig: null,
          Links: null,
          Aliases: null,
          NetworkID: '9a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
          EndpointID: '7d1f0c4b2a3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a',
          Gateway: '172.17.0.1',
          IPAddress: '172.17.0.2',
          IPPrefixLen: 16,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          MacAddress: '02:42:ac:11:00:02',
          DriverOpts: null,
        },
      },
    },
  };
  return deepMerge(base, over);
}

/** The same container on Docker 29 (API 1.52), cgroup v2: fields added, deprecated ones gone. */
export function inspectV152(over: unknown = {}): Record<string, Json> {
  const base: Record<string, Json> = {
    Id: ID,
    Created: '2026-11-20T09:14:03.123456789Z',
    Path: '/docker-entrypoint.sh',
    Args: ['nginx', '-g', 'daemon off;'],
    State: {
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 24518,
      ExitCode: 0,
      Error: '',
      StartedAt: '2026-11-20T09:14:04.002347731Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    },
    Image: IMAGE_ID,
    ResolvConfPath: `/var/lib/docker/containers/${ID}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${ID}/hostname`,
    HostsPath: `/var/lib/docker/containers/${ID}/hosts`,
    LogPath: `/var/lib/docker/containers/${ID}/${ID}-json.log`,
    Name: '/web',
    RestartCount: 0,
    Driver: 'overlayfs',
    Platform: 'linux',
    ImageManifestDescriptor: {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:5b44a5ab8ab467854f2bf7b835a32f850f32eb414b749fbf7ed506b139f3f8e3',
      size: 2290,
      platform: { architecture: 'amd64', os: 'linux' },
    },
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'bridge',
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: false,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [48, 190],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: false,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: null,
      PidsLimit: null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      Annotations: null,
      MaskedPaths: [...MASKED, '/sys/devices/virtual/powercap'],
      ReadonlyPaths: READONLY,
    },
    GraphDriver: { Data: null, Name: 'overlayfs' },
    Mounts: [],
    Config: {
      Hostname: '4f66ad9a0b2e',
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: { '80/tcp': {} },
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NGINX_VERSION=1.27.3',
        'NJS_VERSION=0.8.7',
        'PKG_RELEASE=1~bookworm',
      ],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Image: 'nginx:1.27',
      Volumes: null,
      WorkingDir: '/',
      Entrypoint: ['/docker-entrypoint.sh'],
      OnBuild: null,
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      StopSignal: 'SIGQUIT',
    },
    NetworkSettings: {
      SandboxID: 'c0ffee1234567890abcdef1234567890abcdef1234567890abcdef1234567890',
      SandboxKey: '/var/run/docker/netns/c0ffee123456',
      Ports: {
        '80/tcp': [
          { HostIp: '0.0.0.0', HostPort: '8080' },
          { HostIp: '::', HostPort: '8080' },
        ],
      },
      Networks: {
        bridge: {
          IPAMConfig: null,
          Links: null,
          Aliases: null,
          DriverOpts: null,
          GwPriority: 0,
          NetworkID: '9a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
          EndpointID: '7d1f0c4b2a3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a',
          Gateway: '172.17.0.1',
          IPAddress: '172.17.0.2',
          MacAddress: 'b6:2e:3f:4a:5b:6c',
          IPPrefixLen: 16,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          DNSNames: null,
        },
      },
    },
  };
  return deepMerge(base, over);
}

/** The body of a stopped (exited) container: no resolved ports in NetworkSettings, no process list. */
export function exited(body: Record<string, Json>): Record<string, Json> {
  const out = deepMerge(body, {
    State: {
      Status: 'exited',
      Running: false,
      Pid: 0,
      ExitCode: 0,
      FinishedAt: '2026-11-21T10:00:00.000000000Z',
    },
  });
  const ns = out.NetworkSettings;
  if (ns !== null && typeof ns === 'object' && !Array.isArray(ns)) out.NetworkSettings = { ...ns, Ports: {} };
  return out;
}

/** `docker top` output (ps -ef columns) for a running container. */
export const topOf = (
  ...rows: [user: string, pid: string, command: string][]
): NonNullable<InspectExtras['top']> => ({
  Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
  Processes: rows.map(([user, pid, cmd]) => [user, pid, '1', '0', '09:14', '?', '00:00:00', cmd]),
});

/** Image inspect JSON with a Config (the parts the adapter reads). */
export const imageInspect = (config: Record<string, Json> = {}): Record<string, Json> => ({
  Id: IMAGE_ID,
  RepoTags: ['nginx:1.27'],
  Config: { User: '', Env: [], Cmd: ['nginx', '-g', 'daemon off;'], ...config },
});

/** ContainerFacts from an inspect body (defaults to the 1.52 shape) and extras. */
export const fromInspect = (inspect: unknown = inspectV152(), extras: InspectExtras = {}): ContainerFacts =>
  containerFromInspect(inspect, extras);

export interface FactsOverride extends Omit<Partial<ContainerFacts>, 'spec'> {
  spec?: Partial<ContainerSpec>;
}

/** Convenience: normalised facts of the default 1.52 container with spec/fact fields replaced. */
export function containerFacts(over: FactsOverride = {}): ContainerFacts {
  const base = containerFromInspect(inspectV152(), { image: imageInspect() });
  const { spec, ...rest } = over;
  return { ...base, ...rest, spec: { ...base.spec, ...spec } };
}

/** Daemon facts whose /info SecurityOptions are the given names (e.g. 'apparmor', 'seccomp'). */
export function daemonWith(securityOptions: string[], over: Partial<DaemonFacts['info']> = {}): DaemonFacts {
  return {
    connection: { endpoint: 'unix:///var/run/docker.sock', protocol: 'unix', tls: false, apiVersion: '1.52' },
    version: { version: '29.0.1', apiVersion: '1.52', components: [] },
    info: {
      driverStatus: [],
      securityOptions: securityOptions.map((name) => ({
        name,
        params: name === 'seccomp' ? { profile: 'builtin' } : {},
      })),
      insecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      insecureRegistries: [],
      authorizationPlugins: [],
      runtimes: ['io.containerd.runc.v2', 'runc'],
      swarm: { localNodeState: 'inactive', controlAvailable: false },
      warnings: [],
      rootless: false,
      userns: false,
      ...over,
    },
  };
}

/** Runs one container check on one container; always returns a list of outcomes. */
export function evaluate(
  check: AnyCheck,
  c: ContainerFacts,
  snap: Partial<Snapshot> = {},
  over: Partial<CheckSettings> = {},
): Outcome[] {
  const out = check.evaluate(c, context({ containers: [c], ...snap }, over));
  return Array.isArray(out) ? out : [out];
}

/** Evidence messages of outcomes, for assertions. */
export const messages = (outcomes: Outcome[]): string[] =>
  outcomes.flatMap((o) => ('evidence' in o ? o.evidence.map((e) => e.message) : []));

/**
 * The cases every "does not share the host's X namespace" check gets: `HostConfig.<apiField>: host` fails in
 * both engine shapes naming the field; the default and sharing with another container pass.
 */
export function describeHostNamespaceCheck(
  check: AnyCheck,
  opts: { apiField: string; specField: 'pidMode' | 'ipcMode' | 'utsMode' | 'usernsMode' },
): void {
  describe(`${check.id} ${check.slug}`, () => {
    it.each([
      ['1.41', fromInspect(inspectV141({ HostConfig: { [opts.apiField]: 'host' } }))],
      ['1.52', fromInspect(inspectV152({ HostConfig: { [opts.apiField]: 'host' } }))],
    ])('fails: %s', (_n, c) => {
      const out = evaluate(check, c);
      expect(out[0]?.status).toBe('fail');
      expect(messages(out)).toEqual([`HostConfig.${opts.apiField} is "host"`]);
    });

    it.each([
      ['default (1.41)', fromInspect(inspectV141())],
      ['default (1.52)', fromInspect(inspectV152())],
      ['shared with another container', containerFacts({ spec: { [opts.specField]: 'container:db' } })],
    ])('passes: %s', (_n, c) => {
      expect(evaluate(check, c)[0]?.status).toBe('pass');
    });
  });
}
