// The only module that talks to the Engine API transport. unix:// and tcp:// (with TLS) go through node:http
// and node:https: every call is a GET returning JSON. ssh:// runs the same HTTP over channels of one ssh2
// connection (ssh.ts), loaded only for ssh because ssh2 costs ~90 ms of start-up.
// Everything else sees EngineClient: plain JSON in, our errors out.
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TargetError } from '../../core/errors.js';
import { looseObject, z } from '../../core/schema.js';
import { describeConnection, type ResolvedConnection } from './connection.js';
import { type HostKeyVerdict, loadKnownHosts, verifyHostKey } from './known-hosts.js';
import { openSshSession } from './ssh.js';

/** The newest Engine API version bulkhead knows (Docker 29). */
export const MAX_API_VERSION = '1.52';
/** The oldest version bulkhead is tested against (Docker 20.10). */
export const MIN_TESTED_API_VERSION = '1.41';
export const DEFAULT_TIMEOUT_MS = 10_000;

// Boundary schemas: only the fields the collector itself reads are checked; the rest passes through
// untouched to the adapters, which own the full shapes.
const orUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional());

const versionSchema = looseObject({
  Version: orUndefined(z.string()),
  ApiVersion: orUndefined(z.string()),
  MinAPIVersion: orUndefined(z.string()),
});
const infoSchema = looseObject({
  Swarm: orUndefined(
    looseObject({
      LocalNodeState: orUndefined(z.string()),
      ControlAvailable: orUndefined(z.boolean()),
    }),
  ),
});
const containerSummarySchema = looseObject({
  Id: z.string(),
  Names: orUndefined(z.array(z.string())),
  Image: orUndefined(z.string()),
  ImageID: orUndefined(z.string()),
  State: orUndefined(z.string()),
});
const containerInspectSchema = looseObject({
  Id: z.string(),
  Image: orUndefined(z.string()),
  State: orUndefined(looseObject({ Status: orUndefined(z.string()), Running: orUndefined(z.boolean()) })),
  ExecIDs: orUndefined(z.array(z.string())),
});
const topSchema = looseObject({
  Titles: orUndefined(z.array(z.string())),
  Processes: orUndefined(z.array(z.array(z.string()))),
});
const imageSummarySchema = looseObject({ Id: z.string() });
const networkSummarySchema = looseObject({ Id: z.string(), Name: z.string() });
const objectSchema = looseObject({});
const listSchema = z.preprocess((v) => (v === null ? [] : v), z.array(z.unknown()));

export type VersionRaw = z.infer<typeof versionSchema>;
export type InfoRaw = z.infer<typeof infoSchema>;
export type ContainerSummary = z.infer<typeof containerSummarySchema>;
export type ContainerInspect = z.infer<typeof containerInspectSchema>;
export type TopRaw = z.infer<typeof topSchema>;
export type ImageSummary = z.infer<typeof imageSummarySchema>;
export type NetworkSummary = z.infer<typeof networkSummarySchema>;
/** A JSON object whose shape the adapters check. */
export type RawObject = z.infer<typeof objectSchema>;

/** Our view of the Engine API: the calls the collector makes, nothing else. */
export interface EngineClient {
  readonly connection: ResolvedConnection;
  /** Negotiated API version, e.g. "1.41". */
  readonly apiVersion: string;
  /** Negotiation notes (daemon older than tested, newer than known). */
  readonly warnings: readonly string[];
  ping(): Promise<string>;
  version(): Promise<VersionRaw>;
  info(): Promise<InfoRaw>;
  listContainers(all?: boolean): Promise<ContainerSummary[]>;
  inspectContainer(id: string): Promise<ContainerInspect>;
  top(id: string): Promise<TopRaw>;
  inspectExec(id: string): Promise<RawObject>;
  listImages(): Promise<ImageSummary[]>;
  inspectImage(id: string): Promise<RawObject>;
  imageHistory(id: string): Promise<unknown[]>;
  listNetworks(): Promise<NetworkSummary[]>;
  inspectNetwork(id: string): Promise<RawObject>;
  swarmInspect(): Promise<RawObject>;
  listNodes(): Promise<unknown[]>;
  listServices(): Promise<unknown[]>;
  listSecrets(): Promise<unknown[]>;
}

