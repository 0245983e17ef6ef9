// `bulkhead harden --apply` against a real dockerd: a second isolated daemon (scripts/test-daemon.sh, beside the
// suite's) is audited, the generated daemon.json is applied to the file that daemon reads (--config-file),
// the daemon is restarted with it, and the re-audit must show the fixed findings gone. A second run must
// change nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { type HardenOutcome, runHarden } from '../../src/harden/index.js';
import { freePort } from '../kit/net.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'scripts/test-daemon.sh');
const isRoot = process.getuid?.() === 0;

// Own state dir, bridge and subnet, so this daemon runs beside the suite's and the TLS tests' daemons.
const DIR = '/tmp/bulkhead-dockerd-harden';
const SOCK = `unix://${DIR}/docker.sock`;
const CONFIG = `${DIR}/daemon.json`;

let port = 0;
function daemonScript(cmd: 'start' | 'stop', extra: Record<string, string> = {}): void {
  execFileSync('bash', [script, cmd], {
    env: {
      ...process.env,
      BULKHEAD_TEST_DAEMON_DIR: DIR,
      BULKHEAD_TEST_BRIDGE: 'bh-harden0',
      BULKHEAD_TEST_BRIDGE_CIDR: '172.31.250.1/24',
      BULKHEAD_TEST_TLS_PORT: String(port),
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 5 * 60_000,
  });
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops only this daemon's dockerd (its pidfile), then starts it again on the daemon.json now in its dir. */
async function restart(): Promise<void> {
  const pid = Number(readFileSync(join(DIR, 'dockerd.pid'), 'utf8').trim());
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 120 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 250));
  expect(pidAlive(pid)).toBe(false);
  daemonScript('start', { BULKHEAD_TEST_DAEMON_JSON: CONFIG });
}

// Every daemon.json setting harden writes for this daemon; userns-remap is excluded because dockerd would
// create the dockremap user and /etc/subuid ranges on the machine running the tests.
const FIXED = ['BH-DMN-014', 'BH-DMN-015', 'BH-DMN-016', 'BH-DMN-021', 'BH-DMN-008'] as const;

const status = (report: Report, id: string): string[] =>
  report.results.filter((r) => r.checkId === id).map((r) => r.status);

const harden = (): Promise<HardenOutcome> =>
  runHarden({
    audit: { config: {}, host: SOCK, env: { PATH: process.env.PATH ?? '' } },
    only: ['daemon'],
    exclude: ['userns-remap'],
    apply: true,
  });

describe.runIf(isRoot)('bulkhead harden --apply on a real dockerd', () => {
  let first: HardenOutcome;
  let second: HardenOutcome;

  beforeAll(async () => {
    port = await freePort();
    daemonScript('stop');
    daemonScript('start');
    first = await harden();
    await restart();
    second = await harden();
  }, 600_000);

  afterAll(() => {
    try {
      daemonScript('stop');
    } catch (err) {
      process.stderr.write(`harden.test: could not stop ${DIR}: ${(err as Error).message}\n`);
    }
  });

  it('found the daemon findings before hardening', () => {
    for (const id of FIXED) expect(status(first.report, id), id).toEqual(['fail']);
  });

  it('merged the settings into the file this daemon reads, with a backup of the old one', () => {
    const daemonJson = first.plan.files.find((f) => f.name === 'daemon.json')!;
    expect(daemonJson.target).toBe(CONFIG);
    expect(first.applied?.applied).toEqual([
      expect.objectContaining({
        target: CONFIG,
        status: 'updated',
        backup: expect.stringMatching(/daemon\.json\.bulkhead-\d{14}$/),
      }),
    ]);
    expect(JSON.parse(readFileSync(CONFIG, 'utf8'))).toMatchObject({
      'no-new-privileges': true,
      'live-restore': true,
      'userland-proxy': false,
      'log-opts': { 'max-size': '10m', 'max-file': '3' },
      'default-ulimits': { nofile: { Soft: 65536, Hard: 65536 } },
    });
    const backup = first.applied!.applied[0]!.backup!;
    expect(readFileSync(backup, 'utf8').trim()).toBe('{}');
  });

  it('after a restart the findings those settings fix are gone', () => {
    for (const id of FIXED) expect(status(second.report, id), id).toEqual(['pass']);
  });

  it('left icc alone (this daemon runs with --iptables=false, and dockerd refuses icc=false without it)', () => {
    expect(JSON.parse(readFileSync(CONFIG, 'utf8')).icc).toBeUndefined();
    expect(first.plan.notes.join('\n')).toMatch(/"icc": not set: .*iptables disabled/);
  });

  it('changes nothing on a second run', () => {
    expect(second.applied?.applied.map((a) => a.status)).toEqual(['unchanged']);
    expect(readdirSync(DIR).filter((f) => f.startsWith('daemon.json.bulkhead-'))).toHaveLength(1);
    expect(existsSync(CONFIG)).toBe(true);
  });
});
