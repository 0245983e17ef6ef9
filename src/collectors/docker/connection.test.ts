import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import {
  type ConnectionFlags,
  connectionFact,
  describeConnection,
  isLocalEndpoint,
  type ResolveIo,
  resolveConnection as resolveWith,
} from './connection.js';

interface Ctx {
  env: Record<string, string>;
  io: ResolveIo;
}
const ctx = (env: Record<string, string> = {}, files: string[] = []): Ctx => ({
  env,
  io: { homeDir: '/home/ann', fileExists: (p) => files.includes(p) },
});
const resolveConnection = (flags: ConnectionFlags, c: Ctx) => resolveWith(flags, c.env, c.io);

const ALL_CERTS = ['/home/ann/.docker/ca.pem', '/home/ann/.docker/cert.pem', '/home/ann/.docker/key.pem'];

describe('resolveConnection: endpoint', () => {
  it.each<[string, ConnectionFlags, Record<string, string>, object]>([
    [
      'default socket when nothing is set',
      {},
      {},
      {
        endpoint: 'unix:///var/run/docker.sock',
        protocol: 'unix',
        socketPath: '/var/run/docker.sock',
        source: 'default',
      },
    ],
    [
      'DOCKER_HOST unix socket',
      {},
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      {
        endpoint: 'unix:///run/user/1000/docker.sock',
        socketPath: '/run/user/1000/docker.sock',
        source: 'env',
      },
    ],
    [
      'empty DOCKER_HOST is ignored',
      {},
      { DOCKER_HOST: '' },
      { endpoint: 'unix:///var/run/docker.sock', source: 'default' },
    ],
    [
      '--host beats DOCKER_HOST',
      { host: 'unix:///tmp/d.sock' },
      { DOCKER_HOST: 'tcp://10.0.0.5:2375' },
      { endpoint: 'unix:///tmp/d.sock', source: 'flag' },
    ],
    [
      'unix:// without a path means the default socket',
      { host: 'unix://' },
      {},
      { socketPath: '/var/run/docker.sock' },
    ],
    [
      'tcp with port',
      {},
      { DOCKER_HOST: 'tcp://10.0.0.5:2375' },
      { endpoint: 'tcp://10.0.0.5:2375', protocol: 'tcp', host: '10.0.0.5', port: 2375 },
    ],
    [
      'tcp without port is 2375',
      { host: 'tcp://docker.example' },
      {},
      { port: 2375, host: 'docker.example' },
    ],
    ['bare host:port means tcp', { host: '127.0.0.1:2375' }, {}, { protocol: 'tcp', port: 2375 }],
    ['trailing slash tolerated', { host: 'tcp://h:2375/' }, {}, { endpoint: 'tcp://h:2375' }],
    [
      'IPv6 in brackets',
      { host: 'tcp://[::1]:2376' },
      {},
      { endpoint: 'tcp://[::1]:2376', host: '::1', port: 2376 },
    ],
    [
      'ssh with user and port',
      { host: 'ssh://deploy@build.example:2222' },
      {},
      { endpoint: 'ssh://deploy@build.example:2222', protocol: 'ssh', username: 'deploy', port: 2222 },
    ],
    [
      'ssh without user takes $USER and port 22',
      { host: 'ssh://build.example' },
      { USER: 'ann' },
      { endpoint: 'ssh://ann@build.example:22', username: 'ann', port: 22 },
    ],
    [
      'npipe default path',
      { host: 'npipe://' },
      {},
      { protocol: 'npipe', socketPath: '//./pipe/docker_engine' },
    ],
  ])('%s', (_name, flags, env, expected) => {
    const r = resolveConnection(flags, ctx(env));
    expect(r).toMatchObject(expected);
    expect(r.warnings).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['http scheme', 'http://h:2375', /unsupported scheme "http:\/\/" in --host "http:\/\/h:2375"/],
    ['fd scheme', 'fd://', /unsupported scheme "fd:\/\/"/],
    ['bad port', 'tcp://h:abc', /invalid port "abc"/],
    ['port out of range', 'tcp://h:70000', /port 70000 out of range/],
    ['path after tcp host', 'tcp://h:2375/v1.41', /a path is not supported/],
    ['missing host', 'tcp://:2375', /missing host name/],
    ['unbracketed IPv6', 'tcp://::1:2375', /IPv6 addresses need brackets/],
    ['ssh password', 'ssh://ann:secret@h', /a password is not supported/],
    ['ssh path', 'ssh://ann@h/var/run/docker.sock', /a path is not supported/],
  ])('rejects %s', (_name, host, message) => {
    expect(() => resolveConnection({ host }, ctx())).toThrow(UsageError);
    expect(() => resolveConnection({ host }, ctx())).toThrow(message);
  });

  it('names DOCKER_HOST when the bad value came from the environment', () => {
    expect(() => resolveConnection({}, ctx({ DOCKER_HOST: 'http://x' }))).toThrow(
      /in DOCKER_HOST "http:\/\/x"/,
    );
  });
});