/** A failed Engine API call: one line naming the endpoint, a hint, and the HTTP status when there was one. */
export class EngineRequestError extends TargetError {
  constructor(
    message: string,
    hint: string | undefined,
    readonly statusCode?: number,
    readonly code?: string,
  ) {
    super(message, hint);
  }
}

export const isNotFound = (err: unknown): boolean =>
  err instanceof EngineRequestError && err.statusCode === 404;

/** Low-level GET; the seam unit tests replace. Resolves with the parsed JSON (or text) body. */
export type Transport = (
  path: string,
  query: Record<string, string | number | boolean> | undefined,
  signal: AbortSignal,
) => Promise<unknown>;

// ---- version negotiation ---------------------------------------------------------------------------------

const parseVersion = (v: string): [number, number] | undefined => {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};
export const compareApiVersions = (a: string, b: string): number => {
  const [am = 0, an = 0] = parseVersion(a) ?? [];
  const [bm = 0, bn = 0] = parseVersion(b) ?? [];
  return am - bm || an - bn;
};

/** Chooses the API version to pin: the daemon's, capped at what we know, noting anything unusual. */
export function negotiateApiVersion(server: {
  ApiVersion?: string | undefined;
  MinAPIVersion?: string | undefined;
}): {
  version: string;
  warnings: string[];
} {
  const warnings: string[] = [];
  const serverMax = server.ApiVersion && parseVersion(server.ApiVersion) ? server.ApiVersion : undefined;
  if (!serverMax) {
    warnings.push(
      `the daemon did not report its API version; assuming ${MIN_TESTED_API_VERSION} (Docker 20.10)`,
    );
    return { version: MIN_TESTED_API_VERSION, warnings };
  }
  let version = compareApiVersions(serverMax, MAX_API_VERSION) > 0 ? MAX_API_VERSION : serverMax;
  const serverMin =
    server.MinAPIVersion && parseVersion(server.MinAPIVersion) ? server.MinAPIVersion : undefined;
  if (serverMin && compareApiVersions(version, serverMin) < 0) {
    version = serverMin;
    warnings.push(
      `the daemon requires API ${serverMin} or newer, beyond the ${MAX_API_VERSION} bulkhead knows; some fields may be misread`,
    );
  }
  if (compareApiVersions(version, MIN_TESTED_API_VERSION) < 0) {
    warnings.push(
      `the daemon speaks API ${version}, older than ${MIN_TESTED_API_VERSION} (Docker 20.10), the oldest bulkhead is tested with; some facts may be missing`,
    );
  }
  return { version: version.replace(/^v/, ''), warnings };
}

// ---- error mapping ---------------------------------------------------------------------------------------

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface ErrorLike {
  message?: string;
  code?: string;
  name?: string;
  statusCode?: number;
  json?: unknown;
  level?: string;
  reason?: string;
}

