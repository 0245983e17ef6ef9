// Where and how to reach the Docker Engine API, resolved the way the docker CLI does it:
// --host beats DOCKER_HOST beats the default socket; TLS from --tls/--tlsverify and their cert flags,
// DOCKER_TLS_VERIFY and DOCKER_CERT_PATH. Pure given its parameters (environment, home dir, file test).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { UsageError } from '../../core/errors.js';
import type { ConnectionFact } from '../../facts/daemon.js';

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NPIPE = '//./pipe/docker_engine';
const DEFAULT_TCP_PORT = 2375;
const DEFAULT_TLS_PORT = 2376;
const DEFAULT_SSH_PORT = 22;

/** The TLS flags (same names and meaning as the docker CLI's). */
export interface TlsFlags {
  tls?: boolean | undefined;
  tlsverify?: boolean | undefined;
  tlscacert?: string | undefined;
  tlscert?: string | undefined;
  tlskey?: string | undefined;
}

/** The CLI flags that choose the daemon. */
export interface ConnectionFlags extends TlsFlags {
  host?: string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The file-system facts resolution needs; injected so the function stays pure in tests. */
export interface ResolveIo {
  /** The user's home directory (for ~/.docker). */
  homeDir: string;
  /** Whether a default cert file exists; explicit flag paths are used as given. */
  fileExists: (path: string) => boolean;
}

const defaultIo: ResolveIo = { homeDir: homedir(), fileExists: (p) => existsSync(p) };

export interface TlsSettings {
  /** false = encrypt but do not verify the server certificate (`--tls` without `--tlsverify`). */
  verify: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export type Protocol = ConnectionFact['protocol'];

export interface ResolvedConnection {
  /** Canonical endpoint, used in reports and error messages. */
  endpoint: string;
  protocol: Protocol;
  /** Where the endpoint came from. */
  source: 'flag' | 'env' | 'default';
  /** unix / npipe */
  socketPath?: string;
  /** tcp / ssh */
  host?: string;
  port?: number;
  /** ssh */
  username?: string;
  /** tcp only; undefined = plain HTTP. */
  tls?: TlsSettings;
  /** Things the user asked for that do not apply (e.g. TLS flags with a unix socket). */
  warnings: string[];
}

const truthyEnv = (v: string | undefined): boolean => v !== undefined && v !== '';

/** "unix:///var/run/docker.sock", "tcp://10.0.0.5:2376 (TLS, verified)", for error messages. */
export function describeConnection(c: ResolvedConnection): string {
  if (c.protocol !== 'tcp') return c.endpoint;
  if (!c.tls) return `${c.endpoint} (plain HTTP)`;
  return `${c.endpoint} (TLS, ${c.tls.verify ? 'verified' : 'unverified'})`;
}

function parsePort(raw: string, what: string, input: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`invalid port "${raw}" in ${what} "${input}"`);
  const port = Number(raw);
  if (port < 1 || port > 65535) throw new UsageError(`port ${port} out of range in ${what} "${input}"`);
  return port;
}

/** Splits "host", "host:port", "[v6]", "[v6]:port"; an empty host is an error. */
function splitHostPort(
  hostport: string,
  what: string,
  input: string,
): { host: string; port: string | undefined } {
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(hostport);
  if (v6) return { host: v6[1]!, port: v6[2] };
  const colons = hostport.split(':').length - 1;
  if (colons > 1)
    throw new UsageError(`IPv6 addresses need brackets in ${what} "${input}"`, 'e.g. tcp://[::1]:2376');
  const [host = '', port] = hostport.split(':');
  if (host === '') throw new UsageError(`missing host name in ${what} "${input}"`);
  return { host, port };
}

const bracket = (host: string): string => (host.includes(':') ? `[${host}]` : host);

interface ParsedHost {
  protocol: Protocol;
  socketPath?: string;
  host?: string;
  port?: number;
  username?: string;
}

/** Parses a -H/DOCKER_HOST value like the docker CLI does; a bare "host:port" means tcp. */
export function parseDockerHost(input: string, what: string, tlsDefaultPort: boolean): ParsedHost {
  const value = input.trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
  const scheme = m ? m[1]!.toLowerCase() : 'tcp';
  const rest = m ? m[2]! : value;
  switch (scheme) {
    case 'unix':
      return { protocol: 'unix', socketPath: rest === '' ? DEFAULT_UNIX_SOCKET : rest };
    case 'npipe':
      return { protocol: 'npipe', socketPath: rest === '' ? DEFAULT_NPIPE : rest };
    case 'tcp': {
      const hostport = rest.replace(/\/+$/, '');
      if (hostport.includes('/')) {
        throw new UsageError(`a path is not supported in ${what} "${input}"`, 'use tcp://HOST:PORT');
      }
      const { host, port } = splitHostPort(hostport, what, input);
      return {
        protocol: 'tcp',
        host,
        port:
          port === undefined || port === ''
            ? tlsDefaultPort
              ? DEFAULT_TLS_PORT
              : DEFAULT_TCP_PORT
            : parsePort(port, what, input),
      };
    }
    case 'ssh': {
      const hostPart = rest.replace(/\/+$/, '');
      if (hostPart.includes('/')) {
        throw new UsageError(`a path is not supported in ${what} "${input}"`, 'use ssh://USER@HOST[:PORT]');
      }
      const at = hostPart.lastIndexOf('@');
      const userinfo = at >= 0 ? hostPart.slice(0, at) : undefined;
      if (userinfo?.includes(':')) {
        throw new UsageError(
          `a password is not supported in ${what} "${input}"`,
          'use an ssh agent (SSH_AUTH_SOCK) or a key',
        );
      }
      if (userinfo === '') throw new UsageError(`empty user name in ${what} "${input}"`);
      const { host, port } = splitHostPort(hostPart.slice(at + 1), what, input);
      return {
        protocol: 'ssh',
        host,
        port: port === undefined || port === '' ? DEFAULT_SSH_PORT : parsePort(port, what, input),
        ...(userinfo !== undefined ? { username: decodeURIComponent(userinfo) } : {}),
      };
    }
    default:
      throw new UsageError(
        `unsupported scheme "${scheme}://" in ${what} "${input}"`,
        'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST',
      );
  }
}

function canonicalEndpoint(p: ParsedHost): string {
  switch (p.protocol) {
    case 'unix':
      return `unix://${p.socketPath}`;
    case 'npipe':
      return `npipe://${p.socketPath}`;
    case 'tcp':
      return `tcp://${bracket(p.host!)}:${p.port}`;
    case 'ssh':
      return `ssh://${p.username ? `${p.username}@` : ''}${bracket(p.host!)}:${p.port}`;
  }
}

const join = (dir: string, file: string): string => `${dir.replace(/\/+$/, '')}/${file}`;

/** Resolves where to connect; throws UsageError for a malformed host. */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Env = process.env,
  io: ResolveIo = defaultIo,
): ResolvedConnection {
  const warnings: string[] = [];

  // TLS, as the docker CLI decides it: --tlsverify (or DOCKER_TLS_VERIFY) implies --tls.
  const verify = flags.tlsverify ?? truthyEnv(env.DOCKER_TLS_VERIFY);
  const tlsOn = flags.tls === true || flags.tlsverify !== undefined || verify;
  const certDir =
    (truthyEnv(env.DOCKER_CERT_PATH) && env.DOCKER_CERT_PATH) ||
    (truthyEnv(env.DOCKER_CONFIG) && env.DOCKER_CONFIG) ||
    join(io.homeDir, '.docker');
  const certFile = (flag: string | undefined, name: string): string | undefined => {
    if (flag !== undefined && flag !== '') return flag;
    const p = join(certDir, name);
    return io.fileExists(p) ? p : undefined;
  };

  let raw: string | undefined;
  let source: ResolvedConnection['source'];
  if (flags.host !== undefined && flags.host.trim() !== '') {
    raw = flags.host;
    source = 'flag';
  } else if (truthyEnv(env.DOCKER_HOST)) {
    raw = env.DOCKER_HOST;
    source = 'env';
  } else {
    source = 'default';
  }
  const what = source === 'flag' ? '--host' : 'DOCKER_HOST';
  const parsed: ParsedHost =
    raw === undefined
      ? { protocol: 'unix', socketPath: DEFAULT_UNIX_SOCKET }
      : parseDockerHost(raw, what, tlsOn);

  if (parsed.protocol === 'ssh' && parsed.username === undefined) {
    const user = env.USER || env.LOGNAME;
    if (user) parsed.username = user;
  }

  const resolved: ResolvedConnection = {
    endpoint: canonicalEndpoint(parsed),
    protocol: parsed.protocol,
    source,
    warnings,
    ...(parsed.socketPath !== undefined ? { socketPath: parsed.socketPath } : {}),
    ...(parsed.host !== undefined ? { host: parsed.host } : {}),
    ...(parsed.port !== undefined ? { port: parsed.port } : {}),
    ...(parsed.username !== undefined ? { username: parsed.username } : {}),
  };

  if (tlsOn) {
    if (parsed.protocol === 'tcp') {
      const tls: TlsSettings = { verify };
      const ca = verify ? certFile(flags.tlscacert, 'ca.pem') : undefined;
      const cert = certFile(flags.tlscert, 'cert.pem');
      const key = certFile(flags.tlskey, 'key.pem');
      if (ca) tls.caFile = ca;
      if (cert) tls.certFile = cert;
      if (key) tls.keyFile = key;
      if ((cert === undefined) !== (key === undefined)) {
        throw new UsageError(
          `TLS client ${cert ? 'key' : 'certificate'} missing for ${resolved.endpoint}`,
          `give both --tlscert and --tlskey, or put cert.pem and key.pem in ${certDir}`,
        );
      }
      resolved.tls = tls;
    } else {
      warnings.push(`TLS options ignored: ${resolved.endpoint} is not a tcp:// endpoint`);
    }
  }
  return resolved;
}

/** The connection fact the daemon facts carry. */
export function connectionFact(c: ResolvedConnection, apiVersion: string): ConnectionFact {
  return { endpoint: c.endpoint, protocol: c.protocol, tls: c.tls !== undefined, apiVersion };
}

/**
 * Whether the daemon runs on the machine bulkhead runs on: a unix socket, or tcp to a loopback address.
 * Host facts (files, /proc, firewall) describe this machine, so they only belong to a local daemon's audit.
 */
export function isLocalEndpoint(c: ResolvedConnection): boolean {
  if (c.protocol === 'unix' || c.protocol === 'npipe') return true;
  if (c.protocol !== 'tcp' || c.host === undefined) return false;
  const h = c.host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
