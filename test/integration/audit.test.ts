// The whole audit against the real test daemon: containers with a spread of insecure settings and one
// hardened container, each asserted for its exact failing checks. Everything is labelled and removed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { Report, Result } from '../../src/core/report.js';
import { buildFixtureImage, cleanupLabelled, createContainer, createNetwork } from '../kit/fixtures.js';

const host = inject('dockerHost');
const socketPath = host.replace(/^unix:\/\//, '');
const NET = 'bh-it-audit-net';
const IMAGE = 'bulkhead-fixture:audit';

let report: Report;

const failed = (name: string): string[] =>
  [
    ...new Set(
      report.results
        .filter((r) => r.subject.kind === 'container' && r.subject.name === name && r.status === 'fail')
        .map((r) => r.checkId),
    ),
  ].sort();

const result = (name: string, checkId: string): Result | undefined =>
  report.results.find((r) => r.subject.name === name && r.checkId === checkId);

// Checks every container below fails because of the fixture image or the test daemon, not the settings
// under test: no AppArmor/SELinux on this daemon (n/a), no blkio limit, no CapDrop ALL, and so on. Each
// container's expectation lists what it fails beyond what the hardened one fails.
const HARDENED = 'bh-it-hardened';

beforeAll(async () => {
  await cleanupLabelled(host);
  await buildFixtureImage(host, { tag: IMAGE, user: '1000:1000', healthcheck: 'true' });
  await createNetwork(host, NET, ['--opt', 'com.docker.network.bridge.enable_icc=false']);
  const make = (name: string, state: 'created' | 'running' | 'exited', args: string[]) =>
    createContainer(host, { name, image: IMAGE, state, args });
  await Promise.all([
    make(HARDENED, 'running', [
      '--read-only',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '64m',
      '--cpu-shares',
      '512',
      '--cpus',
      '0.5',
      '--pids-limit',
      '64',
      '--user',
      '1000:1000',
      '--restart',
      'on-failure:3',
      '--network',
      NET,
      '--log-opt',
      'max-size=10m',
      '-p',
      '127.0.0.1:18080:8080',
    ]),
    // --privileged containers cannot start in this sandbox: covered as created.
    make('bh-it-privileged', 'created', ['--privileged']),
    make('bh-it-hostnet', 'running', ['--network', 'host', '--pid', 'host']),
    make('bh-it-sock', 'running', ['-v', `${socketPath}:/var/run/docker.sock`, '-v', '/run:/host-run:ro']),
    make('bh-it-sysadmin', 'running', ['--cap-add', 'SYS_ADMIN', '--user', '0']),
    make('bh-it-ssh-port', 'created', ['-p', '22:22', '--restart', 'always', '--user', 'root']),
    make('bh-it-exited', 'exited', ['--user', '0:0', '-e', 'DB_PASSWORD=hunter2']),
  ]);
  ({ report } = await runAudit({ config: {}, host, env: {}, now: new Date('2026-11-28T12:00:00Z') }));
}, 300_000);

afterAll(async () => {
  await cleanupLabelled(host);
}, 120_000);

describe('bulkhead audit on a real daemon', () => {
  it('describes the target and judges every container in every state', () => {
    expect(report.target.endpoint).toBe(host);
    expect(report.target.engineVersion).toMatch(/^\d+\.\d+/);
    const names = new Set(
      report.results.filter((r) => r.subject.kind === 'container').map((r) => r.subject.name),
    );
    for (const n of [
      HARDENED,
      'bh-it-privileged',
      'bh-it-hostnet',
      'bh-it-sock',
      'bh-it-sysadmin',
      'bh-it-ssh-port',
      'bh-it-exited',
    ])
      expect(names, n).toContain(n);
    expect(report.summary.byStatus.fail).toBeGreaterThan(0);
  });

  it('the hardened container fails only what this daemon cannot give it', () => {
    expect(failed(HARDENED)).toEqual(HARDENED_FAILS);
  });

  it('finds each insecure setting, exactly', () => {
    const extra = (name: string) => failed(name).filter((id) => !HARDENED_FAILS.includes(id));
    expect(extra('bh-it-privileged')).toEqual(EXPECTED['bh-it-privileged']);
    expect(extra('bh-it-hostnet')).toEqual(EXPECTED['bh-it-hostnet']);
    expect(extra('bh-it-sock')).toEqual(EXPECTED['bh-it-sock']);
    expect(extra('bh-it-sysadmin')).toEqual(EXPECTED['bh-it-sysadmin']);
    expect(extra('bh-it-ssh-port')).toEqual(EXPECTED['bh-it-ssh-port']);
    expect(extra('bh-it-exited')).toEqual(EXPECTED['bh-it-exited']);
  });

  it('names the evidence', () => {
    expect(result('bh-it-privileged', 'BH-CTR-005')?.evidence[0]?.message).toMatch(/Privileged/);
    expect(
      result('bh-it-sock', 'BH-CTR-032')
        ?.evidence.map((e) => e.message)
        .join(' '),
    ).toContain(socketPath);
    expect(
      result('bh-it-ssh-port', 'BH-CTR-040')
        ?.evidence.map((e) => e.message)
        .join(' '),
    ).toMatch(/22/);
    const secret =
      result('bh-it-exited', 'BH-CTR-037')
        ?.evidence.map((e) => e.message)
        .join(' ') ?? '';
    expect(secret).toContain('DB_PASSWORD');
    expect(secret).not.toContain('hunter2');
  });

  it('judges the daemon, images and networks too', () => {
    const scopes = new Set(report.results.map((r) => r.scope));
    for (const s of ['daemon', 'container', 'image', 'network']) expect(scopes).toContain(s);
    expect(report.results.find((r) => r.checkId === 'BH-NET-001' && r.subject.name === NET)?.status).toBe(
      'pass',
    );
  });
});

// The hardened container still has a published port to review (5.9, info) and no block-IO limits (the
// test daemon's disks differ from machine to machine, so the fixture sets none).
const HARDENED_FAILS = ['BH-CTR-010', 'BH-CTR-034'];
// What a container started with default flags lacks and the hardened one has: CapDrop ALL (004), memory
// (012) and CPU (013) limits, read-only rootfs (014), no-new-privileges (027), a pids limit (029), and log
// rotation (036); and, on the default bridge, 030.
const DEFAULTS = [
  'BH-CTR-004',
  'BH-CTR-012',
  'BH-CTR-013',
  'BH-CTR-014',
  'BH-CTR-027',
  'BH-CTR-029',
  'BH-CTR-036',
];
const sorted = (...ids: string[]): string[] => [...new Set(ids)].sort();
const EXPECTED: Record<string, string[]> = {
  // privileged (005) also turns seccomp off (023)
  'bh-it-privileged': sorted(...DEFAULTS, 'BH-CTR-030', 'BH-CTR-005', 'BH-CTR-023'),
  // host network (011) and host PID namespace (017); not on the default bridge
  'bh-it-hostnet': sorted(...DEFAULTS, 'BH-CTR-011', 'BH-CTR-017'),
  // the docker socket (032) and /run, a sensitive host directory (006)
  'bh-it-sock': sorted(...DEFAULTS, 'BH-CTR-030', 'BH-CTR-006', 'BH-CTR-032'),
  // CAP_SYS_ADMIN added (003), user 0 (033)
  'bh-it-sysadmin': sorted(...DEFAULTS, 'BH-CTR-030', 'BH-CTR-003', 'BH-CTR-033'),
  // host port 22 (040, and 009 for any privileged port) on every address (015), restart always (016), user root
  'bh-it-ssh-port': sorted(
    ...DEFAULTS,
    'BH-CTR-030',
    'BH-CTR-009',
    'BH-CTR-040',
    'BH-CTR-015',
    'BH-CTR-016',
    'BH-CTR-033',
  ),
  // user 0:0 (033) and a password in its environment (037)
  'bh-it-exited': sorted(...DEFAULTS, 'BH-CTR-030', 'BH-CTR-033', 'BH-CTR-037'),
};

describe('the CLI on a real daemon', () => {
  it('exits 1 on the critical findings and writes the JSON report', async () => {
    const { main } = await import('../../src/shells/cli/main.js');
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-it-'));
    try {
      const out = join(dir, 'r.json');
      const code = await main([
        'audit',
        '--host',
        host,
        '--scope',
        'container',
        '-f',
        'json',
        '-o',
        out,
        '--fail-on',
        'critical',
      ]);
      process.exitCode = undefined;
      expect(code).toBe(1);
      const r = JSON.parse(readFileSync(out, 'utf8')) as Report;
      expect(r.results.some((x) => x.checkId === 'BH-CTR-005' && x.status === 'fail')).toBe(true);
      const ok = await main([
        'audit',
        '--host',
        host,
        '--scope',
        'container',
        '-f',
        'json',
        '-o',
        out,
        '--skip',
        'BH-CTR-005,BH-CTR-017,BH-CTR-032',
        '--fail-on',
        'critical',
      ]);
      process.exitCode = undefined;
      expect(ok).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
