// The daemon's effective file locations (data root, TLS files, sockets), from the running dockerd's
// command line and daemon.json. Pure, so the collector (to know what to stat) and the checks (to know
// which file a control names) agree.
import { parseDockerdArgv } from '../../analysis/dockerd-argv.js';
import type { ProcessFact } from '../../facts/host.js';

export interface DockerdFlags {
  hosts: string[];
  dataRoot?: string;
  configFile?: string;
  tls?: boolean;
  tlsverify?: boolean;
  tlscacert?: string;
  tlscert?: string;
  tlskey?: string;
  /** --containerd: the containerd socket of a system containerd. */
  containerd?: string;
  execRoot?: string;
}

/** The location flags of a dockerd command line (pflag syntax, parsed by the shared argv parser). */
export function parseDockerdArgs(argv: readonly string[]): DockerdFlags {
  const { flags } = parseDockerdArgv(argv);
  const last = (name: string): string | undefined => flags[name]?.at(-1);
  // pflag accepts only true/false spellings; the parser keeps other values as given, which dockerd would
  // reject, so anything but 'false' reads as on.
  const bool = (name: string): boolean | undefined => {
    const v = last(name);
    return v === undefined ? undefined : v !== 'false';
  };
  const out: DockerdFlags = { hosts: (flags.host ?? []).filter((h) => h !== '') };
  const set = <K extends keyof DockerdFlags>(key: K, value: DockerdFlags[K] | undefined): void => {
    if (value !== undefined && value !== '') out[key] = value;
  };
  set('dataRoot', last('data-root') ?? last('graph'));
  set('configFile', last('config-file'));
  set('tls', bool('tls'));
  set('tlsverify', bool('tlsverify'));
  set('tlscacert', last('tlscacert'));
  set('tlscert', last('tlscert'));
  set('tlskey', last('tlskey'));
  set('containerd', last('containerd'));
  set('execRoot', last('exec-root'));
  return out;
}

/** The dockerd process to trust: root's, else the first one. */
/**
 * With several dockerd processes on one host (a system daemon and a rootless or test one), keeps only the
 * one serving `socket` (its -H flags, or the default socket when it has none), so every fact read from
 * "the" dockerd describes the daemon being audited. Unchanged when none or only one matches nothing.
 */
