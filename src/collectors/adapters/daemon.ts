// Owned by the daemon-checks work: /version, /info, /networks/bridge, /swarm... JSON -> daemon facts.
//
// Shapes handled: Engine API 1.41 (Docker 20.10: SecurityOptions "name=seccomp,profile=default",
// ContainerdCommit/RuncCommit with Expected, BridgeNfIptables, KernelMemory) up to 1.52 (Docker 29:
// "profile=builtin", "name=cgroupns", CgroupVersion, FirewallBackend, CDISpecDirs, no Expected commits,
// BridgeNfIptables and KernelMemory gone). Validation is permissive: a field of an unexpected type is treated
// as absent; only a /version without a version string is an error.
import { X509Certificate } from 'node:crypto';
import { looseObject, z } from '../../core/schema.js';
import type {
  ComponentVersion,
  ConnectionFact,
  DaemonFacts,
  InfoFact,
  SecurityOption,
  SwarmFact,
  SwarmInfo,
  VersionFact,
} from '../../facts/daemon.js';

/** A value of the given schema, or undefined when absent, null or of another type. */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const str = opt(z.string());
const num = opt(z.number());
const bool = opt(z.boolean());
const strings = opt(z.array(z.unknown()).nullable()).transform((a) =>
  (a ?? []).filter((v): v is string => typeof v === 'string'),
);
const stringMap = opt(z.record(z.string(), z.unknown()).nullable()).transform((m) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
});
const commit = opt(looseObject({ ID: str, Expected: str }).nullable());

const versionSchema = looseObject({
  Version: z.string().min(1),
  ApiVersion: str,
  MinAPIVersion: str,
  GitCommit: str,
  GoVersion: str,
  Os: str,
  Arch: str,
  KernelVersion: str,
  Components: opt(
    z
      .array(
        looseObject({
          Name: z.string(),
          Version: opt(z.string()).transform((v) => v ?? ''),
          Details: stringMap,
        }),
      )
      .nullable(),
  ),
});

const swarmInfoSchema = looseObject({
  NodeID: str,
  NodeAddr: str,
  LocalNodeState: str,
  ControlAvailable: bool,
  Error: str,
  RemoteManagers: opt(z.array(looseObject({ NodeID: str, Addr: str })).nullable()),
  Nodes: num,
  Managers: num,
  Cluster: opt(z.unknown()),
});

const infoSchema = looseObject({
  ID: str,
  Name: str,
  ServerVersion: str,
  OperatingSystem: str,
  OSType: str,
  KernelVersion: str,
  Driver: str,
  DriverStatus: opt(z.array(z.array(z.unknown())).nullable()),
  LoggingDriver: str,
  CgroupDriver: str,
  CgroupVersion: opt(z.union([z.string(), z.number()])),
  DockerRootDir: str,
  LiveRestoreEnabled: bool,
  ExperimentalBuild: bool,
  Debug: bool,
  SecurityOptions: strings,
  RegistryConfig: opt(
    looseObject({
      InsecureRegistryCIDRs: strings,
      IndexConfigs: opt(
        z
          .record(
            z.string(),
            looseObject({ Name: str, Secure: bool }).catch({ Name: undefined, Secure: undefined }),
          )
          .nullable(),
      ),
    }).nullable(),
  ),
  Plugins: opt(looseObject({ Authorization: strings }).nullable()),
  Runtimes: opt(z.record(z.string(), z.unknown()).nullable()),
  DefaultRuntime: str,
  RuncCommit: commit,
  ContainerdCommit: commit,
  InitCommit: commit,
  Containers: num,
  ContainersRunning: num,
  Images: num,
  Swarm: opt(swarmInfoSchema.nullable()),
  Warnings: strings,
});

