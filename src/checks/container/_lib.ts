// Helpers shared by container checks: effective users, capabilities, security options, addresses, paths.
import { type Context, fail, type Outcome, pass } from '../../core/model.js';
import type { ContainerFacts, MountSpec, PortBinding } from '../../facts/container.js';

/** Is a Config.User value root? '' is not judged here (it means "the image's default"). */
export function isRootUser(user: string): boolean {
  const name = (user.split(':')[0] ?? '').trim();
  return name === '0' || name === 'root';
}

/**
 * The user the container's processes run as: Config.User, else the image's default user.
 * undefined when Config.User is '' and the image default is unknown.
 */
export function effectiveUser(c: ContainerFacts): { user: string; from: 'container' | 'image' } | undefined {
  if (c.spec.user.trim() !== '') return { user: c.spec.user.trim(), from: 'container' };
  if (c.imageUser === undefined) return undefined;
  return { user: c.imageUser.trim(), from: 'image' };
}

/** Capability names compared case-insensitively, with or without the CAP_ prefix. */
export const normCap = (cap: string): string => cap.trim().toUpperCase().replace(/^CAP_/, '');

/** The engine's default capability set (moby oci/caps/defaults.go). */
export const DEFAULT_CAPS: ReadonlySet<string> = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]);

/** A HostConfig.SecurityOpt entry split at its first ':' or '=' (the engine accepts both). */
export function parseSecurityOpt(opt: string): { key: string; value: string } {
  const m = /^([^:=]+)[:=](.*)$/.exec(opt.trim());
  return m
    ? { key: (m[1] ?? '').toLowerCase(), value: m[2] ?? '' }
    : { key: opt.trim().toLowerCase(), value: '' };
}

export const securityOpts = (c: ContainerFacts): { key: string; value: string; raw: string }[] =>
  c.spec.securityOpt.map((raw) => ({ ...parseSecurityOpt(raw), raw }));

/** Whether the daemon reports a security option (apparmor, selinux, seccomp, no-new-privileges...). */
export function daemonHasSecurityOption(ctx: Context, name: string): boolean | undefined {
  const info = ctx.snapshot.daemon?.info;
  if (!info) return undefined;
  return info.securityOptions.some((o) => o.name.toLowerCase() === name);
}

/** '' (the engine default), 0.0.0.0 and :: all mean every address of the host. */
export const isEveryAddress = (hostIp: string): boolean =>
  ['', '0.0.0.0', '::', '[::]'].includes(hostIp.trim());

export function describePort(p: PortBinding): string {
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  const host = p.hostPort === 0 ? '(ephemeral)' : String(p.hostPort);
  return `${ip}${host}->${p.containerPort}/${p.protocol}`;
}

/** Lexical normalisation of an absolute POSIX path: collapses //, ., .. and trailing slashes. */
export function normPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** True when `dir` is `path` itself or one of its ancestors. */
export function isSameOrAncestor(dir: string, path: string): boolean {
  const d = normPath(dir);
  const p = normPath(path);
  return d === '/' || p === d || p.startsWith(`${d}/`);
}

export const bindMounts = (c: ContainerFacts): MountSpec[] =>
  c.spec.mounts.filter((m) => m.type === 'bind' && m.source.startsWith('/'));

export const describeMount = (m: MountSpec): string =>
  `${m.source}:${m.destination} (${m.readOnly ? 'read-only' : 'read-write'})`;

/** States in which /containers/{id}/top answers. */
export const isRunning = (c: ContainerFacts): boolean => c.state === 'running' || c.state === 'paused';

/** The program name of a `ps` command line: basename of the first word, without a trailing ':'. */
export function programOf(command: string): string {
  const first = command.trim().split(/\s+/)[0] ?? '';
  const base = first.split('/').pop() ?? first;
  return base.replace(/:$/, '').replace(/^\[|\]$/g, '');
}

type NamespaceField = 'pidMode' | 'ipcMode' | 'utsMode' | 'usernsMode';

/** The evaluator of the "does not share the host's X namespace" checks: `HostConfig.<apiField>` = host fails. */
export const hostNamespace =
  (field: NamespaceField, apiField: string) =>
  (c: ContainerFacts): Outcome =>
    c.spec[field] === 'host'
      ? fail(`HostConfig.${apiField} is "host"`)
      : pass(`HostConfig.${apiField} is "${c.spec[field] || '(private)'}"`);
