// Host collector: reads everything under a root directory ('/' live, a temp dir in tests) into HostFacts.
// Never throws: a part that fails is recorded in `errors` and left empty.
import { execFile } from 'node:child_process';
import { readdir, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import type {
  AuditFact,
  FileFact,
  FirewallFact,
  GroupFact,
  HostFacts,
  ListenerFact,
  ProcessFact,
} from '../../facts/host.js';
import { parseAuditRules } from './audit-rules.js';
import { DEFAULT_SOCKET, effectiveDockerd, keepDockerdServing } from './dockerd-config.js';
import { isPackageOfInterest, parseDpkgStatus } from './dpkg-status.js';
import { parseIptablesSave, parseNftRuleset } from './firewall.js';
import { errCode, errMessage, type NameMaps, RootFs, statFact } from './fs-root.js';
import { parseMounts } from './mounts.js';
import { parseOsRelease } from './os-release.js';
import { type PasswdEntry, parseGroup, parsePasswd } from './passwd.js';
import {
  BINARIES,
  BINARY_DIRS,
  ENV_FILES,
  ENV_KEYS,
  FIXED_PATHS,
  SYSCTLS,
  UNIT_DIRS,
  UNITS,
} from './paths.js';
import { parseProcNetTcp } from './proc-net-tcp.js';

export { BINARIES, BINARY_DIRS, FIXED_PATHS, UNIT_DIRS, UNITS } from './paths.js';

export interface CollectHostOptions {
  /** Directory the host's files are read under; default '/'. */
  root?: string;
  /** The Docker socket bulkhead talks to (unix:// prefix allowed); stat'ed besides the daemon's own. */
  dockerSocket?: string;
  /** More paths to stat. */
  extraPaths?: string[];
  /** Run auditctl / iptables-save / nft; default: only on a live root ('/'). */
  runCommands?: boolean;
  /** Environment to take DOCKER_* variables from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

const KEEP_PROCESSES = new Set(['dockerd', 'containerd', 'sshd', 'docker-proxy']);
const COMMAND_TIMEOUT_MS = 5000;
const MASKED = '(masked)';

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
      (err, stdout, stderr) => {
        if (err) {
          const detail = String(stderr).trim().split('\n')[0];
          reject(new Error(`${cmd}: ${detail || err.message}`, { cause: err }));
        } else resolve(String(stdout));
      },
    );
  });
}

/** argv[0] -> process name: basename, and for retitled processes ("sshd: /usr/sbin/sshd -D") the first word. */
export function processName(argv0: string): string {
  const first = argv0.split(/[\s:]/)[0] ?? '';
  return path.posix.basename(first);
}

export async function collectHost(opts: CollectHostOptions = {}): Promise<HostFacts> {
  const root = opts.root ?? '/';
  const fs = new RootFs(root);
  const runCommands = opts.runCommands ?? fs.isLive;
  const errors: Record<string, string> = {};

  /** Runs one part; a failure is recorded under `name` and the fallback is returned. */
  const part = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      errors[name] = errMessage(e);
      return fallback;
    }
  };
  /** Reads an optional file: undefined when it does not exist. */
  const readOptional = async (hostPath: string): Promise<string | undefined> => {
    try {
      return await fs.readText(hostPath);
    } catch (e) {
      if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return undefined;
      throw e;
    }
  };
  const readDirOptional = async (hostPath: string): Promise<string[]> => {
    try {
      return await readdir(await fs.resolve(hostPath, true));
    } catch (e) {
      if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return [];
      throw e;
    }
  };

  const hostnameP = part(
    'hostname',
    async () =>
      ((await readOptional('/proc/sys/kernel/hostname')) ?? (await fs.readText('/etc/hostname'))).trim() ||
      undefined,
    undefined,
  );
  const kernelP = part(
    'kernelRelease',
    async () => (await fs.readText('/proc/sys/kernel/osrelease')).trim() || undefined,
    undefined,
  );
  const osReleaseP = part(
    'osRelease',
    async () =>
      parseOsRelease((await readOptional('/etc/os-release')) ?? (await fs.readText('/usr/lib/os-release'))),
    {} as Record<string, string>,
  );
  const mountsP = part('mounts', async () => parseMounts(await fs.readText('/proc/mounts')), []);
  const passwdP = part(
    'passwd',
    async () => parsePasswd(await fs.readText('/etc/passwd')),
    [] as PasswdEntry[],
  );
  const groupsP = part('groups', async () => parseGroup(await fs.readText('/etc/group')), [] as GroupFact[]);
  const processesP = part(
    'processes',
    async () => {
      const procs = await readProcesses(fs);
      return opts.dockerSocket ? keepDockerdServing(procs, opts.dockerSocket) : procs;
    },
    [] as ProcessWithSockets[],
  );
  const envFilesP = part(
    'envFiles',
    async () => {
      const out: Record<string, string> = {};
      await Promise.all(
        ENV_FILES.map(async (p) => {
          const text = await readOptional(p);
          if (text !== undefined) out[p] = text;
        }),
      );
      return out;
    },
    {} as Record<string, string>,
  );
  const packagesP = part('packages', async () => {
    const text = await readOptional('/var/lib/dpkg/status');
    // not Debian-family (rpm hosts): say so, so package-based checks can explain their unknown
    if (text === undefined) throw new Error('no dpkg database at /var/lib/dpkg/status');
    return parseDpkgStatus(text, isPackageOfInterest);
  }, []);
  const sysctlsP = part(
    'sysctls',
    async () => {
      const out: Record<string, string> = {};
      await Promise.all(
        SYSCTLS.map(async (k) => {
          const v = await readOptional(`/proc/sys/${k.replace(/\./g, '/')}`);
          if (v !== undefined) out[k] = v.trim();
        }),
      );
      return out;
    },
    {} as Record<string, string>,
  );
  const cgroupP = part(
    'cgroupVersion',
    async (): Promise<1 | 2 | undefined> => {
      if ((await readOptional('/sys/fs/cgroup/cgroup.controllers')) !== undefined) return 2;
      const entries = await readDirOptional('/sys/fs/cgroup');
      if (entries.some((e) => ['memory', 'cpu', 'pids', 'devices', 'blkio', 'systemd'].includes(e))) return 1;
      return undefined;
    },
    undefined,
  );
  const unitsP = part(
    'units',
    async () => {
      const out: Record<string, string> = {};
      await Promise.all(
        UNITS.map(async (unit) => {
          const found = await Promise.all(
            UNIT_DIRS.map(async (d) => {
              try {
                const st = await fs.stat(`${d}/${unit}`);
                // a unit linked to /dev/null is masked: systemd loads no fragment for it
                return st.isCharacterDevice() ? MASKED : `${d}/${unit}`;
              } catch {
                return undefined;
              }
            }),
          );
          const first = found.find((p) => p !== undefined);
          if (first && first !== MASKED) out[unit] = first;
        }),
      );
      return out;
    },
    {} as Record<string, string>,
  );
  const auditP = collectAudit(fs, runCommands, readOptional, readDirOptional).catch((e: unknown) => {
    errors.audit = errMessage(e);
    return undefined;
  });
  const firewallP = collectFirewall(runCommands, readOptional).catch((e: unknown) => {
    errors.firewall = errMessage(e);
    return undefined;
  });
  const listenersP = part(
    'listeners',
    async () => {
      const [v4, v6] = await Promise.all([readOptional('/proc/net/tcp'), readOptional('/proc/net/tcp6')]);
      if (v4 === undefined && v6 === undefined)
        throw new Error('/proc/net/tcp and /proc/net/tcp6 are missing');
      return [...parseProcNetTcp(v4 ?? '', 'tcp'), ...parseProcNetTcp(v6 ?? '', 'tcp6')];
    },
    [] as ListenerFact[],
  );

  const daemonJsonP = processesP.then(async (procs) => {
    const eff = effectiveDockerd({ processes: procs });
    const p = eff.configFile;
    try {
      const raw = await readOptional(p);
      if (raw === undefined) return undefined;
      const dj: NonNullable<HostFacts['daemonJson']> = { path: p, raw };
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          dj.error = 'daemon.json is not a JSON object';
        else dj.parsed = parsed as Record<string, unknown>;
      } catch (e) {
        dj.error = errMessage(e);
      }
      return dj;
    } catch (e) {
      errors.daemonJson = `${p}: ${errMessage(e)}`;
      return undefined;
    }
  });

  const filesP = Promise.all([processesP, daemonJsonP, unitsP, passwdP, groupsP]).then(
    async ([procs, dj, units, passwd, groups]) => {
      try {
        const names: NameMaps = {
          users: new Map(passwd.map((u) => [u.uid, u.name])),
          groups: new Map(groups.map((g) => [g.gid, g.name])),
        };
        const eff = effectiveDockerd({ processes: procs, daemonJson: dj?.parsed });
        const always = new Set<string>([...FIXED_PATHS, eff.configFile, eff.dataRoot.path, DEFAULT_SOCKET]);
        for (const unitPath of Object.values(units)) always.add(unitPath);
        for (const b of BINARIES) always.add(`/usr/bin/${b}`);
        for (const s of eff.sockets) always.add(s.path);
        for (const c of eff.containerdSockets) always.add(c.path);
        if (opts.dockerSocket) always.add(opts.dockerSocket.replace(/^unix:\/\//, ''));
        for (const f of [eff.tls.ca, eff.tls.cert, eff.tls.key]) if (f) always.add(f.path);
        for (const p of opts.extraPaths ?? []) always.add(p);
        const dockerdExe = procs.find((p) => p.name === 'dockerd')?.argv[0];
        if (dockerdExe?.startsWith('/')) always.add(dockerdExe);
        const optional = new Set<string>();
        for (const b of BINARIES)
          for (const d of BINARY_DIRS) if (d !== '/usr/bin') optional.add(`${d}/${b}`);
        for (const reg of await readDirOptional('/etc/docker/certs.d')) {
          const dir = `/etc/docker/certs.d/${reg}`;
          for (const f of await readDirOptional(dir).catch(() => [])) optional.add(`${dir}/${f}`);
        }
        const all = [...always, ...[...optional].filter((p) => !always.has(p))];
        const facts = await Promise.all(all.map((p) => statFact(fs, normalise(p), names)));
        const files: Record<string, FileFact> = {};
        facts.forEach((f, i) => {
          if (always.has(all[i]!) || f.exists) files[f.path] = f;
        });
        return files;
      } catch (e) {
        errors.files = errMessage(e);
        return {} as Record<string, FileFact>;
      }
    },
  );

  const attributedP = Promise.all([listenersP, processesP]).then(([listeners, procs]) => {
    const owner = new Map<number, ProcessWithSockets>();
    for (const p of procs) for (const inode of p.sockets) owner.set(inode, p);
    return listeners.map((l) => {
      const p = l.inode !== undefined ? owner.get(l.inode) : undefined;
      return p ? { ...l, pid: p.pid, process: p.name } : l;
    });
  });

  const [
    hostname,
    kernelRelease,
    osRelease,
    files,
    mounts,
    audit,
    units,
    listeners,
    processes,
    firewall,
    daemonJson,
    envFiles,
    packages,
    groups,
    sysctls,
    cgroupVersion,
  ] = await Promise.all([
    hostnameP,
    kernelP,
    osReleaseP,
    filesP,
    mountsP,
    auditP,
    unitsP,
    attributedP,
    processesP,
    firewallP,
    daemonJsonP,
    envFilesP,
    packagesP,
    groupsP,
    sysctlsP,
    cgroupP,
  ]);

  const fdErrors = processes.filter((p) => p.fdError).map((p) => `${p.name}[${p.pid}]: ${p.fdError}`);
  if (fdErrors.length > 0) errors['listeners.owners'] = `socket owners not readable: ${fdErrors.join('; ')}`;

  const envSource = opts.env ?? process.env;
  const env: Record<string, string> = {};
  for (const k of ENV_KEYS) {
    const v = envSource[k];
    if (v !== undefined) env[k] = v;
  }

  const facts: HostFacts = {
    root,
    osRelease,
    files,
    mounts,
    units,
    listeners,
    processes: processes.map(({ sockets: _s, fdError: _e, ...p }) => p),
    envFiles,
    packages,
    groups,
    sysctls,
    env,
    errors,
  };
  if (hostname !== undefined) facts.hostname = hostname;
  if (kernelRelease !== undefined) facts.kernelRelease = kernelRelease;
  if (audit !== undefined) facts.audit = audit;
  if (firewall !== undefined) facts.firewall = firewall;
  if (daemonJson !== undefined) facts.daemonJson = daemonJson;
  if (cgroupVersion !== undefined) facts.cgroupVersion = cgroupVersion;
  return facts;
}

const normalise = (p: string): string => {
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
};

interface ProcessWithSockets extends ProcessFact {
  sockets: number[];
  fdError?: string;
}

async function readProcesses(fs: RootFs): Promise<ProcessWithSockets[]> {
  const procDir = await fs.resolve('/proc', true);
  const pids = (await readdir(procDir)).filter((e) => /^\d+$/.test(e));
  const found = await Promise.all(
    pids.map(async (pid): Promise<ProcessWithSockets | undefined> => {
      let cmdline: string;
      try {
        cmdline = await fs.readText(`/proc/${pid}/cmdline`);
      } catch {
        return undefined; // exited meanwhile, or a kernel thread
      }
      const argv = cmdline.split('\0');
      while (argv.length > 0 && argv[argv.length - 1] === '') argv.pop();
      if (argv.length === 0) return undefined;
      const name = processName(argv[0]!);
      if (!KEEP_PROCESSES.has(name)) return undefined;
      const proc: ProcessWithSockets = { pid: Number(pid), name, argv, sockets: [] };
      const [status, sockets] = await Promise.all([
        fs.readText(`/proc/${pid}/status`).catch(() => ''),
        socketInodes(fs, pid).catch((e: unknown) => {
          proc.fdError = errCode(e) ?? errMessage(e);
          return [] as number[];
        }),
      ]);
      const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (uid !== undefined) proc.uid = Number(uid);
      proc.sockets = sockets;
      return proc;
    }),
  );
  return found.filter((p): p is ProcessWithSockets => p !== undefined).sort((a, b) => a.pid - b.pid);
}

async function socketInodes(fs: RootFs, pid: string): Promise<number[]> {
  const dir = await fs.resolve(`/proc/${pid}/fd`, true);
  const fds = await readdir(dir);
  const links = await Promise.all(fds.map((fd) => readlink(path.join(dir, fd)).catch(() => '')));
  const out: number[] = [];
  for (const l of links) {
    const m = /^socket:\[(\d+)\]$/.exec(l);
    if (m) out.push(Number(m[1]));
  }
  return out;
}

type ReadOptional = (hostPath: string) => Promise<string | undefined>;

async function collectAudit(
  fs: RootFs,
  runCommands: boolean,
  readOptional: ReadOptional,
  readDirOptional: (p: string) => Promise<string[]>,
): Promise<AuditFact | undefined> {
  let cmdError: string | undefined;
  if (runCommands) {
    try {
      return { source: 'auditctl', rules: parseAuditRules(await run('auditctl', ['-l'])) };
    } catch (e) {
      cmdError = errMessage(e);
    }
  }
  try {
    const main = await readOptional('/etc/audit/audit.rules');
    const names = (await readDirOptional('/etc/audit/rules.d')).filter((n) => n.endsWith('.rules')).sort();
    const texts = await Promise.all(names.map((n) => fs.readText(`/etc/audit/rules.d/${n}`)));
    const rules = [...new Set([main ?? '', ...texts].flatMap(parseAuditRules))];
    return { source: 'files', rules };
  } catch (e) {
    throw new Error([cmdError, `audit rule files: ${errMessage(e)}`].filter(Boolean).join('; '));
  }
}

async function collectFirewall(
  runCommands: boolean,
  readOptional: ReadOptional,
): Promise<FirewallFact | undefined> {
  // fixtures for fake roots: what the commands would have printed
  const [iptFile, nftFile] = await Promise.all([
    readOptional('/.bulkhead/iptables-save'),
    readOptional('/.bulkhead/nft-ruleset'),
  ]);
  if (iptFile !== undefined && /^\*/m.test(iptFile))
    return { backend: 'iptables', source: iptFile, chains: parseIptablesSave(iptFile) };
  if (nftFile !== undefined && nftFile.trim() !== '')
    return { backend: 'nftables', source: nftFile, chains: parseNftRuleset(nftFile) };
  if (iptFile !== undefined || nftFile !== undefined) return { backend: 'none', source: '', chains: [] };
  if (!runCommands)
    throw new Error('firewall not read: commands disabled and no /.bulkhead/iptables-save under the root');

  const problems: string[] = [];
  let ranOk = false;
  try {
    const out = await run('iptables-save', []);
    ranOk = true;
    if (/^\*/m.test(out)) return { backend: 'iptables', source: out, chains: parseIptablesSave(out) };
  } catch (e) {
    problems.push(errMessage(e));
  }
  try {
    const out = await run('nft', ['list', 'ruleset']);
    ranOk = true;
    if (out.trim() !== '') return { backend: 'nftables', source: out, chains: parseNftRuleset(out) };
  } catch (e) {
    problems.push(errMessage(e));
  }
  if (ranOk) return { backend: 'none', source: '', chains: [] };
  throw new Error(problems.join('; '));
}
