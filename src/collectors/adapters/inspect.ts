// Owned by the container-checks work: Engine inspect JSON (API 1.41 .. 1.5x) -> ContainerFacts.
//
// One permissive schema reads three shapes into one ContainerSpec:
//  - GET /containers/{id}/json (Config + HostConfig + engine-resolved Mounts + NetworkSettings),
//  - POST /containers/create bodies (Config fields at top level, HostConfig nested),
// across engine generations: 1.41 (Docker 20.10) reports PidsLimit null or -1, CapAdd/SecurityOpt/Ulimits
// null, NetworkSettings.IPAddress; 1.44+ adds HostConfig.Annotations, Networks.*.DNSNames, and 1.52 drops
// the deprecated top-level NetworkSettings addresses. A field that is missing or has an unexpected type
// falls back to its default; nothing here throws on odd input.
import { looseObject, z } from '../../core/schema.js';
import type {
  ContainerFacts,
  ContainerSpec,
  DeviceSpec,
  ExecFact,
  HealthcheckSpec,
  MountSpec,
  PortBinding,
  ThrottleDevice,
  UlimitSpec,
} from '../../facts/container.js';

export interface InspectExtras {
  /** /containers/{id}/top result, for running containers. */
  top?: { Titles?: string[]; Processes?: string[][] };
  /** /exec/{id}/json results for the container's ExecIDs. */
  execs?: unknown[];
  /** The image's inspect JSON (for its default user and healthcheck). */
  image?: unknown;
}

// ---- permissive field schemas: wrong type or null -> undefined, never an exception ----
const optStr = z.string().optional().catch(undefined);
const optNum = z.number().optional().catch(undefined);
const optBool = z.boolean().optional().catch(undefined);
const nullableNum = z.number().nullable().optional().catch(undefined);
const strList = z.array(z.unknown()).optional().catch(undefined);
/** Engine "strslice": a JSON array or a single string (create bodies accept both). */
const strSlice = z
  .union([z.array(z.unknown()), z.string()])
  .optional()
  .catch(undefined);
const anyRecord = z.record(z.string(), z.unknown()).optional().catch(undefined);
const anyObject = looseObject({}).optional().catch(undefined);

const HealthcheckSchema = looseObject({
  Test: strSlice,
  Interval: optNum,
  Timeout: optNum,
  Retries: optNum,
})
  .optional()
  .catch(undefined);

const ConfigSchema = looseObject({
  User: optStr,
  Env: strList,
  Cmd: strSlice,
  Entrypoint: strSlice,
  WorkingDir: optStr,
  Image: optStr,
  Labels: anyRecord,
  ExposedPorts: anyRecord,
  Healthcheck: HealthcheckSchema,
});

const HostConfigSchema = looseObject({
  Binds: strList,
  Mounts: strList,
  Tmpfs: anyRecord,
  LogConfig: looseObject({ Type: optStr, Config: anyRecord }).optional().catch(undefined),
  NetworkMode: optStr,
  PortBindings: anyRecord,
  PublishAllPorts: optBool,
  RestartPolicy: looseObject({ Name: optStr, MaximumRetryCount: optNum }).optional().catch(undefined),
  CapAdd: strList,
  CapDrop: strList,
  SecurityOpt: strList,
  Privileged: optBool,
  ReadonlyRootfs: optBool,
  PidMode: optStr,
  IpcMode: optStr,
  UTSMode: optStr,
  UsernsMode: optStr,
  CgroupnsMode: optStr,
  CgroupParent: optStr,
  Devices: strList,
  DeviceCgroupRules: strList,
  Sysctls: anyRecord,
  Ulimits: strList,
  Memory: optNum,
  MemorySwap: optNum,
  NanoCpus: optNum,
  CpuShares: optNum,
  CpuQuota: optNum,
  CpuPeriod: optNum,
  CpusetCpus: optStr,
  PidsLimit: nullableNum,
  BlkioWeight: optNum,
  BlkioDeviceReadBps: strList,
  BlkioDeviceWriteBps: strList,
  BlkioDeviceReadIOps: strList,
  BlkioDeviceWriteIOps: strList,
});

