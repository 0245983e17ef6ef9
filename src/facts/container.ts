// One normalised container spec: an engine container (inspect JSON), a compose service and an
// authorization request's create body all become this type, so one container check judges all three.

export interface MountSpec {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'image' | 'cluster';
  /** Host path for binds; volume name for volumes. */
  source: string;
  destination: string;
  readOnly: boolean;
  /** rprivate, private, rshared, shared, rslave, slave, or '' when unset. */
  propagation: string;
}

export interface PortBinding {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** '' means every address (the engine's default), like 0.0.0.0 and ::. */
  hostIp: string;
  /** 0 when the engine picks an ephemeral port. */
  hostPort: number;
}

export interface DeviceSpec {
  pathOnHost: string;
  pathInContainer: string;
  permissions: string;
}

export interface ThrottleDevice {
  path: string;
  rate: number;
}

export interface UlimitSpec {
  name: string;
  soft: number;
  hard: number;
}

export interface HealthcheckSpec {
  /** ['NONE'] disables; ['CMD', ...] / ['CMD-SHELL', '...'] */
  test: string[];
  intervalNs?: number;
  timeoutNs?: number;
  retries?: number;
}

export interface ContainerSpec {
  source: 'engine' | 'compose' | 'authz';
  id?: string;
  /** Container name without the leading slash, or the compose service name. */
  name: string;
  image: string;
  imageId?: string;
  labels: Record<string, string>;
  /** Config.User as given ('' = image default). */
  user: string;
  env: string[];
  /** Build arguments ("NAME=value") of a compose service's `build.args`; absent for engine containers. */
  buildArgs?: string[];
  cmd: string[];
  entrypoint: string[];
  workingDir: string;
  healthcheck?: HealthcheckSpec;
  exposedPorts: string[];

  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  /** Raw HostConfig.SecurityOpt entries. */
  securityOpt: string[];
  readonlyRootfs: boolean;
  /** '' = default bridge; host, none, container:<id>, <network name> */
  networkMode: string;
  pidMode: string;
  ipcMode: string;
  utsMode: string;
  usernsMode: string;
  cgroupnsMode: string;
  cgroupParent: string;
  mounts: MountSpec[];
  devices: DeviceSpec[];
  deviceCgroupRules: string[];
  portBindings: PortBinding[];
  publishAllPorts: boolean;
  sysctls: Record<string, string>;
  ulimits: UlimitSpec[];

  /** Bytes; 0 = unlimited. */
  memory: number;
  memorySwap: number;
  nanoCpus: number;
  cpuShares: number;
  cpuQuota: number;
  cpuPeriod: number;
  cpusetCpus: string;
  /** null/0/-1 = unlimited (engines differ). */
  pidsLimit: number | null;
  blkioWeight: number;
  blkioDeviceReadBps: ThrottleDevice[];
  blkioDeviceWriteBps: ThrottleDevice[];
  blkioDeviceReadIOps: ThrottleDevice[];
  blkioDeviceWriteIOps: ThrottleDevice[];

  restartPolicy: { name: string; maximumRetryCount: number };
  logConfig: { type: string; config: Record<string, string> };
}

export interface ExecFact {
  id: string;
  privileged: boolean;
  user: string;
  command: string[];
  running: boolean;
}

/** A container as the engine sees it: its spec plus runtime state. */
export interface ContainerFacts {
  spec: ContainerSpec;
  id: string;
  name: string;
  /** created | running | paused | restarting | removing | exited | dead */
  state: string;
  createdAt?: string;
  startedAt?: string;
  restartCount: number;
  /** The effective AppArmor profile the engine applied ('' when none). */
  appArmorProfile: string;
  /** Engine-resolved mounts (with RW and Propagation), already folded into spec.mounts. */
  /** Network names the container is attached to. */
  networks: string[];
  /** Processes from /containers/{id}/top (running containers only; undefined when unavailable). */
  processes?: { user: string; pid: string; command: string }[];
  /** Exec sessions still known to the engine (5.23/5.24). */
  execs?: ExecFact[];
  /** Default user of the image (Config.User of the image) when known. */
  imageUser?: string;
  /** Healthcheck inherited from the image, when the container sets none. */
  imageHealthcheck?: HealthcheckSpec;
}
