import { describe, expect, it } from 'vitest';
import { metaFindings, toolKind } from './files.js';
import { entry } from './testing/entries.js';

describe('metaFindings', () => {
  const cases = [
    { name: 'setuid root binary', e: { path: '/usr/bin/passwd', mode: 0o4755 }, kinds: ['setuid'] },
    { name: 'setgid binary', e: { path: '/usr/bin/chage', mode: 0o2755 }, kinds: ['setgid'] },
    { name: 'setuid+setgid', e: { path: '/opt/x', mode: 0o6755 }, kinds: ['setuid', 'setgid'] },
    { name: 'plain binary', e: { path: '/opt/app', mode: 0o755 }, kinds: [] },
    { name: 'world-writable file', e: { path: '/app/config.yml', mode: 0o666 }, kinds: ['world-writable'] },
    {
      name: 'world-writable dir without sticky',
      e: { path: '/data', type: 'dir' as const, mode: 0o777 },
      kinds: ['world-writable'],
    },
    { name: '/tmp with sticky bit', e: { path: '/tmp', type: 'dir' as const, mode: 0o1777 }, kinds: [] },
    {
      name: 'symlink 0777',
      e: { path: '/lib64', type: 'symlink' as const, mode: 0o777, linkname: 'usr/lib64' },
      kinds: [],
    },
    { name: 'char device', e: { path: '/dev/mem', type: 'char' as const, mode: 0o640 }, kinds: ['device'] },
    { name: 'block device', e: { path: '/dev/sda', type: 'block' as const, mode: 0o660 }, kinds: ['device'] },
    { name: 'fifo', e: { path: '/run/fifo', type: 'fifo' as const, mode: 0o600 }, kinds: [] },
    { name: 'shell', e: { path: '/bin/bash', mode: 0o755 }, kinds: ['shell'] },
    {
      name: 'busybox sh symlink',
      e: { path: '/bin/sh', type: 'symlink' as const, mode: 0o777, linkname: '/bin/busybox' },
      kinds: ['shell'],
    },
    {
      name: 'sudo is setuid and sudo',
      e: { path: '/usr/bin/sudo', mode: 0o4755 },
      kinds: ['setuid', 'sudo'],
    },
  ];
  it.each(cases)('$name', ({ e, kinds }) => {
    expect(metaFindings(entry(e)).map((f) => f.kind)).toEqual(kinds);
  });

  it('names the symlink target as detail', () => {
    expect(metaFindings(entry({ path: '/bin/sh', type: 'symlink', linkname: 'dash' }))).toEqual([
      { kind: 'shell', detail: 'symlink to dash' },
    ]);
  });
});

describe('toolKind', () => {
  const cases: [string, string | undefined][] = [
    ['/usr/bin/apt-get', 'package-manager'],
    ['/sbin/apk', 'package-manager'],
    ['/usr/local/bin/pip3.11', 'package-manager'],
    ['/usr/bin/npm', 'package-manager'],
    ['/usr/bin/gcc-12', 'compiler'],
    ['/usr/bin/x86_64-linux-gnu-gcc-12', 'compiler'],
    ['/usr/local/go/bin/go', undefined],
    ['/usr/local/bin/go', 'compiler'],
    ['/usr/bin/make', 'compiler'],
    ['/usr/sbin/sshd', 'sshd'],
    ['/usr/bin/nc.openbsd', 'network-tool'],
    ['/usr/bin/curl', 'network-tool'],
    ['/usr/bin/wget', 'network-tool'],
    ['/usr/share/bash-completion/completions/curl', undefined],
    ['/usr/bin/curl-config', undefined],
    ['/app/bin/sh', undefined],
  ];
  it.each(cases)('%s → %s', (path, kind) => {
    expect(toolKind(path)).toBe(kind);
  });
});