/** "name=seccomp,profile=builtin" -> { name: 'seccomp', params: { profile: 'builtin' } }. */
export function parseSecurityOption(s: string): SecurityOption | undefined {
  // Pre-1.24 engines reported bare names ("apparmor", "seccomp").
  if (!s.includes('=')) return s.trim() ? { name: s.trim(), params: {} } : undefined;
  const params: Record<string, string> = {};
  let name: string | undefined;
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    const k = (eq < 0 ? part : part.slice(0, eq)).trim();
    const v = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (k === 'name') name = v;
    else if (k) params[k] = v;
  }
  return name ? { name, params } : undefined;
}

function versionFact(raw: unknown): VersionFact {
  const r = versionSchema.safeParse(raw);
  if (!r.success) throw new Error('GET /version: response has no Version string');
  const v = r.data;
  const components: ComponentVersion[] = (v.Components ?? []).map((c) => ({
    name: c.Name,
    version: c.Version,
    details: c.Details,
  }));
  const fact: VersionFact = { version: v.Version, apiVersion: v.ApiVersion ?? '', components };
  if (v.MinAPIVersion) fact.minApiVersion = v.MinAPIVersion;
  if (v.GitCommit) fact.gitCommit = v.GitCommit;
  if (v.GoVersion) fact.goVersion = v.GoVersion;
  if (v.Os) fact.os = v.Os;
  if (v.Arch) fact.arch = v.Arch;
  if (v.KernelVersion) fact.kernelVersion = v.KernelVersion;
  return fact;
}

function swarmInfo(raw: z.output<typeof swarmInfoSchema> | null | undefined): SwarmInfo {
  const s: SwarmInfo = {
    localNodeState: raw?.LocalNodeState || 'inactive',
    controlAvailable: raw?.ControlAvailable ?? false,
  };
  if (raw?.NodeID) s.nodeId = raw.NodeID;
  if (raw?.Managers !== undefined) s.managers = raw.Managers;
  if (raw?.Nodes !== undefined) s.nodes = raw.Nodes;
  return s;
}

function infoFact(raw: unknown): InfoFact {
  const r = infoSchema.safeParse(raw ?? {});
  // The schema cannot fail on shape (every field is optional and caught); guard anyway.
  const i = r.success ? r.data : infoSchema.parse({});
  const securityOptions = i.SecurityOptions.map(parseSecurityOption).filter((o): o is SecurityOption => !!o);
  const has = (n: string) => securityOptions.some((o) => o.name === n);
  const index = i.RegistryConfig?.IndexConfigs ?? {};
  const insecureRegistries = Object.entries(index)
    .filter(([, c]) => c.Secure === false)
    .map(([k, c]) => c.Name ?? k);
  const fact: InfoFact = {
    driverStatus: (i.DriverStatus ?? [])
      .filter((p) => typeof p[0] === 'string' && typeof p[1] === 'string')
      .map((p) => [p[0] as string, p[1] as string]),
    securityOptions,
    // Kept whole, including the engine's default loopback entries (127.0.0.0/8, ::1/128): checks ignore
    // those with isEngineDefaultInsecure() from src/analysis/daemon-config.ts.
    insecureRegistryCIDRs: i.RegistryConfig?.InsecureRegistryCIDRs ?? [],
    insecureRegistries,
    authorizationPlugins: i.Plugins?.Authorization ?? [],
    runtimes: Object.keys(i.Runtimes ?? {}),
    swarm: swarmInfo(i.Swarm),
    warnings: i.Warnings,
    rootless: has('rootless'),
    userns: has('userns'),
  };
  const set = <K extends keyof InfoFact>(k: K, v: InfoFact[K] | undefined) => {
    if (v !== undefined && v !== '') fact[k] = v;
  };
  set('name', i.Name);
  set('id', i.ID);
  set('serverVersion', i.ServerVersion);
  set('operatingSystem', i.OperatingSystem);
  set('osType', i.OSType);
  set('kernelVersion', i.KernelVersion);
  set('driver', i.Driver);
  set('loggingDriver', i.LoggingDriver);
  set('cgroupDriver', i.CgroupDriver);
  set('cgroupVersion', i.CgroupVersion === undefined ? undefined : String(i.CgroupVersion));
  set('dockerRootDir', i.DockerRootDir);
  set('liveRestoreEnabled', i.LiveRestoreEnabled);
  set('experimentalBuild', i.ExperimentalBuild);
  set('debug', i.Debug);
  set('defaultRuntime', i.DefaultRuntime);
  set('runcCommit', i.RuncCommit?.ID);
  set('containerdCommit', i.ContainerdCommit?.ID);
  set('initCommit', i.InitCommit?.ID);
  set('containers', i.Containers);
  set('containersRunning', i.ContainersRunning);
  set('images', i.Images);
  return fact;
}

