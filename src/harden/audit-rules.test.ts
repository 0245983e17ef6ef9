import { describe, expect, it } from 'vitest';
import { input } from '../../test/fixtures/harden/kit.js';
import { CIS_AUDIT_RULES, fileFact, hostSnapshot, missingFile } from '../../test/kit/host.js';
import { AUDIT_RULES_PATH, planAuditRules, validateAuditRules } from './audit-rules.js';

const rulesOf = (content: string | undefined) => (content ?? '').split('\n').filter((l) => l.startsWith('-'));

describe('planAuditRules', () => {
  it('watches every existing Docker path no rule watches, and only those', () => {
    const s = hostSnapshot({
      audit: { source: 'auditctl', rules: ['-w /usr/bin/dockerd -p rwxa -k docker'] },
      files: { '/usr/bin/containerd-shim': missingFile('/usr/bin/containerd-shim') },
    });
    const { file } = planAuditRules(input(s));
    const rules = rulesOf(file?.content);
    expect(file?.target).toBe(AUDIT_RULES_PATH);
    expect(rules).toContain('-w /var/lib/docker -p wa -k docker');
    expect(rules).toContain('-w /etc/docker/daemon.json -p rwxa -k docker');
    expect(rules).toContain('-w /lib/systemd/system/docker.service -p rwxa -k docker');
    // watched already, or not on this host
    expect(rules.join('\n')).not.toMatch(/\/usr\/bin\/dockerd |containerd-shim |\/etc\/sysconfig\/docker/);
    expect(validateAuditRules(file!.content)).toEqual([]);
    expect(file!.explanations.find((e) => e.setting.includes('/var/lib/docker'))?.checkIds).toEqual([
      'BH-HST-005',
    ]);
  });

  it('follows the paths the checks located (data root elsewhere, binaries in /usr/local/bin)', () => {
    const s = hostSnapshot({
      audit: { source: 'files', rules: [] },
      processes: [
        { pid: 9, name: 'dockerd', argv: ['/usr/local/bin/dockerd', '--data-root=/srv/docker'], uid: 0 },
      ],
      files: {
        '/usr/bin/dockerd': missingFile('/usr/bin/dockerd'),
        '/usr/local/bin/dockerd': fileFact('/usr/local/bin/dockerd', { mode: 0o755 }),
        '/srv/docker': fileFact('/srv/docker', { type: 'dir', mode: 0o710 }),
      },
    });
    const rules = rulesOf(planAuditRules(input(s)).file?.content);
    expect(rules).toContain('-w /usr/local/bin/dockerd -p rwxa -k docker');
    expect(rules).toContain('-w /srv/docker -p wa -k docker');
    expect(rules).not.toContain('-w /usr/bin/dockerd -p rwxa -k docker');
  });

  it('still writes rules when the loaded rules could not be read (auditd not installed yet)', () => {
    const s = hostSnapshot({ audit: undefined, errors: { audit: 'auditctl: not found' } });
    expect(rulesOf(planAuditRules(input(s)).file?.content)).toContain('-w /etc/docker -p rwxa -k docker');
  });

  it('writes nothing when every path is audited', () => {
    const p = planAuditRules(
      input(hostSnapshot({ audit: { source: 'auditctl', rules: [...CIS_AUDIT_RULES] } })),
    );
    expect(p.file).toBeUndefined();
    expect(p.notes.join()).toContain('already audited');
  });

  it('keeps the rules of its own file and is unchanged when regenerated from it', () => {
    const s = hostSnapshot({ audit: { source: 'files', rules: [] } });
    const first = planAuditRules(input(s)).file!;
    const again = planAuditRules(input(s), { existing: first.content }).file!;
    expect(again).toMatchObject({ content: first.content, changed: false });
    // After loading, the checks pass: the file keeps its rules instead of shrinking to nothing.
    const loaded = hostSnapshot({ audit: { source: 'auditctl', rules: rulesOf(first.content) } });
    expect(planAuditRules(input(loaded), { existing: first.content }).file).toMatchObject({
      content: first.content,
      changed: false,
    });
  });
});

describe('validateAuditRules', () => {
  it.each([
    ['-w /etc/docker -p rwxa -k docker', 0],
    ['# comment\n\n-w /run/containerd -p wa -k docker', 0],
    ['-w etc/docker -p rwxa -k docker', 1],
    ['-w /etc/docker -p rwz -k docker', 1],
    ['-D', 1],
  ])('%j: %i errors', (text, n) => expect(validateAuditRules(text)).toHaveLength(n));
});