/** Maps a transport/HTTP error to a one-line EngineRequestError naming the endpoint and how to fix it. */
export function toEngineError(
  err: unknown,
  conn: ResolvedConnection,
  what: string,
  timeoutMs: number,
): EngineRequestError {
  if (err instanceof EngineRequestError) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as ErrorLike;
  const where = describeConnection(conn);
  const code = typeof e.code === 'string' ? e.code : undefined;
  const detail = oneLine(e.message ?? String(err));
  const daemonHint = 'is dockerd running? set DOCKER_HOST or --host';

  if (typeof e.statusCode === 'number') {
    const body = e.json as { message?: unknown } | undefined;
    const msg = oneLine(
      typeof body?.message === 'string' ? body.message : detail.replace(/^\(HTTP code \d+\) /, ''),
    );
    let hint: string | undefined;
    if (e.statusCode === 400 && /HTTPS server/i.test(msg))
      hint = 'the daemon expects TLS: add --tlsverify (or --tls)';
    else if (e.statusCode === 403) hint = 'an authorization plugin or proxy refused the request';
    else if (e.statusCode >= 500) hint = 'the daemon failed; see its log (journalctl -u docker)';
    return new EngineRequestError(
      `${what} on ${where}: HTTP ${e.statusCode}: ${msg}`,
      hint,
      e.statusCode,
      code,
    );
  }
  if (e.name === 'AbortError' || code === 'ABORT_ERR' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new EngineRequestError(
      `${what} on ${where}: no answer within ${Math.round(timeoutMs / 100) / 10} s`,
      conn.protocol === 'unix'
        ? `${daemonHint}; or raise the timeout`
        : 'is the host reachable? or raise the timeout',
      undefined,
      code ?? 'ETIMEDOUT',
    );
  }
  const hostKey = hostKeyFailure.get(conn);
  if (hostKey && !hostKey.ok) {
    return new EngineRequestError(
      `cannot connect to ${where}: ${hostKey.message}`,
      hostKey.hint,
      undefined,
      code,
    );
  }
  if (e.level === 'client-authentication') {
    return new EngineRequestError(
      `${what} on ${where}: ssh authentication failed`,
      'load your key into ssh-agent (SSH_AUTH_SOCK) or put it in ~/.ssh/id_ed25519 / id_rsa; check the user name',
      undefined,
      code,
    );
  }
  switch (code) {
    case 'EREMOTEDIAL':
      return new EngineRequestError(
        `cannot reach the daemon through ${where}: ${detail}`,
        'is docker installed and dockerd running on that host? dial-stdio uses the remote DOCKER_HOST or /var/run/docker.sock',
        undefined,
        code,
      );
    case 'ECONNREFUSED':
      return new EngineRequestError(
        `cannot connect to ${where}: connection refused`,
        conn.protocol === 'ssh'
          ? `is sshd listening on ${conn.host}:${conn.port}? check the port`
          : daemonHint,
        undefined,
        code,
      );
    case 'ENOENT':
      return new EngineRequestError(
        `cannot connect to ${where}: ${conn.socketPath ?? 'socket'} does not exist`,
        daemonHint,
        undefined,
        code,
      );
    case 'EACCES':
    case 'EPERM':
      return new EngineRequestError(
        `cannot connect to ${where}: permission denied`,
        'add your user to the docker group or run as root',
        undefined,
        code,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new EngineRequestError(
        `cannot connect to ${where}: host name ${conn.host ?? ''} does not resolve`,
        'check the host in --host / DOCKER_HOST',
        undefined,
        code,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new EngineRequestError(
        `cannot connect to ${where}: host unreachable`,
        'check the address and the network path',
        undefined,
        code,
      );
    case 'ECONNRESET':
      return new EngineRequestError(
        `${what} on ${where}: connection reset by the daemon`,
        conn.protocol === 'tcp' && !conn.tls
          ? 'if the daemon listens with TLS (port 2376), add --tlsverify'
          : 'the daemon closed the connection; see its log',
        undefined,
        code,
      );
  }
  if (
    (code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) ||
    /ssl|tls|certificate/i.test(detail)
  ) {
    // The daemon's alert says why it refused us; name the cause users can act on.
    const reason = tlsReason(code, detail, conn);
    if (reason)
      return new EngineRequestError(
        `TLS handshake with ${where} failed: ${reason.message}`,
        reason.hint,
        undefined,
        code,
      );
    return new EngineRequestError(
      `TLS handshake with ${where} failed: ${code ?? detail}`,
      'check --tlscacert/--tlscert/--tlskey or DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and that the server certificate names this host',
      undefined,
      code,
    );
  }
  return new EngineRequestError(`${what} on ${where}: ${detail}`, undefined, undefined, code);
}

/** A clear cause for the TLS failures users meet most (client certificate refused, unknown server CA). */
function tlsReason(
  code: string | undefined,
  detail: string,
  conn: ResolvedConnection,
): { message: string; hint: string } | undefined {
  const c = `${code ?? ''} ${detail}`;
  if (
    /ALERT_CERTIFICATE_REQUIRED|ALERT_BAD_CERTIFICATE|ALERT_CERTIFICATE_EXPIRED|ALERT_UNKNOWN_CA/i.test(c)
  ) {
    if (!conn.tls?.certFile)
      return {
        message: 'the daemon requires a client certificate and none was given',
        hint: 'pass --tlscert/--tlskey (or DOCKER_CERT_PATH with cert.pem and key.pem); `bulkhead tls client NAME` issues one',
      };
    return {
      message: `the daemon rejected the client certificate ${conn.tls.certFile} (not issued by the daemon's CA, or expired)`,
      hint: "issue a new one from the daemon's CA: `bulkhead tls client NAME --dir DIR`",
    };
  }
  if (
    /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT/i.test(
      c,
    )
  )
    return {
      message: `the daemon's certificate is not signed by the CA in ${conn.tls?.caFile ?? '--tlscacert'} (${code ?? 'unverified'})`,
      hint: 'pass the CA that issued the daemon certificate with --tlscacert (ca.pem of `bulkhead tls init`)',
    };
  if (/CERT_HAS_EXPIRED/i.test(c))
    return {
      message: "the daemon's certificate has expired",
      hint: 'renew it: `bulkhead tls init --force` on the daemon host',
    };
  if (/ERR_TLS_CERT_ALTNAME_INVALID/i.test(c))
    return {
      message: `the daemon's certificate does not name ${conn.host ?? 'this host'}`,
      hint: 'connect with a name or IP in its SANs, or reissue it with `bulkhead tls init --host NAME`',
    };
  return undefined;
}

// ---- the client ------------------------------------------------------------------------------------------

export interface ClientOptions {
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number;
}

const idPath = (id: string): string => encodeURIComponent(id).replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/** Builds an EngineClient over any transport; `connect` uses docker-modem, tests use a fake. */
export async function createEngineClient(
  connection: ResolvedConnection,
  transport: Transport,
  opts: ClientOptions & { pin: (version: string) => void } = { pin: () => {} },
): Promise<EngineClient> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const get = async <S extends z.ZodTypeAny, T = z.output<S>>(
    what: string,
    path: string,
    schema: S,
    query?: Record<string, string | number | boolean>,
  ): Promise<T> => {
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Race the timer too: a transport that ignores the signal (an ssh agent mid-handshake) must not hang us.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort();
        reject({ name: 'AbortError' });
      }, timeoutMs);
    });
    let body: unknown;
    try {
      body = await Promise.race([transport(path, query, ac.signal), timedOut]);
    } catch (err) {
      throw toEngineError(ac.signal.aborted ? { name: 'AbortError' } : err, connection, what, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EngineRequestError(
        `${what} on ${describeConnection(connection)}: unexpected response (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`,
        'is this a Docker Engine API endpoint?',
      );
    }
    return parsed.data;
  };

  // Unversioned first: the daemon answers at its own version and tells us its range.
  const serverVersion = await get('GET /version', '/version', versionSchema);
  const negotiated = negotiateApiVersion(serverVersion);
  opts.pin(negotiated.version);

  const textSchema = z.preprocess((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v), z.string());

  return {
    connection,
    apiVersion: negotiated.version,
    warnings: [...connection.warnings, ...negotiated.warnings],
    ping: () => get('GET /_ping', '/_ping', textSchema),
    version: () => get('GET /version', '/version', versionSchema),
    info: () => get('GET /info', '/info', infoSchema),
    listContainers: (all = true) =>
      get('GET /containers/json', '/containers/json', z.array(containerSummarySchema), { all }),
    inspectContainer: (id) =>
      get(`GET /containers/${id}/json`, `/containers/${idPath(id)}/json`, containerInspectSchema),
    top: (id) => get(`GET /containers/${id}/top`, `/containers/${idPath(id)}/top`, topSchema),
    inspectExec: (id) => get(`GET /exec/${id}/json`, `/exec/${idPath(id)}/json`, objectSchema),
    listImages: () => get('GET /images/json', '/images/json', z.array(imageSummarySchema)),
    inspectImage: (id) => get(`GET /images/${id}/json`, `/images/${idPath(id)}/json`, objectSchema),
    imageHistory: (id) => get(`GET /images/${id}/history`, `/images/${idPath(id)}/history`, listSchema),
    listNetworks: () => get('GET /networks', '/networks', z.array(networkSummarySchema)),
    inspectNetwork: (id) => get(`GET /networks/${id}`, `/networks/${idPath(id)}`, objectSchema),
    swarmInspect: () => get('GET /swarm', '/swarm', objectSchema),
    listNodes: () => get('GET /nodes', '/nodes', listSchema),
    listServices: () => get('GET /services', '/services', listSchema),
    listSecrets: () => get('GET /secrets', '/secrets', listSchema),
  };
}