export function keepDockerdServing<T extends ProcessFact>(processes: readonly T[], socket: string): T[] {
  const path = socket.replace(/^unix:\/\//, '');
  const serves = (p: T): boolean => {
    const hosts = parseDockerdArgs(p.argv).hosts;
    const unix =
      hosts.length === 0
        ? [DEFAULT_SOCKET]
        : // fd:// is systemd socket activation: docker.socket's ListenStream, the default socket.
          hosts.flatMap((h) =>
            h.startsWith('fd://')
              ? [DEFAULT_SOCKET]
              : h.startsWith('unix://') || h.startsWith('/')
                ? [h]
                : [],
          );
    return unix.some(
      (h) => h.replace(/^unix:\/\//, '') === path || (h === 'unix://' && path === DEFAULT_SOCKET),
    );
  };
  const dockerds = processes.filter((p) => p.name === 'dockerd');
  const serving = dockerds.filter(serves);
  if (dockerds.length < 2 || serving.length === 0) return [...processes];
  return processes.filter((p) => p.name !== 'dockerd' || serving.includes(p));
}

export function findDockerd(processes: readonly ProcessFact[]): ProcessFact | undefined {
  const all = processes.filter((p) => p.name === 'dockerd');
  return all.find((p) => p.uid === 0) ?? all[0];
}

export const DEFAULT_DATA_ROOT = '/var/lib/docker';
export const DEFAULT_SOCKET = '/var/run/docker.sock';
export const DEFAULT_DAEMON_JSON = '/etc/docker/daemon.json';
export const DEFAULT_CONTAINERD_SOCKET = '/run/containerd/containerd.sock';
export const DEFAULT_EXEC_ROOT = '/var/run/docker';
/** dockerd defaults its TLS files to $DOCKER_CERT_PATH or ~/.docker of the user it runs as (root). */
export const DEFAULT_CERT_DIR = '/root/.docker';

export interface Located {
  path: string;
  /** Where the value came from, for evidence: `dockerd --data-root`, `daemon.json "data-root"`, `default`. */
  source: string;
}

export interface TlsFiles {
  /** TLS is on when --tls/--tlsverify (or their daemon.json keys) are true or a cert/key is named. */
  enabled: boolean;
  verify: boolean;
  ca?: Located;
  cert?: Located;
  key?: Located;
}

export interface EffectiveDockerd {
  flags: DockerdFlags;
  /** True when a dockerd process was found. */
  running: boolean;
  configFile: string;
  dataRoot: Located;
  hosts: string[];
  tls: TlsFiles;
  /** Unix socket paths the daemon listens on (default /var/run/docker.sock for fd:// or no -H). */
  sockets: Located[];
  /**
   * containerd sockets the daemon may use: --containerd (or daemon.json "containerd"), the system default
   * /run/containerd/containerd.sock, and the one dockerd starts itself under <exec-root>/containerd.
   */
  containerdSockets: Located[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export interface EffectiveInput {
  processes: readonly ProcessFact[];
  daemonJson?: Record<string, unknown> | undefined;
  /** DockerRootDir from the daemon's /info, which wins when known. */
  dockerRootDir?: string | undefined;
}

export function effectiveDockerd(input: EffectiveInput): EffectiveDockerd {
  const proc = findDockerd(input.processes);
  const flags = proc ? parseDockerdArgs(proc.argv) : { hosts: [] };
  const dj = input.daemonJson ?? {};

  let dataRoot: Located;
  if (input.dockerRootDir) dataRoot = { path: input.dockerRootDir, source: 'daemon info DockerRootDir' };
  else if (flags.dataRoot) dataRoot = { path: flags.dataRoot, source: 'dockerd --data-root' };
  else if (str(dj['data-root']))
    dataRoot = { path: str(dj['data-root'])!, source: 'daemon.json "data-root"' };
  else if (str(dj.graph)) dataRoot = { path: str(dj.graph)!, source: 'daemon.json "graph"' };
  else dataRoot = { path: DEFAULT_DATA_ROOT, source: 'default' };

  const hosts = [
    ...flags.hosts,
    ...(Array.isArray(dj.hosts) ? dj.hosts.filter((h): h is string => typeof h === 'string') : []),
  ];

  const tlsverify = flags.tlsverify ?? bool(dj.tlsverify) ?? false;
  const pick = (flag: keyof DockerdFlags, key: string, file: string): Located | undefined => {
    const f = flags[flag];
    if (typeof f === 'string' && f !== '') return { path: f, source: `dockerd --${flag}` };
    const j = str(dj[key]);
    if (j) return { path: j, source: `daemon.json "${key}"` };
    return { path: `${DEFAULT_CERT_DIR}/${file}`, source: `default (${DEFAULT_CERT_DIR})` };
  };
  const named =
    flags.tlscacert !== undefined ||
    flags.tlscert !== undefined ||
    flags.tlskey !== undefined ||
    str(dj.tlscacert) !== undefined ||
    str(dj.tlscert) !== undefined ||
    str(dj.tlskey) !== undefined;
  const enabled = tlsverify || (flags.tls ?? bool(dj.tls) ?? false) || named;
  const tls: TlsFiles = { enabled, verify: tlsverify };
  if (enabled) {
    const cert = pick('tlscert', 'tlscert', 'cert.pem');
    const key = pick('tlskey', 'tlskey', 'key.pem');
    if (cert) tls.cert = cert;
    if (key) tls.key = key;
    // the CA only matters when client certificates are verified, or when one is named explicitly
    const explicitCa = flags.tlscacert ?? str(dj.tlscacert);
    if (tlsverify || explicitCa) {
      const ca = pick('tlscacert', 'tlscacert', 'ca.pem');
      if (ca) tls.ca = ca;
    }
  }

  const sockets: Located[] = [];
  for (const h of hosts) {
    const m = /^unix:\/\/(.*)$/.exec(h);
    if (m) sockets.push({ path: m[1] || DEFAULT_SOCKET, source: `dockerd host ${h}` });
  }
  if (sockets.length === 0 && (hosts.length === 0 || hosts.some((h) => h.startsWith('fd://')))) {
    sockets.push({ path: DEFAULT_SOCKET, source: 'default' });
  }

  const containerdSockets: Located[] = [];
  const ctrd = flags.containerd ?? str(dj.containerd);
  if (ctrd)
    containerdSockets.push({
      path: ctrd.replace(/^unix:\/\//, ''),
      source: flags.containerd ? 'dockerd --containerd' : 'daemon.json "containerd"',
    });
  containerdSockets.push({ path: DEFAULT_CONTAINERD_SOCKET, source: 'default' });
  if (!ctrd) {
    const execRoot = flags.execRoot ?? str(dj['exec-root']) ?? DEFAULT_EXEC_ROOT;
    containerdSockets.push({
      path: `${execRoot.replace(/\/+$/, '')}/containerd/containerd.sock`,
      source: 'containerd managed by dockerd',
    });
  }

  return {
    flags,
    running: proc !== undefined,
    configFile: flags.configFile ?? DEFAULT_DAEMON_JSON,
    dataRoot,
    hosts,
    tls,
    sockets,
    containerdSockets: containerdSockets.filter((c, i, all) => all.findIndex((x) => x.path === c.path) === i),
  };
}
