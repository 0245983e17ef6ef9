// Facts about the host, read under a configurable root (so tests can use a fake root).

export interface FileFact {
  /** Path as seen on the host (not prefixed with the collector's root). */
  path: string;
  exists: boolean;
  type?: 'file' | 'dir' | 'socket' | 'symlink' | 'other';
  /** Permission bits only (e.g. 0o644). */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Names resolved from the root's /etc/passwd and /etc/group. */
  user?: string;
  group?: string;
  /** Set when stat failed for a reason other than "does not exist". */
  error?: string;
}

export interface MountFact {
  source: string;
  target: string;
  fstype: string;
  options: string[];
}

export interface ListenerFact {
  protocol: 'tcp' | 'tcp6';
  address: string;
  port: number;
  /** Socket inode, used to attribute a listener to a process. */
  inode?: number;
  /** Process owning the socket, when it could be attributed. */
  pid?: number;
  process?: string;
}

export interface ProcessFact {
  pid: number;
  /** Executable name (basename of argv[0] or /proc/PID/comm). */
  name: string;
  argv: string[];
  uid?: number;
}

export interface FirewallChain {
  table: string;
  name: string;
  /** Policy for built-in chains (ACCEPT/DROP), '-' for user chains. */
  policy: string;
  /** nftables base chains: the netfilter hook (input, forward, output, prerouting, postrouting). */
  hook?: string;
  rules: string[];
}

export interface FirewallFact {
  backend: 'iptables' | 'nftables' | 'none';
  /** Raw source text, for evidence. */
  source: string;
  chains: FirewallChain[];
}

export interface AuditFact {
  /** Where the rules came from: `auditctl -l` (loaded) or rule files. */
  source: 'auditctl' | 'files';
  rules: string[];
}

export interface DpkgPackage {
  name: string;
  version: string;
  source?: string;
  status: string;
}

export interface GroupFact {
  name: string;
  gid: number;
  members: string[];
}

export interface HostFacts {
  /** The root directory facts were read under ('/' on a live host). */
  root: string;
  hostname?: string;
  /** `uname -r` (from /proc/sys/kernel/osrelease under the root). */
  kernelRelease?: string;
  /** /etc/os-release key/values. */
  osRelease: Record<string, string>;
  /** Stat results for every Docker-related path the checks look at, keyed by host path. */
  files: Record<string, FileFact>;
  /** Mount table (/proc/mounts). */
  mounts: MountFact[];
  /** Audit rules, undefined when neither auditctl nor rule files were readable. */
  audit?: AuditFact;
  /** systemd unit fragments found for docker.service/docker.socket/containerd.service: unit -> path. */
  units: Record<string, string>;
  /** TCP listeners from /proc/net/tcp{,6}. */
  listeners: ListenerFact[];
  /** Processes of interest: dockerd, containerd, and anything else the checks need. */
  processes: ProcessFact[];
  /** undefined = firewall state unreadable (no iptables-save/nft, or not root). */
  firewall?: FirewallFact;
  /** /etc/docker/daemon.json: raw text and parse result. */
  daemonJson?: { path: string; raw: string; parsed?: Record<string, unknown>; error?: string };
  /** Files such as /etc/default/docker and /etc/sysconfig/docker: path -> content. */
  envFiles: Record<string, string>;
  /** dpkg status entries for docker/containerd/runc/kernel packages. */
  packages: DpkgPackage[];
  groups: GroupFact[];
  /** Selected sysctls: key (e.g. net.ipv4.ip_forward) -> value. */
  sysctls: Record<string, string>;
  /** 1 or 2 when known. */
  cgroupVersion?: 1 | 2;
  /** Environment of the auditing process that matters (DOCKER_CONTENT_TRUST, DOCKER_HOST). */
  env: Record<string, string>;
  /** Per-part collection errors (part -> message), so checks can say why a fact is missing. */
  errors: Record<string, string>;
}