const InspectSchema = looseObject({
  Id: optStr,
  Name: optStr,
  Image: optStr,
  Created: optStr,
  RestartCount: optNum,
  AppArmorProfile: optStr,
  ExecIDs: strList,
  State: looseObject({
    Status: optStr,
    Running: optBool,
    Paused: optBool,
    Restarting: optBool,
    StartedAt: optStr,
  })
    .optional()
    .catch(undefined),
  Config: anyObject,
  HostConfig: anyObject,
  Mounts: strList,
  NetworkSettings: looseObject({ Ports: anyRecord, Networks: anyRecord }).optional().catch(undefined),
});

type Config = z.infer<typeof ConfigSchema>;
type HostConfig = z.infer<typeof HostConfigSchema>;

const parseOr = <S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  fallback: NoInfer<z.output<S>>,
): z.output<S> => {
  const r = schema.safeParse(value);
  return r.success ? r.data : fallback;
};

const asObject = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const asNumber = (v: unknown): number => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
};
const strings = (v: readonly unknown[] | undefined): string[] =>
  (v ?? []).filter((x): x is string => typeof x === 'string');
const slice = (v: readonly unknown[] | string | undefined): string[] =>
  typeof v === 'string' ? (v === '' ? [] : [v]) : strings(v);
const stringRecord = (v: Record<string, unknown> | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v ?? {})) if (typeof val === 'string') out[k] = val;
  return out;
};

// ---- mounts ----
const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);
const MOUNT_TYPES = new Set<MountSpec['type']>(['bind', 'volume', 'tmpfs', 'npipe', 'image', 'cluster']);
const mountType = (v: unknown, fallback: MountSpec['type']): MountSpec['type'] => {
  const s = asString(v).toLowerCase();
  return MOUNT_TYPES.has(s as MountSpec['type']) ? (s as MountSpec['type']) : fallback;
};

/** Legacy `-v` syntax: "src:dst[:opts]" where opts is a comma list (ro, rw, z, Z, rshared, nocopy...). */
export function parseBind(bind: string): MountSpec | undefined {
  const parts = bind.split(':');
  if (parts.length === 0 || bind === '') return undefined;
  let source = '';
  let destination = '';
  let opts = '';
  if (parts.length === 1) {
    destination = parts[0] ?? '';
  } else {
    source = parts[0] ?? '';
    destination = parts[1] ?? '';
    opts = parts.slice(2).join(':');
  }
  if (destination === '') return undefined;
  const flags = opts === '' ? [] : opts.split(',');
  const propagation = flags.find((f) => PROPAGATIONS.has(f)) ?? '';
  const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  return {
    type: source === '' || !isPath ? 'volume' : 'bind',
    source,
    destination,
    readOnly: flags.includes('ro'),
    propagation,
  };
}

/** HostConfig.Mounts long form: {Type, Source, Target, ReadOnly, BindOptions: {Propagation}}. */
function parseLongMount(m: unknown): MountSpec | undefined {
  const o = asObject(m);
  const destination = asString(o.Target) || asString(o.Destination);
  if (destination === '') return undefined;
  const bindOptions = asObject(o.BindOptions);
  const propagation = asString(bindOptions.Propagation);
  return {
    type: mountType(o.Type, 'volume'),
    source: asString(o.Source),
    destination,
    readOnly: o.ReadOnly === true,
    propagation: PROPAGATIONS.has(propagation) ? propagation : '',
  };
}

