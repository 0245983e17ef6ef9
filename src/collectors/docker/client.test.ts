import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../../core/errors.js';
import {
  compareApiVersions,
  connect,
  createEngineClient,
  EngineRequestError,
  isNotFound,
  negotiateApiVersion,
  type Transport,
  toEngineError,
} from './client.js';
import { type ResolvedConnection, resolveConnection } from './connection.js';

const unixConn = (path = '/var/run/docker.sock'): ResolvedConnection =>
  resolveConnection({ host: `unix://${path}` }, {}, { homeDir: '/root', fileExists: () => false });
const tcpConn = (tls = false): ResolvedConnection =>
  resolveConnection(
    { host: 'tcp://10.0.0.5', ...(tls ? { tls: true } : {}) },
    {},
    {
      homeDir: '/root',
      fileExists: () => false,
    },
  );

describe('negotiateApiVersion', () => {
  it.each<[string, { ApiVersion?: string; MinAPIVersion?: string }, string, RegExp[]]>([
    ['Docker 20.10 talks 1.41', { ApiVersion: '1.41', MinAPIVersion: '1.12' }, '1.41', []],
    ['Docker 24 talks 1.43', { ApiVersion: '1.43', MinAPIVersion: '1.12' }, '1.43', []],
    ['Docker 29 talks 1.52', { ApiVersion: '1.52', MinAPIVersion: '1.44' }, '1.52', []],
    ['a newer daemon is capped at 1.52', { ApiVersion: '1.54', MinAPIVersion: '1.44' }, '1.52', []],
    ['minor 1.9 < 1.41 numerically, not as text', { ApiVersion: '1.9' }, '1.9', [/older than 1\.41/]],
    [
      'Docker 19.03 still talks 1.40, with a warning',
      { ApiVersion: '1.40' },
      '1.40',
      [/API 1\.40, older than 1\.41/],
    ],
    [
      'a daemon whose minimum is beyond ours',
      { ApiVersion: '1.60', MinAPIVersion: '1.55' },
      '1.55',
      [/requires API 1\.55 or newer, beyond the 1\.52/],
    ],
    ['no version reported', {}, '1.41', [/did not report its API version/]],
    ['garbage version', { ApiVersion: 'latest' }, '1.41', [/did not report its API version/]],
  ])('%s', (_name, server, version, warnings) => {
    const r = negotiateApiVersion(server);
    expect(r.version).toBe(version);
    expect(r.warnings).toHaveLength(warnings.length);
    for (const [i, w] of warnings.entries()) expect(r.warnings[i]).toMatch(w);
  });

  it.each([
    ['1.41', '1.41', 0],
    ['1.9', '1.41', -1],
    ['1.52', '1.43', 1],
    ['v1.44', '1.44', 0],
    ['2.0', '1.99', 1],
  ])('compareApiVersions(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareApiVersions(a, b))).toBe(sign);
  });
});

