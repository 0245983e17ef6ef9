// `bulkhead tls` end to end: certificates made by tlsInit/tlsClient protect a real dockerd (a second,
// isolated one started with scripts/test-daemon.sh next to the suite's daemon), and the built CLI audits it
// over tcp+TLS with the client certificate, and fails in one line without it, with a certificate from
// another CA, or with an expired one. A third daemon on plain TCP must be reported as critical.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TlsInitResult, tlsClient, tlsInit } from '../../src/tls/index.js';
import { freePort } from '../kit/net.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'scripts/test-daemon.sh');
const cli = join(repo, 'bin/bulkhead.js');
const isRoot = process.getuid?.() === 0;

interface Daemon {
  dir: string;
  bridge: string;
  cidr: string;
}

// Own state dirs, bridges and subnets, so these daemons run beside the suite's (bh-test0, 172.31.254.0/24).
const TLS_DAEMON: Daemon = {
  dir: '/tmp/bulkhead-dockerd-tlsinit',
  bridge: 'bh-tlsinit0',
  cidr: '172.31.252.1/24',
};
const PLAIN_DAEMON: Daemon = {
  dir: '/tmp/bulkhead-dockerd-plain',
  bridge: 'bh-plain0',
  cidr: '172.31.251.1/24',
};

function daemonScript(cmd: 'start' | 'stop', d: Daemon, extra: Record<string, string> = {}): void {
  execFileSync('bash', [script, cmd], {
    env: {
      ...process.env,
      BULKHEAD_TEST_DAEMON_DIR: d.dir,
      BULKHEAD_TEST_BRIDGE: d.bridge,
      BULKHEAD_TEST_BRIDGE_CIDR: d.cidr,
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 5 * 60_000,
  });
}

/** Stops whatever an earlier, interrupted run left in the dir (a reused daemon would keep old certificates). */
function startFresh(d: Daemon, extra: Record<string, string>): void {
  daemonScript('stop', d);
  daemonScript('start', d, extra);
}

function stopQuietly(d: Daemon): void {
  try {
    daemonScript('stop', d);
  } catch (err) {
    process.stderr.write(`tls-init.test: could not stop ${d.dir}: ${(err as Error).message}\n`);
  }
}

function ensureBuilt(): void {
  if (existsSync(join(repo, 'dist/bulkhead.cjs'))) return;
  execFileSync('npm', ['run', 'build'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 5 * 60_000,
  });
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function audit(host: string, tlsArgs: string[]): Run {
  const r = spawnSync(
    process.execPath,
    [cli, 'audit', '--host', host, ...tlsArgs, '--scope', 'daemon', '--format', 'json', '--timeout', '10'],
    // No DOCKER_* from the suite: only the flags choose the daemon and the certificates.
    { cwd: repo, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', HOME: tmpdir() } },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  target: { endpoint: string };
  results: { checkId: string; status: string; severity: string; evidence: { message: string }[] }[];
}

const tls = (ca: string, cert?: string, key?: string): string[] => [
  '--tlsverify',
  '--tlscacert',
  ca,
  ...(cert && key ? ['--tlscert', cert, '--tlskey', key] : []),
];

describe.runIf(isRoot)('a dockerd protected by certificates from `bulkhead tls init`', () => {
  let work: string;
  let port: number;
  let host: string;
  let pki: TlsInitResult;
  let otherPki: TlsInitResult;
  let expired: { cert: string; key: string };

  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'bulkhead-tls-init-'));
    pki = await tlsInit(join(work, 'pki'), { hosts: ['127.0.0.1', 'localhost'], clientName: 'tester' });
    otherPki = await tlsInit(join(work, 'other'), { hosts: ['127.0.0.1'] });
    const e = await tlsClient(pki.dir, 'expired', {
      notBefore: new Date(Date.now() - 10 * 86400_000),
      notAfter: new Date(Date.now() - 86400_000),
    });
    expired = { cert: e.client.certPath, key: e.client.keyPath };
    port = await freePort();
    host = `tcp://127.0.0.1:${port}`;
    startFresh(TLS_DAEMON, { BULKHEAD_TEST_TLS_PORT: String(port), BULKHEAD_TEST_TLS_CERTS_FROM: pki.dir });
  });

  afterAll(() => {
    stopQuietly(TLS_DAEMON);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('audits it with the client certificate', () => {
    const r = audit(host, tls(pki.ca.certPath, pki.client.certPath, pki.client.keyPath));
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.target.endpoint).toBe(host);
    // The fix BH-API-001 asks for is exactly this setup.
    expect(report.results.filter((x) => x.checkId === 'BH-API-001').map((x) => x.status)).toEqual(['pass']);
  });

  it('also audits it through DOCKER_CERT_PATH, the layout tls init writes the client directory in', () => {
    const r = spawnSync(process.execPath, [cli, 'audit', '--scope', 'daemon', '--format', 'json'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmpdir(),
        DOCKER_HOST: host,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: pki.client.certDir,
      },
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
  });

  // Each refusal is one line naming the endpoint, plus a hint line; no stack trace, no report.
  it.each([
    [
      'without a client certificate',
      () => tls(pki.ca.certPath),
      /requires a client certificate and none was given/,
    ],
    [
      'with a client certificate from another CA',
      () => tls(pki.ca.certPath, otherPki.client.certPath, otherPki.client.keyPath),
      /rejected the client certificate .*not issued by the daemon's CA, or expired/,
    ],
    [
      'with an expired client certificate',
      () => tls(pki.ca.certPath, expired.cert, expired.key),
      /rejected the client certificate .*not issued by the daemon's CA, or expired/,
    ],
    [
      'when the daemon certificate is not from the trusted CA',
      () => tls(otherPki.ca.certPath, otherPki.client.certPath, otherPki.client.keyPath),
      /the daemon's certificate is not signed by the CA in /,
    ],
  ])('fails %s with a one-line error and exit 2', (_case, args, cause) => {
    const r = audit(host, args());
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^bulkhead: .*tcp://127\\.0\\.0\\.1:${port}\\b.*`));
    expect(lines[0]).toMatch(cause);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}hint: /)]);
  });
});

describe.runIf(isRoot)('a dockerd on plain TCP', () => {
  let port: number;

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    startFresh(PLAIN_DAEMON, { BULKHEAD_TEST_PLAIN_TCP_PORT: String(port) });
  });

  afterAll(() => stopQuietly(PLAIN_DAEMON));

  it('is a critical finding, BH-API-001, that fails the audit', () => {
    const host = `tcp://127.0.0.1:${port}`;
    const r = audit(host, []);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.target.endpoint).toBe(host);
    const api = report.results.filter((x) => x.checkId === 'BH-API-001');
    expect(api.map((x) => [x.status, x.severity])).toEqual([['fail', 'critical']]);
    expect(api[0]!.evidence.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^plain-TCP Docker API on 127\\.0\\.0\\.1:${port} \\(`)),
      ]),
    );
  });
});