const bridgeSchema = looseObject({ Options: stringMap });

export function daemonFromApi(
  connection: ConnectionFact,
  version: unknown,
  info: unknown,
  bridgeNetwork?: unknown,
): DaemonFacts {
  const facts: DaemonFacts = { connection, version: versionFact(version), info: infoFact(info) };
  if (bridgeNetwork !== undefined && bridgeNetwork !== null) {
    const b = bridgeSchema.safeParse(bridgeNetwork);
    if (b.success) facts.defaultBridgeOptions = b.data.Options;
  }
  return facts;
}

export interface SwarmRaw {
  /** GET /swarm (managers only). */
  swarm?: unknown;
  nodes?: unknown[];
  services?: unknown[];
  secrets?: unknown[];
  /** GET /info (its Swarm section; Swarm.Cluster on managers). */
  info?: unknown;
  /**
   * /var/lib/docker/swarm/docker-state.json when the host collector can read it: the only place that keeps
   * the listen and data-path addresses (the API does not expose them).
   */
  state?: unknown;
}

const clusterSchema = looseObject({
  TLSInfo: opt(looseObject({ TrustRoot: str }).nullable()),
  CreatedAt: str,
  UpdatedAt: str,
  RootRotationInProgress: bool,
  Spec: opt(
    looseObject({
      CAConfig: opt(looseObject({ NodeCertExpiry: num }).nullable()),
      EncryptionConfig: opt(looseObject({ AutoLockManagers: bool }).nullable()),
    }).nullable(),
  ),
});

const nodeSchema = looseObject({
  ID: z.string(),
  Spec: opt(looseObject({ Role: str }).nullable()),
  Description: opt(looseObject({ Hostname: str }).nullable()),
  Status: opt(looseObject({ Addr: str }).nullable()),
  ManagerStatus: opt(looseObject({ Reachability: str, Addr: str, Leader: bool }).nullable()),
});

const serviceSchema = looseObject({
  ID: z.string(),
  Spec: opt(
    looseObject({
      Name: str,
      TaskTemplate: opt(
        looseObject({
          ContainerSpec: opt(
            looseObject({
              Env: strings,
              Secrets: opt(z.array(looseObject({ SecretName: str, SecretID: str })).nullable()),
            }).nullable(),
          ),
        }).nullable(),
      ),
      EndpointSpec: opt(looseObject({ Ports: opt(z.array(z.unknown()).nullable()) }).nullable()),
    }).nullable(),
  ),
  Endpoint: opt(looseObject({ Ports: opt(z.array(z.unknown()).nullable()) }).nullable()),
});

const portSchema = looseObject({ TargetPort: num, PublishedPort: num, Protocol: str, PublishMode: str });
const secretSchema = looseObject({ ID: z.string(), Spec: opt(looseObject({ Name: str }).nullable()) });
const stateSchema = looseObject({ ListenAddr: str, AdvertiseAddr: str, DataPathAddr: str });

/** The validity of the first certificate of a PEM bundle; undefined when it does not parse. */
function certificateValidity(pem: string): { notBefore: string; notAfter: string } | undefined {
  try {
    const cert = new X509Certificate(pem);
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) return undefined;
    return { notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
  } catch {
    return undefined;
  }
}

