// `bulkhead audit --host ssh://…` end to end: a real OpenSSH server on 127.0.0.1 (scripts/test-sshd.sh, its
// own host key and authorized_keys) whose sessions reach the suite's test daemon, and the built CLI audits
// that daemon through it — with a key file, with an ssh-agent, and refusing an unknown or changed host key
// or a missing client key in one line.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildFixtureImage, createContainer, docker } from '../kit/fixtures.js';
import { freePort } from '../kit/net.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'scripts/test-sshd.sh');
const cli = join(repo, 'bin/bulkhead.js');
const isRoot = process.getuid?.() === 0;
const dockerHost = inject('dockerHost');
const SSHD_DIR = '/tmp/bulkhead-sshd-it';
const IMAGE = 'bulkhead-fixture:ssh';
const CONTAINER = 'bh-it-ssh-web';

// A second sshd whose sessions point at a daemon socket that does not exist.
const DOWN_DIR = '/tmp/bulkhead-sshd-it-down';

const sshd = (cmd: 'start' | 'stop', port = 0, dir = SSHD_DIR, target = dockerHost): string =>
  execFileSync('bash', [script, cmd], {
    encoding: 'utf8',
    env: {
      ...process.env,
      BULKHEAD_TEST_SSHD_DIR: dir,
      BULKHEAD_TEST_SSHD_PORT: String(port),
      BULKHEAD_TEST_SSHD_DOCKER_HOST: target,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface JsonReport {
  target: { endpoint: string; engineVersion?: string };
  results: { checkId: string; status: string; subject: { kind: string; name?: string } }[];
  warnings: string[];
}

describe.runIf(isRoot)('bulkhead audit over ssh:// against a real sshd', () => {
  let work: string;
  let vars: Record<string, string>;
  let endpoint: string;
  let agent: ChildProcess | undefined;
  let agentSock: string;

  /** A HOME holding .ssh/known_hosts and, when asked, the client key as id_ed25519. */
  const home = (name: string, opts: { key: boolean; knownHosts: string }): string => {
    const h = join(work, name);
    mkdirSync(join(h, '.ssh'), { recursive: true, mode: 0o700 });
    writeFileSync(join(h, '.ssh', 'known_hosts'), opts.knownHosts, { mode: 0o600 });
    if (opts.key) copyFileSync(vars.SSHD_KEY as string, join(h, '.ssh', 'id_ed25519'));
    return h;
  };

  const audit = (env: Record<string, string>): Run => {
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'audit',
        '--host',
        endpoint,
        '--scope',
        'daemon,container',
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      { cwd: repo, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', ...env } },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(async () => {
    if (!existsSync(join(repo, 'dist/bulkhead.cjs')))
      execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    work = mkdtempSync(join(tmpdir(), 'bulkhead-ssh-it-'));
    const port = await freePort();
    vars = Object.fromEntries(
      sshd('start', port)
        .trim()
        .split('\n')
        .map((l) => l.split('=', 2) as [string, string]),
    );
    endpoint = `ssh://${vars.SSHD_USER}@127.0.0.1:${vars.SSHD_PORT}`;
    await buildFixtureImage(dockerHost, { tag: IMAGE });
    await docker(dockerHost, ['rm', '-f', CONTAINER]).catch(() => undefined);
    await createContainer(dockerHost, {
      name: CONTAINER,
      image: IMAGE,
      state: 'running',
      args: ['--cap-add', 'SYS_ADMIN'],
    });
    // An ssh-agent of our own, holding only the test key.
    agentSock = join(work, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', agentSock], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(agentSock); i++) await new Promise((r) => setTimeout(r, 100));
    execFileSync('ssh-add', [vars.SSHD_KEY as string], {
      env: { ...process.env, SSH_AUTH_SOCK: agentSock },
      stdio: 'ignore',
    });
  });

  afterAll(async () => {
    agent?.kill();
    await docker(dockerHost, ['rm', '-f', CONTAINER]).catch(() => undefined);
    await docker(dockerHost, ['rmi', '-f', IMAGE]).catch(() => undefined);
    try {
      sshd('stop');
      sshd('stop', 0, DOWN_DIR);
    } catch (err) {
      process.stderr.write(`ssh.test: could not stop sshd: ${(err as Error).message}\n`);
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const knownHosts = (): string =>
    execFileSync('cat', [vars.SSHD_KNOWN_HOSTS as string], { encoding: 'utf8' });

  const logins = (): number =>
    (readFileSync(join(SSHD_DIR, 'sshd.log'), 'utf8').match(/Accepted publickey for /g) ?? []).length;

  it('audits the daemon and its containers with the key in ~/.ssh, over one ssh connection', () => {
    const before = logins();
    const r = audit({ HOME: home('key', { key: true, knownHosts: knownHosts() }) });
    // Every API request is a channel of the same connection, not a new login.
    expect(logins() - before).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.target.endpoint).toBe(endpoint);
    expect(report.target.engineVersion).toMatch(/^\d+\.\d+/);
    const mine = report.results.filter((x) => x.subject.name === CONTAINER);
    expect(mine.some((x) => x.status === 'fail')).toBe(true);
    expect(report.results.some((x) => x.subject.kind === 'daemon')).toBe(true);
  });

  it('audits through an ssh-agent (SSH_AUTH_SOCK) without a key file', () => {
    const r = audit({
      HOME: home('agent', { key: false, knownHosts: knownHosts() }),
      SSH_AUTH_SOCK: agentSock,
    });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as JsonReport).target.endpoint).toBe(endpoint);
  });

  it('refuses a host whose key is not in known_hosts, in one line with the fix', () => {
    const r = audit({ HOME: home('unknown', { key: true, knownHosts: '' }) });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^bulkhead: cannot connect to .*: the ssh host key of \\[127\\.0\\.0\\.1\\]:${vars.SSHD_PORT} is not in known_hosts\\n  hint: connect once with`,
      ),
    );
  });

  it('refuses a changed host key as a possible man-in-the-middle', () => {
    const fake = knownHosts().replace(
      /ssh-ed25519 \S+/,
      `ssh-ed25519 ${Buffer.alloc(51, 7).toString('base64')}`,
    );
    const r = audit({ HOME: home('changed', { key: true, knownHosts: fake }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not match known_hosts');
    expect(r.stderr).toContain('man-in-the-middle');
  });

  it('fails clearly without a client key', () => {
    const r = audit({ HOME: home('nokey', { key: false, knownHosts: knownHosts() }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ssh authentication failed|no key|authentication/i);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });
  it('names the remote failure when dockerd is not reachable on the ssh host', async () => {
    const port = await freePort();
    const down = Object.fromEntries(
      sshd('start', port, DOWN_DIR, `unix://${DOWN_DIR}/no-daemon.sock`)
        .trim()
        .split('\n')
        .map((l) => l.split('=', 2) as [string, string]),
    );
    const h = home('down', {
      key: false,
      knownHosts: execFileSync('cat', [down.SSHD_KNOWN_HOSTS as string], { encoding: 'utf8' }),
    });
    copyFileSync(down.SSHD_KEY as string, join(h, '.ssh', 'id_ed25519'));
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'audit',
        '--host',
        `ssh://${down.SSHD_USER}@127.0.0.1:${port}`,
        '--scope',
        'daemon',
        '--timeout',
        '10',
      ],
      { cwd: repo, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', HOME: h } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^bulkhead: cannot reach the daemon through ssh:\/\/.*: remote docker system dial-stdio: .*no-daemon\.sock/,
    );
    expect(r.stderr).toMatch(/\n {2}hint: is docker installed and dockerd running on that host\?/);
  });
});
