import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { applyPlan, HardenValidationError, type RunTool, stamp, validatePlan, writePlan } from './apply.js';
import type { GeneratedFile, HardenPlan } from './types.js';

const file = (over: Partial<GeneratedFile>): GeneratedFile => ({
  area: 'daemon',
  name: 'daemon.json',
  title: 't',
  content: '{\n  "icc": false\n}\n',
  mode: 0o600,
  target: '/etc/docker/daemon.json',
  apply: true,
  changed: true,
  validate: 'json',
  explanations: [{ setting: '"icc": false', text: 'why', checkIds: ['BH-DMN-002'] }],
  next: [],
  ...over,
});
const plan = (...files: GeneratedFile[]): HardenPlan => ({ files, notes: ['a note'] });
const NOW = new Date(2026, 10, 28, 10, 30, 5);
const noTools: RunTool = async () => ({ code: null, stdout: '', stderr: '', missing: true });

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bulkhead-apply-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const at = (p: string) => join(root, p);

describe('applyPlan', () => {
  it('writes with a timestamped backup, keeps the mode, and a second run changes nothing', async () => {
    mkdirSync(at('etc/docker'), { recursive: true });
    writeFileSync(at('etc/docker/daemon.json'), '{"log-level":"warn"}', { mode: 0o644 });
    const p = plan(file({ content: '{\n  "log-level": "warn",\n  "icc": false\n}\n' }));
    const first = await applyPlan(p, { root, now: NOW, run: noTools });
    expect(first.applied).toEqual([
      expect.objectContaining({
        status: 'updated',
        backup: at('etc/docker/daemon.json.bulkhead-20261128103005'),
      }),
    ]);
    expect(readFileSync(at('etc/docker/daemon.json.bulkhead-20261128103005'), 'utf8')).toBe(
      '{"log-level":"warn"}',
    );
    expect(JSON.parse(readFileSync(at('etc/docker/daemon.json'), 'utf8'))).toEqual({
      'log-level': 'warn',
      icc: false,
    });
    expect(statSync(at('etc/docker/daemon.json')).mode & 0o777).toBe(0o644);
    const before = readdirSync(at('etc/docker')).sort();
    const second = await applyPlan(p, { root, now: new Date(), run: noTools });
    expect(second.applied.map((a) => a.status)).toEqual(['unchanged']);
    expect(readdirSync(at('etc/docker')).sort()).toEqual(before);
  });

  it('treats the same JSON in another layout as unchanged', async () => {
    mkdirSync(at('etc/docker'), { recursive: true });
    writeFileSync(at('etc/docker/daemon.json'), '{"icc":false}');
    const r = await applyPlan(plan(file({})), { root, run: noTools });
    expect(r.applied[0]!.status).toBe('unchanged');
    expect(readFileSync(at('etc/docker/daemon.json'), 'utf8')).toBe('{"icc":false}');
  });

  it('creates missing files and directories with the file mode, without a backup', async () => {
    const rules = file({
      name: 'audit/bulkhead-docker.rules',
      content: '-w /etc/docker -p rwxa -k docker\n',
      mode: 0o640,
      target: '/etc/audit/rules.d/bulkhead-docker.rules',
      validate: 'auditd',
    });
    const r = await applyPlan(plan(rules), { root, run: noTools });
    expect(r.applied[0]).toMatchObject({ status: 'created' });
    expect(r.applied[0]!.backup).toBeUndefined();
    expect(statSync(at('etc/audit/rules.d/bulkhead-docker.rules')).mode & 0o777).toBe(0o640);
  });

  it.each([
    ['invalid JSON', file({ content: '{"icc": false,}' }), /daemon.json: JSON failed/],
    ['a JSON array', file({ content: '[]' }), /not a JSON object/],
    [
      'a TLS file that does not exist',
      file({ content: '{"tlsverify": true, "tlscacert": "/etc/docker/tls/ca.pem"}' }),
      /tlscacert.*does not exist/,
    ],
    [
      'a bad audit rule',
      file({
        name: 'r',
        validate: 'auditd',
        content: '-a always,exit -S all\n',
        target: '/etc/audit/rules.d/x.rules',
      }),
      /audit rule syntax failed/,
    ],
    [
      'a drop-in without the ExecStart reset',
      file({
        name: 'd',
        validate: 'systemd',
        content: '[Service]\nExecStart=/usr/bin/dockerd\n',
        target: '/etc/systemd/system/docker.service.d/bulkhead.conf',
      }),
      /drop-in shape failed/,
    ],
  ])('validates first and writes nothing on %s', async (_n, bad, message) => {
    const good = file({
      name: 'audit',
      validate: 'auditd',
      content: '-w /etc/docker -p rwxa -k docker\n',
      target: '/etc/audit/rules.d/b.rules',
    });
    await expect(applyPlan(plan(good, bad), { root, run: noTools })).rejects.toThrow(message);
    expect(readdirSync(root)).toEqual([]);
  });

  it('accepts TLS files that exist under the root', async () => {
    mkdirSync(at('etc/docker/tls'), { recursive: true });
    writeFileSync(at('etc/docker/tls/ca.pem'), 'x');
    const r = await applyPlan(plan(file({ content: '{"tlscacert": "/etc/docker/tls/ca.pem"}' })), {
      root,
      run: noTools,
    });
    expect(r.validations.map((v) => `${v.check}:${v.status}`)).toEqual(['JSON:ok', '"tlscacert" exists:ok']);
  });

  it('validates firewall files with the tools but never applies them', async () => {
    const calls: string[] = [];
    const run: RunTool = async (cmd, args) => {
      calls.push(`${cmd} ${args.slice(0, -1).join(' ')}`);
      return cmd === 'nft'
        ? { code: 1, stdout: '', stderr: 'Error: syntax error' }
        : { code: 0, stdout: '', stderr: '' };
    };
    const ipt = file({
      area: 'firewall',
      name: 'firewall/docker-user.rules',
      validate: 'iptables',
      apply: false,
      target: undefined as never,
      content: '*filter\nCOMMIT\n',
    });
    const nft = file({
      area: 'firewall',
      name: 'firewall/bulkhead.nft',
      validate: 'nft',
      apply: false,
      content: 'table inet bulkhead {}\n',
    });
    delete (ipt as Partial<GeneratedFile>).target;
    delete (nft as Partial<GeneratedFile>).target;
    await expect(applyPlan(plan(file({}), ipt, nft), { root, run })).rejects.toThrow(HardenValidationError);
    expect(calls).toEqual(['iptables-restore --test --noflush', 'nft -c -f']);
    expect(readdirSync(root)).toEqual([]);
    const ok = await validatePlan(plan(ipt), { run });
    expect(ok).toEqual([
      { name: 'firewall/docker-user.rules', check: 'iptables-restore --test', status: 'ok' },
    ]);
    const skipped = await validatePlan(plan(ipt), { run: noTools });
    expect(skipped[0]).toMatchObject({ status: 'skipped', detail: 'iptables-restore is not installed' });
  });

  it('never writes outside the target under the root', async () => {
    await expect(
      applyPlan(plan(file({ target: '/../../etc/passwd' })), { root, run: noTools }),
    ).resolves.toMatchObject({
      applied: [{ path: at('etc/passwd') }],
    });
    mkdirSync(at('etc/docker'), { recursive: true });
    const outside = mkdtempSync(join(tmpdir(), 'bulkhead-outside-'));
    try {
      symlinkSync(outside, at('etc/systemd'));
      const dropIn = file({
        name: 'd',
        validate: undefined as never,
        target: '/etc/systemd/system/docker.service.d/bulkhead.conf',
      });
      delete (dropIn as Partial<GeneratedFile>).validate;
      await expect(applyPlan(plan(dropIn), { root, run: noTools })).rejects.toThrow(UsageError);
      expect(readdirSync(outside)).toEqual([]);
      symlinkSync('/etc/hostname', at('etc/docker/daemon.json'));
      await expect(applyPlan(plan(file({})), { root, run: noTools })).rejects.toThrow(/symbolic link/);
      expect(lstatSync(at('etc/docker/daemon.json')).isSymbolicLink()).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('writePlan', () => {
  it('writes every file with its mode in a private directory, plus a README with the explanations', async () => {
    const out = join(root, 'out');
    const written = await writePlan(
      out,
      plan(file({}), file({ area: 'containers', name: 'containers/web.txt', mode: 0o644, apply: false })),
      'unix:///var/run/docker.sock',
    );
    expect(written.map((w) => [w.path.slice(out.length + 1), w.mode])).toEqual([
      ['daemon.json', 0o600],
      ['containers/web.txt', 0o644],
      ['README.md', 0o644],
    ]);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, 'daemon.json')).mode & 0o777).toBe(0o600);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('- `"icc": false`: why (BH-DMN-002)');
    expect(readme).toContain('Target: `/etc/docker/daemon.json`');
    expect(readme).toContain('- a note');
  });
});

it('stamp is YYYYmmddHHMMSS', () => expect(stamp(NOW)).toBe('20261128103005'));