function parseList<S extends z.ZodTypeAny>(schema: S, raw: unknown[] | undefined): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const item of raw ?? []) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
  }
  return out;
}

export function swarmFromApi(raw: SwarmRaw): SwarmFact {
  const info = infoSchema.safeParse(raw.info ?? {});
  const swarmSection = info.success ? info.data.Swarm : undefined;
  // /swarm and /info Swarm.Cluster carry the same cluster object; prefer the dedicated endpoint.
  const clusterRaw = raw.swarm ?? swarmSection?.Cluster;
  const cluster = clusterRaw ? clusterSchema.safeParse(clusterRaw) : undefined;
  const c = cluster?.success ? cluster.data : undefined;
  const fact: SwarmFact = {
    nodes: parseList(nodeSchema, raw.nodes).map((n) => {
      const node: SwarmFact['nodes'][number] = { id: n.ID, role: n.Spec?.Role ?? 'unknown' };
      if (n.Description?.Hostname) node.hostname = n.Description.Hostname;
      if (n.ManagerStatus?.Reachability) node.managerReachability = n.ManagerStatus.Reachability;
      const addr = n.ManagerStatus?.Addr ?? n.Status?.Addr;
      if (addr) node.addr = addr;
      return node;
    }),
    services: parseList(serviceSchema, raw.services).map((s) => {
      const ports = (s.Endpoint?.Ports ?? s.Spec?.EndpointSpec?.Ports ?? [])
        .map((p) => portSchema.safeParse(p))
        .filter((p) => p.success)
        .map((p) => {
          const o: SwarmFact['services'][number]['ports'][number] = {};
          if (p.data.TargetPort !== undefined) o.targetPort = p.data.TargetPort;
          if (p.data.PublishedPort !== undefined) o.publishedPort = p.data.PublishedPort;
          if (p.data.Protocol) o.protocol = p.data.Protocol;
          if (p.data.PublishMode) o.publishMode = p.data.PublishMode;
          return o;
        });
      const cs = s.Spec?.TaskTemplate?.ContainerSpec;
      return {
        id: s.ID,
        name: s.Spec?.Name ?? s.ID,
        ports,
        secrets: (cs?.Secrets ?? []).map((x) => x.SecretName ?? x.SecretID ?? '').filter(Boolean),
        env: cs?.Env ?? [],
      };
    }),
    secrets: parseList(secretSchema, raw.secrets).map((s) => ({ id: s.ID, name: s.Spec?.Name ?? s.ID })),
    remoteManagers: (swarmSection?.RemoteManagers ?? []).map((m) => m.Addr ?? '').filter(Boolean),
  };
  if (c?.Spec?.EncryptionConfig?.AutoLockManagers !== undefined)
    fact.autoLockManagers = c.Spec.EncryptionConfig.AutoLockManagers;
  if (c?.Spec?.CAConfig?.NodeCertExpiry !== undefined) fact.nodeCertExpiryNs = c.Spec.CAConfig.NodeCertExpiry;
  if (c?.RootRotationInProgress !== undefined) fact.caRootRotationInProgress = c.RootRotationInProgress;
  if (c?.CreatedAt) fact.createdAt = c.CreatedAt;
  const ca = c?.TLSInfo?.TrustRoot ? certificateValidity(c.TLSInfo.TrustRoot) : undefined;
  if (ca) fact.caCertificate = ca;
  if (c?.UpdatedAt) fact.updatedAt = c.UpdatedAt;
  const st = raw.state === undefined ? undefined : stateSchema.safeParse(raw.state);
  const state = st?.success ? st.data : undefined;
  if (state?.ListenAddr) fact.listenAddr = state.ListenAddr;
  const advertise = state?.AdvertiseAddr || swarmSection?.NodeAddr;
  if (advertise) fact.advertiseAddr = advertise;
  if (state?.DataPathAddr) fact.dataPathAddr = state.DataPathAddr;
  return fact;
}
