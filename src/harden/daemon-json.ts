// daemon.json merged into the one the daemon reads: every key the user has stays (unknown ones too), and only
// settings whose checks failed are added or changed. dockerd refuses to start when one directive is set both
// as a flag and in daemon.json, so a setting whose flag is on dockerd's command line either moves there via
// the systemd drop-in (flag removed, value carried into the file) or is left alone with a note.
import { effectiveDaemonConfig, type Ulimit } from '../analysis/daemon-config.js';
import { effectiveDockerd } from '../collectors/host/dockerd-config.js';
import { UsageError } from '../core/errors.js';
import type { Snapshot } from '../facts/snapshot.js';
import { dockerdDropIn } from './systemd.js';
import { type Explanation, type GeneratedFile, type HardenInput, hasFailed, toJson } from './types.js';

export interface DaemonJsonOptions {
  /** Address (host, host:port, [v6]:port or tcp://…) the API should be reachable on, with TLS. */
  remoteAddress?: string | undefined;
  /** Absolute directory of `bulkhead tls init` (ca.pem, server-cert.pem, server-key.pem). */
  tlsDir?: string | undefined;
  /** The lowest acceptable default soft nofile limit (settings.minNofile). */
  minNofile?: number | undefined;
  /** daemon.json keys never to touch. */
  exclude?: readonly string[] | undefined;
}

export interface DaemonJsonPlan {
  /** The file dockerd reads (--config-file, else /etc/docker/daemon.json). */
  path: string;
  existing: Record<string, unknown> | undefined;
  merged: Record<string, unknown>;
  changes: Explanation[];
  notes: string[];
  /** dockerd flags removed by the drop-in because their directive moved into daemon.json. */
  stripFlags: string[];
  files: GeneratedFile[];
}

/** The values bulkhead writes when a setting is missing. */
export const DEFAULTS = {
  logMaxSize: '10m',
  logMaxFile: '3',
  localMaxSize: '20m',
  nofile: 65536,
  tlsPort: 2376,
} as const;

const DROP_IN_NOTE = 'dockerd refuses to start when a directive is set both as a flag and in daemon.json';