/** Top-level Mounts (engine resolved): {Type, Name?, Source, Destination, RW, Propagation?}. */
function parseResolvedMount(m: unknown): MountSpec | undefined {
  const o = asObject(m);
  const destination = asString(o.Destination);
  if (destination === '') return undefined;
  const type = mountType(o.Type, 'bind');
  const propagation = asString(o.Propagation);
  return {
    type,
    // Volumes are named by their volume name; their Source is the engine's data directory.
    source: type === 'volume' && asString(o.Name) !== '' ? asString(o.Name) : asString(o.Source),
    destination,
    readOnly: o.RW === false,
    propagation: PROPAGATIONS.has(propagation) ? propagation : '',
  };
}

/** Merges the three places a mount may be declared, keyed on destination (one mount per target). */
function mergeMounts(
  binds: readonly unknown[] | undefined,
  longForm: readonly unknown[] | undefined,
  tmpfs: Record<string, unknown> | undefined,
  resolved: readonly unknown[] | undefined,
): MountSpec[] {
  const byDest = new Map<string, MountSpec>();
  const add = (m: MountSpec | undefined): void => {
    if (!m) return;
    const key = m.destination.replace(/\/+$/, '') || '/';
    const prev = byDest.get(key);
    if (!prev) {
      byDest.set(key, m);
      return;
    }
    // Later (more resolved) sources win, but keep what only the declaration knew.
    byDest.set(key, {
      type: m.type,
      source: m.source || prev.source,
      destination: m.destination,
      readOnly: m.readOnly || prev.readOnly,
      propagation: m.propagation || prev.propagation,
    });
  };
  for (const b of strings(binds)) add(parseBind(b));
  for (const m of longForm ?? []) add(parseLongMount(m));
  for (const [dest, opts] of Object.entries(tmpfs ?? {})) {
    add({
      type: 'tmpfs',
      source: '',
      destination: dest,
      readOnly: asString(opts).split(',').includes('ro'),
      propagation: '',
    });
  }
  for (const m of resolved ?? []) add(parseResolvedMount(m));
  return [...byDest.values()];
}

// ---- ports ----
const parsePortKey = (key: string): { port: number; protocol: PortBinding['protocol'] } | undefined => {
  const [p, proto = 'tcp'] = key.split('/');
  const port = Number(p);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const protocol = proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
  return { port, protocol };
};

