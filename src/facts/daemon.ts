// Facts about the Docker daemon, normalised across Engine API 1.41 to 1.5x.

export interface ComponentVersion {
  name: string;
  version: string;
  details: Record<string, string>;
}

export interface VersionFact {
  version: string;
  apiVersion: string;
  minApiVersion?: string;
  gitCommit?: string;
  goVersion?: string;
  os?: string;
  arch?: string;
  kernelVersion?: string;
  components: ComponentVersion[];
}

export interface SecurityOption {
  /** e.g. apparmor, seccomp, selinux, userns, rootless, no-new-privileges, cgroupns */
  name: string;
  /** e.g. { profile: 'default' } for seccomp. */
  params: Record<string, string>;
}

export interface SwarmInfo {
  /** inactive | pending | active | error | locked */
  localNodeState: string;
  nodeId?: string;
  controlAvailable: boolean;
  managers?: number;
  nodes?: number;
}

export interface InfoFact {
  name?: string;
  id?: string;
  serverVersion?: string;
  operatingSystem?: string;
  osType?: string;
  kernelVersion?: string;
  driver?: string;
  driverStatus: [string, string][];
  loggingDriver?: string;
  cgroupDriver?: string;
  cgroupVersion?: string;
  dockerRootDir?: string;
  liveRestoreEnabled?: boolean;
  experimentalBuild?: boolean;
  debug?: boolean;
  securityOptions: SecurityOption[];
  insecureRegistryCIDRs: string[];
  /** Registries marked insecure (IndexConfigs[*].Secure === false), including the default loopback entries. */
  insecureRegistries: string[];
  authorizationPlugins: string[];
  runtimes: string[];
  defaultRuntime?: string;
  runcCommit?: string;
  containerdCommit?: string;
  initCommit?: string;
  containers?: number;
  containersRunning?: number;
  images?: number;
  swarm: SwarmInfo;
  warnings: string[];
  /** Default address pools, http proxy etc. are not needed by checks yet. */
  rootless: boolean;
  userns: boolean;
}

export interface SwarmFact {
  /** /swarm inspect (managers only). */
  autoLockManagers?: boolean;
  /** Swarm CA: certificate expiry/rotation settings. */
  nodeCertExpiryNs?: number;
  caRootRotationInProgress?: boolean;
  /** Validity of the swarm root CA certificate (TLSInfo.TrustRoot), ISO 8601; notBefore = its last (re)issue. */
  caCertificate?: { notBefore: string; notAfter: string };
  createdAt?: string;
  updatedAt?: string;
  nodes: { id: string; hostname?: string; role: string; managerReachability?: string; addr?: string }[];
  services: {
    id: string;
    name: string;
    ports: { targetPort?: number; publishedPort?: number; protocol?: string; publishMode?: string }[];
    secrets: string[];
    env: string[];
  }[];
  secrets: { id: string; name: string }[];
  /** Swarm listen/advertise and data-path addresses, from /info.Swarm and /swarm. */
  listenAddr?: string;
  advertiseAddr?: string;
  dataPathAddr?: string;
  /** Addresses of manager nodes the local node knows (RemoteManagers). */
  remoteManagers: string[];
}

export interface ConnectionFact {
  /** What bulkhead connected to, e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2376. */
  endpoint: string;
  protocol: 'unix' | 'tcp' | 'ssh' | 'npipe';
  tls: boolean;
  /** API version negotiated with the daemon. */
  apiVersion: string;
}

export interface DaemonFacts {
  connection: ConnectionFact;
  version: VersionFact;
  info: InfoFact;
  /** Options of the default bridge network (`com.docker.network.bridge.*`), the effective icc etc. */
  defaultBridgeOptions?: Record<string, string>;
}