describe('toEngineError', () => {
  const sock = unixConn();
  it.each<[string, ResolvedConnection, unknown, string, RegExp | undefined, number | undefined]>([
    [
      'socket missing',
      sock,
      Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' }),
      'cannot connect to unix:///var/run/docker.sock: /var/run/docker.sock does not exist',
      /is dockerd running\? set DOCKER_HOST or --host/,
      undefined,
    ],
    [
      'nobody listening',
      sock,
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'cannot connect to unix:///var/run/docker.sock: connection refused',
      /is dockerd running\?/,
      undefined,
    ],
    [
      'no permission on the socket',
      sock,
      Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }),
      'cannot connect to unix:///var/run/docker.sock: permission denied',
      /docker group or run as root/,
      undefined,
    ],
    [
      'timeout',
      tcpConn(),
      { name: 'AbortError', message: 'This operation was aborted' },
      'GET /info on tcp://10.0.0.5:2375 (plain HTTP): no answer within 10 s',
      /reachable\? or raise the timeout/,
      undefined,
    ],
    [
      'self-signed daemon certificate',
      tcpConn(true),
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      "TLS handshake with tcp://10.0.0.5:2376 (TLS, unverified) failed: the daemon's certificate is not signed by the CA in --tlscacert (DEPTH_ZERO_SELF_SIGNED_CERT)",
      /pass the CA that issued the daemon certificate with --tlscacert/,
      undefined,
    ],
    [
      'certificate for another host',
      tcpConn(true),
      Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      }),
      "TLS handshake with tcp://10.0.0.5:2376 (TLS, unverified) failed: the daemon's certificate does not name 10.0.0.5",
      /reissue it with `bulkhead tls init --host NAME`/,
      undefined,
    ],
    [
      'client certificate missing',
      tcpConn(true),
      Object.assign(new Error('alert bad certificate'), { code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' }),
      'TLS handshake with tcp://10.0.0.5:2376 (TLS, unverified) failed: the daemon requires a client certificate and none was given',
      /bulkhead tls client NAME/,
      undefined,
    ],
    [
      'plain HTTP to a TLS port',
      tcpConn(),
      Object.assign(new Error('(HTTP code 400) unexpected'), {
        statusCode: 400,
        json: { message: 'Client sent an HTTP request to an HTTPS server.\n' },
      }),
      'GET /info on tcp://10.0.0.5:2375 (plain HTTP): HTTP 400: Client sent an HTTP request to an HTTPS server.',
      /add --tlsverify/,
      400,
    ],
    [
      'not found keeps its status',
      sock,
      Object.assign(new Error('(HTTP code 404) not found - No such container: abc'), {
        statusCode: 404,
        json: { message: 'No such container: abc' },
      }),
      'GET /info on unix:///var/run/docker.sock: HTTP 404: No such container: abc',
      undefined,
      404,
    ],
    [
      'reset by a TLS-only daemon',
      tcpConn(),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'GET /info on tcp://10.0.0.5:2375 (plain HTTP): connection reset by the daemon',
      /add --tlsverify/,
      undefined,
    ],
    [
      'ssh authentication',
      resolveConnection({ host: 'ssh://ann@h' }, {}, { homeDir: '/root', fileExists: () => false }),
      Object.assign(new Error('All configured authentication methods failed'), {
        level: 'client-authentication',
      }),
      'GET /info on ssh://ann@h:22: ssh authentication failed',
      /ssh-agent/,
      undefined,
    ],
    [
      'anything else keeps its message on one line',
      sock,
      new Error('weird\nfailure'),
      'GET /info on unix:///var/run/docker.sock: weird failure',
      undefined,
      undefined,
    ],
  ])('%s', (_name, conn, err, message, hint, status) => {
    const e = toEngineError(err, conn, 'GET /info', 10_000);
    expect(e).toBeInstanceOf(TargetError);
    expect(e.message).toBe(message);
    if (hint) expect(e.hint).toMatch(hint);
    else expect(e.hint).toBeUndefined();
    expect(e.statusCode).toBe(status);
    expect(isNotFound(e)).toBe(status === 404);
  });
});