const readPem = (path: string, what: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new TargetError(
      `cannot read the TLS ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'check --tlscacert/--tlscert/--tlskey or DOCKER_CERT_PATH',
    );
  }
};

/** Why the last ssh handshake of a connection refused the host key, for the error message. */
const hostKeyFailure = new WeakMap<ResolvedConnection, HostKeyVerdict>();

function sshKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  if (env.SSH_AUTH_SOCK) return undefined;
  for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
    try {
      return readFileSync(join(env.HOME || homedir(), '.ssh', name));
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** A connection made elsewhere (ssh): the agent whose sockets reach the daemon, and a keep-alive hold. */
interface Via {
  agent: HttpAgent;
  hold: () => () => void;
}

/** A GET-JSON transport over node:http(s) for unix sockets, tcp (with or without TLS) and ssh channels. */
function httpTransport(c: ResolvedConnection, via?: Via): { transport: Transport; pin: (v: string) => void } {
  let prefix = '';
  // Keep-alive sockets are unref'd by the agent while idle, so they never hold the process open.
  const agentOptions = { keepAlive: true, maxSockets: 32 };
  let agent: HttpAgent;
  let tls = false;
  if (c.protocol === 'tcp' && c.tls) {
    tls = true;
    const ca = c.tls.caFile ? readPem(c.tls.caFile, 'CA certificate') : undefined;
    const cert = c.tls.certFile ? readPem(c.tls.certFile, 'client certificate') : undefined;
    const key = c.tls.keyFile ? readPem(c.tls.keyFile, 'client key') : undefined;
    agent = new HttpsAgent({
      ...agentOptions,
      rejectUnauthorized: c.tls.verify,
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
    });
  } else agent = via?.agent ?? new HttpAgent(agentOptions);
  const target = via
    ? { socketPath: 'ssh' }
    : c.protocol === 'unix' || c.protocol === 'npipe'
      ? { socketPath: c.socketPath }
      : { host: c.host, port: c.port };
  const request: Transport = (path, query, signal) =>
    new Promise((resolve, reject) => {
      const qs = query
        ? `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
        : '';
      const onResponse = (res: IncomingMessage): void => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            // /_ping answers plain "OK"; every other endpoint we call answers JSON.
            resolve(json === undefined && text !== '' ? text : json);
            return;
          }
          const message =
            (json as { message?: unknown } | undefined)?.message ?? (text.trim() || `HTTP ${status}`);
          reject(Object.assign(new Error(String(message)), { statusCode: status, json }));
        });
      };
      const options = {
        ...target,
        path: `${prefix}${path}${qs}`,
        method: 'GET',
        agent,
        signal,
        // A unix socket has no host name; over tcp the default Host (and the TLS server name) is the peer's.
        headers:
          'socketPath' in target
            ? { Accept: 'application/json', Host: 'docker' }
            : { Accept: 'application/json' },
      };
      const req = tls ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
      req.on('error', reject);
      req.end();
    });
  const transport: Transport = via
    ? async (path, query, signal) => {
        const release = via.hold();
        try {
          return await request(path, query, signal);
        } finally {
          release();
        }
      }
    : request;
  return {
    transport,
    pin: (v) => {
      prefix = `/v${v}`;
    },
  };
}

