// Helpers (not checks): where the files a CIS control names live on this host.

import { type EffectiveDockerd, effectiveDockerd } from '../../collectors/host/dockerd-config.js';
import { BINARY_DIRS, UNIT_DIRS } from '../../collectors/host/paths.js';
import { notApplicable, type Outcome, unknown } from '../../core/model.js';
import type { HostFacts } from '../../facts/host.js';
import type { Snapshot } from '../../facts/snapshot.js';

/** Paths to judge, or the outcome to return when there is nothing to judge. */
export type Located = { paths: string[] } | { outcome: Outcome };

export const hostOrUnknown = (s: Snapshot): HostFacts | Outcome =>
  s.host ?? unknown(s.gaps.host ?? 'host facts were not collected');

export const isOutcome = (v: unknown): v is Outcome =>
  typeof v === 'object' &&
  v !== null &&
  'status' in v &&
  typeof (v as { status: unknown }).status === 'string';

/** The daemon's effective data root, TLS files and sockets (daemon info > dockerd flags > daemon.json > defaults). */
export const effective = (s: Snapshot, host: HostFacts): EffectiveDockerd =>
  effectiveDockerd({
    processes: host.processes,
    daemonJson: host.daemonJson?.parsed,
    dockerRootDir: s.daemon?.info.dockerRootDir,
  });

export const fixed =
  (...paths: string[]) =>
  (): Located => ({ paths });

export const unitPath =
  (unit: string) =>
  (_s: Snapshot, host: HostFacts): Located => {
    const p = host.units[unit];
    if (p) return { paths: [p] };
    if (host.errors.units) return { outcome: unknown(`systemd units were not read: ${host.errors.units}`) };
    return { outcome: notApplicable(`no ${unit} unit in ${UNIT_DIRS.join(', ')}`) };
  };

/** Every existing copy of a binary in /usr/bin, /usr/sbin, /usr/local/bin (plus the running dockerd's path). */
export const binaryPaths =
  (name: string) =>
  (_s: Snapshot, host: HostFacts): Located => {
    const candidates = new Set(BINARY_DIRS.map((d) => `${d}/${name}`));
    for (const p of host.processes) {
      const exe = p.argv[0];
      if (p.name === name && exe?.startsWith('/')) candidates.add(exe);
    }
    const known = [...candidates].filter((c) => host.files[c] !== undefined);
    if (known.length === 0)
      return { outcome: unknown(`${[...candidates].join(', ')} were not examined${filesError(host)}`) };
    const existing = known.filter((c) => host.files[c]?.exists || host.files[c]?.error);
    if (existing.length === 0)
      return { outcome: notApplicable(`${name} not found in ${BINARY_DIRS.join(', ')}`) };
    return { paths: existing };
  };

export const filesError = (host: HostFacts): string => (host.errors.files ? ` (${host.errors.files})` : '');

export const dataRootPath = (s: Snapshot, host: HostFacts): Located => ({
  paths: [effective(s, host).dataRoot.path],
});

export const daemonJsonPath = (s: Snapshot, host: HostFacts): Located => ({
  paths: [host.daemonJson?.path ?? effective(s, host).configFile],
});

/** Registry certificates: every file two levels under /etc/docker/certs.d. */
export const registryCertPaths = (_s: Snapshot, host: HostFacts): Located => {
  const root = '/etc/docker/certs.d';
  const certs = Object.values(host.files)
    .filter(
      (f) =>
        f.exists && f.path.startsWith(`${root}/`) && f.path.slice(root.length + 1).split('/').length === 2,
    )
    .map((f) => f.path)
    .sort();
  if (certs.length > 0) return { paths: certs };
  const dir = host.files[root];
  if (!dir) return { outcome: unknown(`${root} was not examined${filesError(host)}`) };
  return {
    outcome: notApplicable(dir.exists ? `no registry certificates under ${root}` : `${root} does not exist`),
  };
};

/** TLS files the daemon uses; not applicable when TLS is off. */
export const tlsPath =
  (which: 'ca' | 'cert' | 'key') =>
  (s: Snapshot, host: HostFacts): Located => {
    const eff = effective(s, host);
    if (!eff.tls.enabled)
      return {
        outcome: notApplicable(
          'daemon TLS is not configured (no --tls/--tlsverify/--tlscert in dockerd flags or daemon.json)',
        ),
      };
    const f = eff.tls[which];
    if (!f)
      return {
        outcome: notApplicable('no CA certificate is used: the daemon does not verify client certificates'),
      };
    return { paths: [f.path] };
  };

/** The Docker API unix socket(s): the daemon's -H unix:// hosts, the endpoint bulkhead used, or the default. */
export const dockerSocketPaths = (s: Snapshot, host: HostFacts): Located => {
  const eff = effective(s, host);
  const paths = new Set(eff.sockets.map((x) => x.path));
  const ep = s.daemon?.connection;
  if (ep?.protocol === 'unix') paths.add(ep.endpoint.replace(/^unix:\/\//, ''));
  if (paths.size === 0)
    return {
      outcome: notApplicable(`the daemon listens on no unix socket (hosts: ${eff.hosts.join(', ')})`),
    };
  return { paths: [...paths] };
};

/** containerd sockets: dockerd --containerd, /run/containerd/containerd.sock, or dockerd's managed one. */
export const containerdSocketPaths = (s: Snapshot, host: HostFacts): Located => ({
  paths: effective(s, host).containerdSockets.map((c) => c.path),
});