interface Want {
  key: string;
  value: unknown;
  /** dockerd's flag for the same directive. */
  flag: string;
  checkIds: string[];
  text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `tcp://HOST:PORT` from HOST, HOST:PORT, [V6]:PORT, V6 or tcp://…; the TLS port 2376 by default. */
export function remoteHost(addr: string): string {
  const a = addr.trim().replace(/^tcp:\/\//, '');
  if (a === '' || /[\s/]/.test(a))
    throw new UsageError(`invalid --remote-address "${addr}"`, 'give HOST, HOST:PORT or [IPv6]:PORT');
  let host: string;
  let port: string | undefined;
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(a);
  if (v6) {
    host = `[${v6[1]}]`;
    port = v6[2];
  } else if ((a.match(/:/g) ?? []).length > 1) {
    host = `[${a}]`; // bare IPv6 address, no port
  } else {
    const m = /^([^:]+)(?::(\d+))?$/.exec(a);
    if (!m) throw new UsageError(`invalid --remote-address "${addr}"`, 'give HOST, HOST:PORT or [IPv6]:PORT');
    host = m[1]!;
    port = m[2];
  }
  const p = Number(port ?? DEFAULTS.tlsPort);
  if (!Number.isInteger(p) || p < 1 || p > 65535)
    throw new UsageError(`invalid port in --remote-address "${addr}"`);
  return `tcp://${host}:${p}`;
}

const swarmActive = (s: Snapshot): boolean =>
  ['active', 'locked', 'pending'].includes(s.daemon?.info.swarm.localNodeState ?? '');

/** Why enabling userns-remap now would hurt, or undefined when it is safe. */
export function usernsUnsafe(s: Snapshot): string | undefined {
  const info = s.daemon?.info;
  if (!info) return 'the daemon was not queried, so its containers are unknown';
  if (info.rootless) return 'the daemon runs rootless (already in a user namespace)';
  if (s.host?.sysctls['user.max_user_namespaces'] === '0')
    return 'the kernel disables user namespaces (user.max_user_namespaces = 0)';
  const count = info.containers ?? s.containers?.length;
  if (count === undefined) return 'the number of containers is unknown';
  if (count > 0)
    return (
      `the daemon has ${count} container${count === 1 ? '' : 's'}: with userns-remap dockerd switches to a ` +
      'new storage area under its data root, so existing containers, images and named volumes disappear from ' +
      'view, and files they wrote as root on bind mounts become unwritable to them. Enable it on an empty ' +
      'daemon and recreate the containers (add "userns-remap": "default" yourself when ready)'
    );
  return undefined;
}

const ulimitJson = (name: string, u: Ulimit) => ({ Name: name, Hard: u.hard, Soft: u.soft });

/** Plans daemon.json (and the drop-in when flags must move); pure over the report and snapshot. */
export function planDaemonJson(input: HardenInput, opts: DaemonJsonOptions = {}): DaemonJsonPlan {
  const { report, snapshot: s } = input;
  const host = s.host;
  const notes: string[] = [];
  const cfg = effectiveDaemonConfig(s);
  const path = host
    ? (host.daemonJson?.path ??
      effectiveDockerd({ processes: host.processes, daemonJson: undefined }).configFile)
    : '/etc/docker/daemon.json';
  if (host?.daemonJson?.error)
    throw new UsageError(
      `${host.daemonJson.path} is not valid JSON (${host.daemonJson.error}); bulkhead will not merge into it`,
      'fix the file first (dockerd cannot start with it either), or leave out --only daemon',
    );
  const existing = host ? (host.daemonJson?.parsed ?? {}) : undefined;
  if (!host)
    notes.push(
      `daemon.json: host facts were not collected (${s.gaps.host ?? 'remote daemon'}); the settings below are not merged with the daemon's file: add them to it by hand`,
    );
  const merged: Record<string, unknown> = { ...(existing ?? {}) };
  const flags = cfg.argv?.flags ?? {};
  const onCommandLine = (flag: string): boolean => (flags[flag]?.length ?? 0) > 0;
  const exclude = new Set(opts.exclude ?? []);
  const wants: Want[] = [];
  const want = (w: Want) => {
    if (exclude.has(w.key)) notes.push(`daemon.json "${w.key}": left alone (excluded)`);
    else wants.push(w);
  };

  if (hasFailed(report, 'BH-DMN-002')) {
    if (cfg.iptables.known && !cfg.iptables.value)
      notes.push(
        'daemon.json "icc": not set: dockerd runs with iptables disabled and refuses --icc=false without iptables (icc is enforced by iptables rules)',
      );
    else
      want({
        key: 'icc',
        value: false,
        flag: 'icc',
        checkIds: ['BH-DMN-002'],
        text: 'Containers on the default bridge can no longer reach each other on every port; connect containers that must talk through a user-defined network.',
      });
  }
  if (hasFailed(report, 'BH-DMN-014'))
    want({
      key: 'no-new-privileges',
      value: true,
      flag: 'no-new-privileges',
      checkIds: ['BH-DMN-014', 'BH-CTR-027'],
      text: 'Every new container runs with no_new_privs: setuid binaries and file capabilities cannot raise privileges inside it.',
    });
  if (hasFailed(report, 'BH-DMN-015')) {
    if (swarmActive(s))
      notes.push(
        'daemon.json "live-restore": not set: swarm mode is active, and live restore does not apply to it',
      );
    else
      want({
        key: 'live-restore',
        value: true,
        flag: 'live-restore',
        checkIds: ['BH-DMN-015'],
        text: 'Containers keep running while dockerd stops or is upgraded, so engine updates need no downtime. Takes effect on `systemctl reload docker`.',
      });
  }
  if (hasFailed(report, 'BH-DMN-016'))
    want({
      key: 'userland-proxy',
      value: false,
      flag: 'userland-proxy',
      checkIds: ['BH-DMN-016'],
      text: 'Published ports are forwarded by kernel NAT rules instead of one docker-proxy process per port on the host.',
    });

  if (hasFailed(report, 'BH-DMN-021') && cfg.logDriver.known) {
    const driver = cfg.logDriver.value;
    const current = cfg.logOpts.known ? cfg.logOpts.value : {};
    const next: Record<string, string> = {
      ...(isObject(existing?.['log-opts']) ? (existing['log-opts'] as Record<string, string>) : {}),
      ...current,
    };
    const unbounded = (v: string | undefined) => v === undefined || /^(0|-1)$/.test(v);
    if (driver === 'local') {
      if (unbounded(next['max-size'])) next['max-size'] = DEFAULTS.localMaxSize;
    } else {
      if (unbounded(next['max-size'])) next['max-size'] = DEFAULTS.logMaxSize;
      next['max-file'] ??= DEFAULTS.logMaxFile;
    }
    if (existing?.['log-driver'] === undefined && !onCommandLine('log-driver'))
      want({
        key: 'log-driver',
        value: driver,
        flag: 'log-driver',
        checkIds: ['BH-DMN-021'],
        text: `The default log driver stays ${driver}; named explicitly so the rotation options below visibly belong to it ("local" rotates by default and is more compact, but log shippers that read *-json.log files need json-file).`,
      });
    want({
      key: 'log-opts',
      value: next,
      flag: 'log-opt',
      checkIds: ['BH-DMN-021', 'BH-CTR-036'],
      text: `Container logs rotate: at most ${next['max-file'] ?? '5'} files of ${next['max-size']} each per container, so a noisy or hostile container cannot fill the disk. Applies to containers created afterwards.`,
    });
  }

  if (hasFailed(report, 'BH-DMN-008') && cfg.defaultUlimits.known) {
    const min = opts.minNofile ?? 1024;
    const cur = cfg.defaultUlimits.value.nofile;
    // Keep an existing soft limit that is within bounds; only raise what the check rejected.
    const soft = cur && cur.soft >= min ? cur.soft : Math.max(min, DEFAULTS.nofile);
    const hard = Math.max(cur?.hard ?? 0, soft, cur ? 0 : DEFAULTS.nofile);
    const base: Record<string, unknown> = isObject(existing?.['default-ulimits'])
      ? { ...(existing['default-ulimits'] as Record<string, unknown>) }
      : {};
    for (const [name, u] of Object.entries(cfg.defaultUlimits.value))
      if (!(name in base)) base[name] = ulimitJson(name, u);
    base.nofile = ulimitJson('nofile', { soft, hard });
    want({
      key: 'default-ulimits',
      value: base,
      flag: 'default-ulimit',
      checkIds: ['BH-DMN-008'],
      text: `Containers get ${soft}:${hard} open files by default instead of dockerd's own (often unlimited) limit, so one container cannot exhaust the host's file descriptors; raise it per container with --ulimit where needed.`,
    });
  }

  if (hasFailed(report, 'BH-DMN-009')) {
    const why = usernsUnsafe(s);
    if (why) notes.push(`daemon.json "userns-remap": not set: ${why}`);
    else
      want({
        key: 'userns-remap',
        value: 'default',
        flag: 'userns-remap',
        checkIds: ['BH-DMN-009', 'BH-CTR-033'],
        text: 'Root in a container becomes an unprivileged host user (dockremap, created by dockerd with /etc/subuid and /etc/subgid ranges). Safe now because the daemon has no containers; images are pulled again into the remapped storage.',
      });
  }

  // Remote access: TLS with client certificates, and the TCP address in "hosts".
  const remote = opts.remoteAddress ? remoteHost(opts.remoteAddress) : undefined;
  const plainTcp = ['BH-API-001', 'BH-DMN-007', 'BH-API-002'].some((id) => hasFailed(report, id));
  const verified = cfg.tlsVerify.known && cfg.tlsVerify.value;
  if ((remote || plainTcp) && !verified) {
    if (!opts.tlsDir)
      notes.push('daemon TLS: not set: give --tls-dir (the directory of `bulkhead tls init`)');
    else {
      const dir = opts.tlsDir.replace(/\/+$/, '');
      const tlsText = `Clients must present a certificate signed by the CA in ${dir}/ca.pem (\`bulkhead tls client NAME\` issues one); the channel is encrypted with the server certificate of \`bulkhead tls init\`. Copy ca.pem, server-cert.pem and server-key.pem to the daemon host first if ${dir} is elsewhere, and keep ca-key.pem off it.`;
      const ids = ['BH-API-001', 'BH-API-002', 'BH-DMN-007'];
      want({ key: 'tls', value: true, flag: 'tls', checkIds: ids, text: tlsText });
      want({ key: 'tlsverify', value: true, flag: 'tlsverify', checkIds: ids, text: tlsText });
      // Certificates the daemon already names are kept: only the verification was missing.
      const files = [
        ['tlscacert', cfg.tlsCaCert, 'ca.pem'],
        ['tlscert', cfg.tlsCert, 'server-cert.pem'],
        ['tlskey', cfg.tlsKey, 'server-key.pem'],
      ] as const;
      for (const [key, setting, file] of files)
        if (!(setting.known && setting.value !== ''))
          want({ key, value: `${dir}/${file}`, flag: key, checkIds: ids, text: tlsText });
    }
  }
  if (remote) {
    const current = cfg.hosts.known ? cfg.hosts.value : ['unix:///var/run/docker.sock'];
    if (!current.includes(remote))
      want({
        key: 'hosts',
        value: [...current.filter((h) => h !== ''), remote],
        flag: 'host',
        checkIds: ['BH-DMN-007'],
        text: `The API also listens on ${remote} (TLS with client certificates) besides ${current.join(', ')}; the local socket keeps working.`,
      });
  }

  // Flags for the same directives must leave the command line (drop-in) or the setting stays out.
  const canDropIn = host?.units['docker.service'] !== undefined && cfg.argv !== undefined;
  const stripFlags: string[] = [];
  const changes: Explanation[] = [];
  for (const w of wants) {
    if (onCommandLine(w.flag)) {
      if (!canDropIn) {
        notes.push(
          `daemon.json "${w.key}": not set: dockerd's command line sets --${w.flag} and no docker.service unit was found to remove it from (${DROP_IN_NOTE}); change it where dockerd is started`,
        );
        continue;
      }
      if (!stripFlags.includes(w.flag)) stripFlags.push(w.flag);
    }
    if (JSON.stringify(merged[w.key]) === JSON.stringify(w.value)) continue;
    merged[w.key] = w.value;
    const prev = changes.find((c) => c.text === w.text);
    const setting = `"${w.key}": ${JSON.stringify(w.value)}`;
    if (prev) prev.setting += `, ${setting}`;
    else changes.push({ setting, text: w.text, checkIds: w.checkIds });
  }

  const files: GeneratedFile[] = [];
  const raw = host?.daemonJson?.raw;
  const changed = changes.length > 0 || stripFlags.length > 0;
  files.push({
    area: 'daemon',
    name: 'daemon.json',
    title: `dockerd configuration, merged into ${path}`,
    // Unchanged: the user's own text, byte for byte (no reformatting of a file we do not change).
    content: changes.length === 0 && raw !== undefined ? raw : toJson(merged),
    mode: 0o600,
    target: path,
    apply: host !== undefined,
    changed: changes.length > 0,
    validate: 'json',
    explanations: changes,
    next: changed
      ? [
          'systemctl restart docker   # or: kill -HUP $(pidof dockerd) for live-restore/log settings; icc, userland-proxy, userns-remap, hosts and TLS need a restart',
        ]
      : [],
  });
  if (stripFlags.length > 0 && host && cfg.argv) {
    const dropIn = dockerdDropIn(cfg.argv.argv, stripFlags);
    files.push(dropIn);
    notes.push(
      `dockerd's command line sets ${stripFlags.map((f) => `--${f}`).join(', ')}; the drop-in removes them because their directives now live in ${path} (${DROP_IN_NOTE})`,
    );
  }
  return { path, existing, merged, changes, notes, stripFlags, files };
}