/** ssh:// endpoints: HTTP over `docker system dial-stdio` channels of one verified SSH connection. */
async function sshTransport(
  c: ResolvedConnection,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ transport: Transport; pin: (v: string) => void }> {
  const known = loadKnownHosts(env);
  const session = await openSshSession({
    host: c.host ?? '',
    port: c.port ?? 22,
    username: c.username,
    agent: env.SSH_AUTH_SOCK || undefined,
    privateKey: sshKey(env),
    // StrictHostKeyChecking=yes: the presented key must be in known_hosts for this host and port.
    hostVerifier: (hostKey: Buffer): boolean => {
      const verdict = verifyHostKey(known, c.host ?? '', c.port ?? 22, hostKey);
      if (!verdict.ok) hostKeyFailure.set(c, verdict);
      return verdict.ok;
    },
    readyTimeoutMs: timeoutMs,
  });
  return httpTransport(c, session);
}

/** Connects, negotiates the API version and returns the client; throws TargetError when unreachable. */
export async function connect(
  connection: ResolvedConnection,
  opts: ClientOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<EngineClient> {
  const env = opts.env ?? process.env;
  const { transport, pin } =
    connection.protocol === 'ssh'
      ? await sshTransport(connection, env, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
      : httpTransport(connection);
  return createEngineClient(connection, transport, {
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    pin,
  });
}