describe('resolveConnection: TLS', () => {
  it.each<[string, ConnectionFlags, Record<string, string>, string[], object | undefined, number]>([
    ['plain tcp has no TLS', { host: 'tcp://h:2375' }, {}, ALL_CERTS, undefined, 2375],
    [
      '--tlsverify uses ~/.docker certs and defaults to port 2376',
      { host: 'tcp://h', tlsverify: true },
      {},
      ALL_CERTS,
      {
        verify: true,
        caFile: '/home/ann/.docker/ca.pem',
        certFile: '/home/ann/.docker/cert.pem',
        keyFile: '/home/ann/.docker/key.pem',
      },
      2376,
    ],
    [
      'DOCKER_TLS_VERIFY + DOCKER_CERT_PATH',
      {},
      { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/etc/bh/certs' },
      ['/etc/bh/certs/ca.pem', '/etc/bh/certs/cert.pem', '/etc/bh/certs/key.pem'],
      {
        verify: true,
        caFile: '/etc/bh/certs/ca.pem',
        certFile: '/etc/bh/certs/cert.pem',
        keyFile: '/etc/bh/certs/key.pem',
      },
      2376,
    ],
    [
      'explicit cert flags win over the cert path',
      { host: 'tcp://h:2376', tlsverify: true, tlscacert: '/x/ca', tlscert: '/x/c', tlskey: '/x/k' },
      { DOCKER_CERT_PATH: '/etc/bh/certs' },
      ['/etc/bh/certs/ca.pem', '/etc/bh/certs/cert.pem', '/etc/bh/certs/key.pem'],
      { verify: true, caFile: '/x/ca', certFile: '/x/c', keyFile: '/x/k' },
      2376,
    ],
    [
      '--tls alone encrypts without verifying and ignores the CA',
      { host: 'tcp://h:2376', tls: true },
      {},
      ALL_CERTS,
      { verify: false, certFile: '/home/ann/.docker/cert.pem', keyFile: '/home/ann/.docker/key.pem' },
      2376,
    ],
    [
      '--tlsverify=false still turns TLS on (docker CLI behaviour)',
      { host: 'tcp://h:2376', tlsverify: false },
      { DOCKER_TLS_VERIFY: '1' },
      [],
      { verify: false },
      2376,
    ],
    [
      'missing default files are left out (system CAs, no client cert)',
      { host: 'tcp://h:2376', tlsverify: true },
      {},
      [],
      { verify: true },
      2376,
    ],
    [
      'DOCKER_CONFIG is the cert dir when DOCKER_CERT_PATH is unset',
      { host: 'tcp://h', tlsverify: true },
      { DOCKER_CONFIG: '/cfg' },
      ['/cfg/ca.pem'],
      { verify: true, caFile: '/cfg/ca.pem' },
      2376,
    ],
  ])('%s', (_name, flags, env, files, tls, port) => {
    const r = resolveConnection(flags, ctx(env, files));
    expect(r.port).toBe(port);
    if (tls === undefined) expect(r.tls).toBeUndefined();
    else expect(r.tls).toStrictEqual(tls);
  });

  it('rejects a client cert without its key', () => {
    expect(() =>
      resolveConnection(
        { host: 'tcp://h:2376', tlsverify: true, tlscert: '/x/cert.pem' },
        ctx({}, ['/home/ann/.docker/ca.pem']),
      ),
    ).toThrow(/TLS client key missing for tcp:\/\/h:2376/);
  });

  it('warns that TLS flags do not apply to a unix socket', () => {
    const r = resolveConnection({ tlsverify: true }, ctx({}, ALL_CERTS));
    expect(r.tls).toBeUndefined();
    expect(r.warnings).toEqual(['TLS options ignored: unix:///var/run/docker.sock is not a tcp:// endpoint']);
  });
});

describe('describeConnection / connectionFact', () => {
  it.each<[ConnectionFlags, string, boolean]>([
    [{}, 'unix:///var/run/docker.sock', false],
    [{ host: 'tcp://h:2375' }, 'tcp://h:2375 (plain HTTP)', false],
    [{ host: 'tcp://h:2376', tlsverify: true }, 'tcp://h:2376 (TLS, verified)', true],
    [{ host: 'tcp://h:2376', tls: true }, 'tcp://h:2376 (TLS, unverified)', true],
    [{ host: 'ssh://ann@h' }, 'ssh://ann@h:22', false],
  ])('%o -> %s', (flags, text, tls) => {
    const r = resolveConnection(flags, ctx());
    expect(describeConnection(r)).toBe(text);
    expect(connectionFact(r, '1.41')).toStrictEqual({
      endpoint: r.endpoint,
      protocol: r.protocol,
      tls,
      apiVersion: '1.41',
    });
  });
});

describe('isLocalEndpoint', () => {
  it.each([
    ['unix:///var/run/docker.sock', true],
    ['tcp://127.0.0.1:2376', true],
    ['tcp://localhost:2375', true],
    ['tcp://[::1]:2376', true],
    ['tcp://10.0.0.5:2376', false],
    ['tcp://docker.example.internal:2376', false],
    ['ssh://ops@127.0.0.1', false],
  ])('%s -> %s', (host, local) => {
    expect(isLocalEndpoint(resolveWith({ host }, {}))).toBe(local);
  });
});