describe('createEngineClient over a fake transport', () => {
  const fake = (routes: Record<string, unknown>, seen: string[] = []): Transport => {
    return async (path, query) => {
      seen.push(query ? `${path}?${new URLSearchParams(query as Record<string, string>)}` : path);
      if (!(path in routes))
        throw Object.assign(new Error('not found'), { statusCode: 404, json: { message: `no ${path}` } });
      const v = routes[path];
      if (v instanceof Error) throw v;
      return v;
    };
  };

  it('negotiates from the unversioned /version and pins the result', async () => {
    const pinned: string[] = [];
    const seen: string[] = [];
    const c = await createEngineClient(
      unixConn(),
      fake({ '/version': { ApiVersion: '1.45', Version: '26.1.0' } }, seen),
      {
        pin: (v) => pinned.push(v),
      },
    );
    expect(c.apiVersion).toBe('1.45');
    expect(pinned).toEqual(['1.45']);
    expect(seen).toEqual(['/version']);
    expect(c.warnings).toEqual([]);
  });

  it('asks for every container state and encodes ids into paths', async () => {
    const seen: string[] = [];
    const c = await createEngineClient(
      unixConn(),
      fake(
        {
          '/version': { ApiVersion: '1.41' },
          '/containers/json': [{ Id: 'abc', Names: null, State: 'exited' }],
          '/images/sha256:1f/history': null,
          '/_ping': Buffer.from('OK'),
        },
        seen,
      ),
    );
    expect(await c.listContainers()).toEqual([{ Id: 'abc', State: 'exited' }]);
    expect(await c.imageHistory('sha256:1f')).toEqual([]);
    expect(await c.ping()).toBe('OK');
    expect(seen).toEqual(['/version', '/containers/json?all=true', '/images/sha256:1f/history', '/_ping']);
  });

  it('rejects a response that is not Engine JSON, naming the call and the field', async () => {
    const c = await createEngineClient(
      unixConn(),
      fake({ '/version': { ApiVersion: '1.41' }, '/containers/json': [{ Names: ['/x'] }] }),
    );
    const err = await c.listContainers().catch((e) => e);
    expect(err).toBeInstanceOf(EngineRequestError);
    expect(err.message).toMatch(
      /^GET \/containers\/json on unix:\/\/\/var\/run\/docker\.sock: unexpected response \(0\.Id: /,
    );
  });

  it('times out a call that never answers', async () => {
    const hang: Transport = (path) =>
      path === '/version' ? Promise.resolve({ ApiVersion: '1.41' }) : new Promise(() => {});
    const c = await createEngineClient(unixConn(), hang, { timeoutMs: 200, pin: () => {} });
    const err = await c.info().catch((e) => e);
    expect(err.message).toBe('GET /info on unix:///var/run/docker.sock: no answer within 0.2 s');
  });

  it('carries the resolution warnings', async () => {
    const conn = resolveConnection({ tlsverify: true }, {}, { homeDir: '/root', fileExists: () => false });
    const c = await createEngineClient(conn, fake({ '/version': { ApiVersion: '1.40' } }));
    expect(c.warnings).toEqual([
      'TLS options ignored: unix:///var/run/docker.sock is not a tcp:// endpoint',
      expect.stringMatching(/older than 1\.41/),
    ]);
  });
});

describe('connect over a real unix socket', () => {
  let dir: string;
  let server: Server;
  let sockPath: string;
  const seen: string[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const engine = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    const url = req.url ?? '';
    if (url === '/version')
      return json(res, 200, { Version: '26.1.4', ApiVersion: '1.45', MinAPIVersion: '1.24' });
    if (url === '/v1.45/_ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.45' });
      return res.end('OK');
    }
    if (url === '/v1.45/containers/json?all=true') return json(res, 200, [{ Id: 'c1', State: 'running' }]);
    if (url.startsWith('/v1.45/containers/')) return json(res, 404, { message: 'No such container: gone' });
    return json(res, 500, { message: `unexpected ${url}` });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bh-client-'));
    sockPath = join(dir, 'docker.sock');
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((r) => server.listen(sockPath, r));
  });
  afterEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('negotiates, then prefixes every call with the pinned version', async () => {
    handler = engine;
    const c = await connect(unixConn(sockPath));
    expect(c.apiVersion).toBe('1.45');
    expect(await c.ping()).toBe('OK');
    expect(await c.listContainers(true)).toEqual([{ Id: 'c1', State: 'running' }]);
    expect(seen).toEqual(['GET /version', 'GET /v1.45/_ping', 'GET /v1.45/containers/json?all=true']);
  });

  it('maps a 404 to a not-found EngineRequestError', async () => {
    handler = engine;
    const c = await connect(unixConn(sockPath));
    const err = await c.inspectContainer('gone').catch((e) => e);
    expect(isNotFound(err)).toBe(true);
    expect(err.message).toBe(
      `GET /containers/gone/json on unix://${sockPath}: HTTP 404: No such container: gone`,
    );
  });

  it('ignores DOCKER_HOST in the environment once the connection is resolved', async () => {
    handler = engine;
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    try {
      const c = await connect(unixConn(sockPath));
      expect(c.apiVersion).toBe('1.45');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    expect(process.env.DOCKER_HOST).toBe(saved);
  });

  it('times out against a daemon that accepts but never answers', async () => {
    handler = () => {};
    const err = await connect(unixConn(sockPath), { timeoutMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect(err.message).toBe(`GET /version on unix://${sockPath}: no answer within 0.3 s`);
  });

  it('says when the socket does not exist', async () => {
    const missing = join(dir, 'nope.sock');
    const err = await connect(unixConn(missing)).catch((e) => e);
    expect(err.message).toBe(`cannot connect to unix://${missing}: ${missing} does not exist`);
    expect(err.hint).toBe('is dockerd running? set DOCKER_HOST or --host');
  });

  it('names an unreadable TLS file before dialling', async () => {
    const conn = resolveConnection(
      { host: 'tcp://127.0.0.1:2376', tlsverify: true, tlscacert: join(dir, 'ca.pem') },
      {},
      {
        homeDir: dir,
        fileExists: () => false,
      },
    );
    const err = await connect(conn).catch((e) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect(err.message).toBe(`cannot read the TLS CA certificate ${join(dir, 'ca.pem')}: ENOENT`);
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('connect over TLS to 127.0.0.1', () => {
  let dir: string;
  let server: ReturnType<typeof createHttpsServer>;
  let port: number;
  const pem = (name: string) => join(dir, name);

  /** A throwaway CA, a server cert for IP 127.0.0.1 and a client cert, like `dockerd --tlsverify` setups. */
  const makeCerts = () => {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    ssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca-key.pem',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=bh-test-ca',
    );
    for (const [who, ext] of [
      ['server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'],
      ['client', 'extendedKeyUsage=clientAuth'],
    ] as const) {
      writeFileSync(pem(`${who}.ext`), `${ext.replace('\\n', '\n')}\n`);
      ssl('req', ...ec, '-keyout', `${who}-key.pem`, '-out', `${who}.csr`, '-subj', `/CN=${who}`);
      ssl(
        'x509',
        '-req',
        '-in',
        `${who}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca-key.pem',
        '-CAcreateserial',
        '-out',
        `${who}-cert.pem`,
        '-days',
        '2',
        '-extfile',
        `${who}.ext`,
      );
    }
    writeFileSync(pem('cert.pem'), readFileSync(pem('client-cert.pem')));
    writeFileSync(pem('key.pem'), readFileSync(pem('client-key.pem')));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bh-tls-'));
    makeCerts();
    server = createHttpsServer(
      {
        key: readFileSync(pem('server-key.pem')),
        cert: readFileSync(pem('server-cert.pem')),
        ca: readFileSync(pem('ca.pem')),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(req.url === '/version' ? { ApiVersion: '1.43' } : { ID: 'x', Swarm: {} }));
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const resolveTls = (flags: Parameters<typeof resolveConnection>[0], env: Record<string, string> = {}) =>
    resolveConnection({ host: `tcp://127.0.0.1:${port}`, ...flags }, env, {
      homeDir: '/nonexistent',
      fileExists: existsSync,
    });

  it('verifies the daemon with DOCKER_CERT_PATH and presents the client certificate', async () => {
    const c = await connect(resolveTls({}, { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir }));
    expect(c.apiVersion).toBe('1.43');
    expect(await c.info()).toEqual({ ID: 'x', Swarm: {} });
  });

  it('--tls without verification accepts a CA it does not know', async () => {
    const c = await connect(resolveTls({ tls: true, tlscert: pem('cert.pem'), tlskey: pem('key.pem') }));
    expect(c.apiVersion).toBe('1.43');
  });

  it('--tlsverify without the CA fails with a certificate hint', async () => {
    const err = await connect(
      resolveTls({ tlsverify: true, tlscacert: '', tlscert: pem('cert.pem'), tlskey: pem('key.pem') }),
      { env: {} },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect(err.message).toMatch(
      new RegExp(`^TLS handshake with tcp://127\\.0\\.0\\.1:${port} \\(TLS, verified\\) failed: `),
    );
    expect(err.hint).toMatch(/--tlscacert/);
  });

  it('plain HTTP to the TLS port fails on one line with a --tlsverify hint', async () => {
    const err = await connect(
      resolveConnection(
        { host: `tcp://127.0.0.1:${port}` },
        {},
        { homeDir: '/nonexistent', fileExists: () => false },
      ),
      { timeoutMs: 3000 },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect(err.message).not.toContain('\n');
    expect(err.message).toContain(`tcp://127.0.0.1:${port} (plain HTTP)`);
    expect(err.hint).toMatch(/--tlsverify/);
  });
});