/** PortBindings (declared; HostIp '' = every address) and NetworkSettings.Ports (actual, per family). */
function mergePorts(
  declared: Record<string, unknown> | undefined,
  actual: Record<string, unknown> | undefined,
): PortBinding[] {
  const out: PortBinding[] = [];
  const seen = new Set<string>();
  const keys = new Set([...Object.keys(declared ?? {}), ...Object.keys(actual ?? {})]);
  for (const key of keys) {
    const parsed = parsePortKey(key);
    if (!parsed) continue;
    const act = actual?.[key];
    // The engine's view is authoritative when it has one (running containers); else the declaration.
    const list = Array.isArray(act) && act.length > 0 ? act : declared?.[key];
    if (!Array.isArray(list)) continue;
    for (const b of list) {
      const o = asObject(b);
      const binding: PortBinding = {
        containerPort: parsed.port,
        protocol: parsed.protocol,
        hostIp: asString(o.HostIp),
        hostPort: asNumber(o.HostPort),
      };
      const id = `${binding.containerPort}/${binding.protocol}/${binding.hostIp}/${binding.hostPort}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(binding);
    }
  }
  return out;
}

const throttle = (v: readonly unknown[] | undefined): ThrottleDevice[] =>
  (v ?? []).map(asObject).map((o) => ({ path: asString(o.Path), rate: asNumber(o.Rate) }));

const devices = (v: readonly unknown[] | undefined): DeviceSpec[] =>
  (v ?? []).map(asObject).map((o) => ({
    pathOnHost: asString(o.PathOnHost),
    pathInContainer: asString(o.PathInContainer),
    permissions: asString(o.CgroupPermissions),
  }));

const ulimits = (v: readonly unknown[] | undefined): UlimitSpec[] =>
  (v ?? [])
    .map(asObject)
    .map((o) => ({ name: asString(o.Name), soft: asNumber(o.Soft), hard: asNumber(o.Hard) }));

export function healthcheckFrom(v: unknown): HealthcheckSpec | undefined {
  const h = parseOr(HealthcheckSchema.optional(), v, undefined);
  if (!h) return undefined;
  const test = slice(h.Test);
  if (test.length === 0) return undefined; // {} or Test [] = inherit: not a healthcheck of its own
  return {
    test,
    ...(h.Interval !== undefined ? { intervalNs: h.Interval } : {}),
    ...(h.Timeout !== undefined ? { timeoutNs: h.Timeout } : {}),
    ...(h.Retries !== undefined ? { retries: h.Retries } : {}),
  };
}

/** Normalises a container create/inspect body's Config+HostConfig into the shared spec. */
export function specFromInspect(inspect: unknown): ContainerSpec {
  const raw = asObject(inspect);
  const top = parseOr(InspectSchema, raw, {});
  // Inspect bodies nest Config; create bodies carry the Config fields at the top level.
  const isInspect = top.Config !== undefined;
  const config: Config = parseOr(ConfigSchema, isInspect ? top.Config : raw, {});
  const hc: HostConfig = parseOr(HostConfigSchema, top.HostConfig ?? {}, {});
  const networkMode = hc.NetworkMode ?? '';
  const healthcheck = healthcheckFrom(config.Healthcheck);
  const name = (top.Name ?? '').replace(/^\//, '');
  const imageId = isInspect ? top.Image : undefined;
  return {
    source: isInspect ? 'engine' : 'authz',
    ...(top.Id ? { id: top.Id } : {}),
    name,
    image: config.Image ?? (isInspect ? '' : (top.Image ?? '')),
    ...(imageId ? { imageId } : {}),
    labels: stringRecord(config.Labels),
    user: config.User ?? '',
    env: strings(config.Env),
    cmd: slice(config.Cmd),
    entrypoint: slice(config.Entrypoint),
    workingDir: config.WorkingDir ?? '',
    ...(healthcheck ? { healthcheck } : {}),
    exposedPorts: Object.keys(config.ExposedPorts ?? {}),

    privileged: hc.Privileged ?? false,
    capAdd: strings(hc.CapAdd),
    capDrop: strings(hc.CapDrop),
    securityOpt: strings(hc.SecurityOpt),
    readonlyRootfs: hc.ReadonlyRootfs ?? false,
    networkMode: networkMode === 'default' ? '' : networkMode,
    pidMode: hc.PidMode ?? '',
    ipcMode: hc.IpcMode ?? '',
    utsMode: hc.UTSMode ?? '',
    usernsMode: hc.UsernsMode ?? '',
    cgroupnsMode: hc.CgroupnsMode ?? '',
    cgroupParent: hc.CgroupParent ?? '',
    mounts: mergeMounts(hc.Binds, hc.Mounts, hc.Tmpfs, top.Mounts),
    devices: devices(hc.Devices),
    deviceCgroupRules: strings(hc.DeviceCgroupRules),
    portBindings: mergePorts(hc.PortBindings, top.NetworkSettings?.Ports),
    publishAllPorts: hc.PublishAllPorts ?? false,
    sysctls: stringRecord(hc.Sysctls),
    ulimits: ulimits(hc.Ulimits),

    memory: hc.Memory ?? 0,
    memorySwap: hc.MemorySwap ?? 0,
    nanoCpus: hc.NanoCpus ?? 0,
    cpuShares: hc.CpuShares ?? 0,
    cpuQuota: hc.CpuQuota ?? 0,
    cpuPeriod: hc.CpuPeriod ?? 0,
    cpusetCpus: hc.CpusetCpus ?? '',
    pidsLimit: hc.PidsLimit ?? null,
    blkioWeight: hc.BlkioWeight ?? 0,
    blkioDeviceReadBps: throttle(hc.BlkioDeviceReadBps),
    blkioDeviceWriteBps: throttle(hc.BlkioDeviceWriteBps),
    blkioDeviceReadIOps: throttle(hc.BlkioDeviceReadIOps),
    blkioDeviceWriteIOps: throttle(hc.BlkioDeviceWriteIOps),

    restartPolicy: {
      name: hc.RestartPolicy?.Name ?? '',
      maximumRetryCount: hc.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    logConfig: { type: hc.LogConfig?.Type ?? '', config: stringRecord(hc.LogConfig?.Config) },
  };
}

const ZERO_TIME = /^0001-01-01T/;

function stateOf(s: {
  Status?: string | undefined;
  Running?: boolean | undefined;
  Paused?: boolean | undefined;
  Restarting?: boolean | undefined;
}): string {
  if (s.Status) return s.Status;
  // Very old bodies carry only booleans.
  if (s.Restarting) return 'restarting';
  if (s.Paused) return 'paused';
  if (s.Running) return 'running';
  return 'unknown';
}

function processesFrom(top: InspectExtras['top']): ContainerFacts['processes'] {
  if (!top || !Array.isArray(top.Titles) || !Array.isArray(top.Processes)) return undefined;
  const titles = top.Titles.map((t) => asString(t).toUpperCase());
  const col = (...names: string[]): number => titles.findIndex((t) => names.includes(t));
  const user = col('UID', 'USER');
  const pid = col('PID');
  const cmd = col('CMD', 'COMMAND', 'ARGS');
  return top.Processes.filter(Array.isArray).map((row) => ({
    user: user >= 0 ? asString(row[user]) : '',
    pid: pid >= 0 ? asString(row[pid]) : '',
    command: cmd >= 0 ? asString(row[cmd]) : '',
  }));
}

export function containerFromInspect(inspect: unknown, extras: InspectExtras = {}): ContainerFacts {
  const top = parseOr(InspectSchema, asObject(inspect), {});
  const spec = specFromInspect(inspect);
  const state = top.State ?? {};
  const processes = processesFrom(extras.top);
  const imageConfig = asObject(asObject(extras.image).Config);
  const imageHealthcheck = extras.image !== undefined ? healthcheckFrom(imageConfig.Healthcheck) : undefined;
  const startedAt = state.StartedAt && !ZERO_TIME.test(state.StartedAt) ? state.StartedAt : undefined;
  return {
    spec,
    id: top.Id ?? '',
    name: spec.name,
    state: stateOf(state),
    ...(top.Created ? { createdAt: top.Created } : {}),
    ...(startedAt ? { startedAt } : {}),
    restartCount: top.RestartCount ?? 0,
    appArmorProfile: top.AppArmorProfile ?? '',
    networks: Object.entries(top.NetworkSettings?.Networks ?? {})
      .filter(([, v]) => v !== null && typeof v === 'object')
      .map(([k]) => k),
    ...(processes ? { processes } : {}),
    ...(extras.execs ? { execs: extras.execs.map(execFromInspect) } : {}),
    ...(extras.image !== undefined ? { imageUser: asString(imageConfig.User) } : {}),
    ...(imageHealthcheck ? { imageHealthcheck } : {}),
  };
}

const ExecSchema = looseObject({
  ID: optStr,
  Running: optBool,
  ProcessConfig: looseObject({
    entrypoint: optStr,
    arguments: strList,
    privileged: optBool,
    user: optStr,
  })
    .optional()
    .catch(undefined),
});

export function execFromInspect(exec: unknown): ExecFact {
  const e = parseOr(ExecSchema, asObject(exec), {});
  const pc = e.ProcessConfig ?? {};
  return {
    id: e.ID ?? '',
    privileged: pc.privileged ?? false,
    user: pc.user ?? '',
    command: [...(pc.entrypoint ? [pc.entrypoint] : []), ...strings(pc.arguments)],
    running: e.Running ?? false,
  };
}
