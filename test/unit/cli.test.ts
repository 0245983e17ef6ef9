// The CLI shell end to end, in process: exit codes, one-line errors, formats, output file, scope host.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/shells/cli/main.js';

const tmp = mkdtempSync(join(tmpdir(), 'bulkhead-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

// A minimal fake host root: enough for the host checks to run without touching the real host.
const root = join(tmp, 'root');
beforeEach(() => {
  for (const d of ['etc/docker', 'proc/sys/kernel', 'var/lib/docker']) {
    mkdirp(join(root, d));
  }
  writeFileSync(join(root, 'etc/hostname'), 'fakehost\n');
  writeFileSync(join(root, 'proc/sys/kernel/osrelease'), '6.1.0-17-amd64\n');
  writeFileSync(join(root, 'etc/docker/daemon.json'), '{"icc": false}\n');
  writeFileSync(join(root, 'etc/group'), 'root:x:0:\ndocker:x:999:alice\n');
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
});

import { mkdirSync } from 'node:fs';

function mkdirp(p: string) {
  mkdirSync(p, { recursive: true });
}

describe('bulkhead CLI', () => {
  it('prints its version and exits 0', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on an unknown option', async () => {
    const r = await run('audit', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--frobnicate'");
  });

  it('exits 2 with one line naming the endpoint when the daemon is unreachable', async () => {
    const sock = join(tmp, 'nothing-here.sock');
    const r = await run('audit', '--host', `unix://${sock}`, '--root', root);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toContain(sock);
    expect(lines[0]).toMatch(/^bulkhead: /);
    expect(r.err).toContain('hint:');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--scope host audits the host alone, without a daemon', async () => {
    const r = await run(
      'audit',
      '--scope',
      'host',
      '--root',
      root,
      '-f',
      'json',
      '--host',
      'unix:///nonexistent.sock',
    );
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.out);
    expect(report.schemaVersion).toBe(1);
    expect(report.results.length).toBeGreaterThan(10);
    expect(new Set(report.results.map((x: { scope: string }) => x.scope))).toEqual(new Set(['host']));
  });

  it('--fail-on decides the exit code; --output writes a file', async () => {
    const out = join(tmp, 'report.json');
    const none = await run(
      'audit',
      '--scope',
      'host',
      '--root',
      root,
      '--fail-on',
      'none',
      '-f',
      'json',
      '-o',
      out,
    );
    expect(none.code).toBe(0);
    expect(none.out).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failedInfo = report.results.some((x: { status: string }) => x.status === 'fail');
    const info = await run('audit', '--scope', 'host', '--root', root, '--fail-on', 'info', '-f', 'json');
    expect(info.code).toBe(failedInfo ? 1 : 0);
  });

  it('renders sarif and junit', async () => {
    const sarif = await run('audit', '--scope', 'host', '--root', root, '-f', 'sarif', '--fail-on', 'none');
    expect(JSON.parse(sarif.out).version).toBe('2.1.0');
    const junit = await run('audit', '--scope', 'host', '--root', root, '-f', 'junit', '--fail-on', 'none');
    expect(junit.out).toMatch(/^<\?xml/);
  });

  it('exits 2 on an invalid config file, naming the file and key', async () => {
    const cfg = join(tmp, 'bad.yaml');
    writeFileSync(cfg, 'suppressions:\n  - check: BH-CTR-001\n');
    const r = await run('audit', '--scope', 'host', '--root', root, '--config', cfg);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${cfg}: suppressions.0.reason`);
    writeFileSync(cfg, 'failOn: [unclosed\n');
    const y = await run('audit', '--scope', 'host', '--root', root, '--config', cfg);
    expect(y.code).toBe(2);
    expect(y.err).toContain('invalid YAML');
  });

  it('exits 2 when a selector selects nothing', async () => {
    const r = await run('audit', '--scope', 'host', '--root', root, '--only', 'BH-NOPE-999');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"BH-NOPE-999" selects no check');
  });

  it('lists checks and explains one', async () => {
    const list = await run('checks', '--json');
    const checks = JSON.parse(list.out) as { id: string }[];
    expect(checks.length).toBeGreaterThan(50);
    const ex = await run('explain', checks[0]!.id);
    expect(ex.code).toBe(0);
    expect(ex.out).toContain(`# ${checks[0]!.id}`);
    const bad = await run('explain', 'BH-NOPE-000');
    expect(bad.code).toBe(2);
  });
});

describe('bulkhead lint (compose files)', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'compose');

  it('lints every compose project under a directory and fails on the insecure one', async () => {
    const r = await run('lint', fixtures, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    const failed = new Set(
      report.results
        .filter((x: { status: string }) => x.status === 'fail')
        .map((x: { checkId: string }) => x.checkId),
    );
    for (const id of ['BH-CTR-005', 'BH-CTR-011', 'BH-CTR-017', 'BH-CTR-032']) expect(failed).toContain(id);
    const paths = new Set(report.results.map((x: { subject: { path: string } }) => x.subject.path));
    expect([...paths].some((p) => String(p).endsWith('hardened/compose.yaml'))).toBe(true);
  });

  it('the hardened project alone passes at the default threshold', async () => {
    const r = await run('lint', join(fixtures, 'hardened'), '--format', 'json');
    expect(r.code).toBe(0);
  });

  it('reports a broken file in one line, still lints the others, and exits 2', async () => {
    const dir = join(tmp, 'lint-broken');
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'compose.yaml'), 'services:\n  web: [unclosed\n');
    writeFileSync(
      join(dir, 'b', 'compose.yaml'),
      'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
    );
    const r = await run('lint', dir, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a\/compose\.yaml:\d+:\d+: /);
    expect(
      JSON.parse(r.out).results.some(
        (x: { checkId: string; status: string }) => x.checkId === 'BH-CTR-005' && x.status === 'fail',
      ),
    ).toBe(true);
  });

  it('lints a Dockerfile named on the command line, with its location; a missing path is exit 2', async () => {
    const df = join(tmp, 'Dockerfile');
    writeFileSync(df, 'FROM debian:12\nMAINTAINER ops\n');
    const r = await run('lint', df, '--format', 'json', '--fail-on', 'info');
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out).results.find((x: { checkId: string }) => x.checkId === 'BH-DKF-016');
    expect(found.status).toBe('fail');
    expect(found.location).toEqual({ path: expect.stringMatching(/Dockerfile$/), line: 2, column: 1 });
    expect((await run('lint', join(tmp, 'nope.yaml'))).code).toBe(2);
  });
});
