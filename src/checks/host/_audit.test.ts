import { describe, expect, it } from 'vitest';
import { auditTargets, pathAliases, rulesWatching } from './_audit.js';

describe('auditTargets', () => {
  it.each<[string, { path: string; recursive: boolean }[]]>([
    ['-w /usr/bin/dockerd -p rwxa -k docker', [{ path: '/usr/bin/dockerd', recursive: true }]],
    ['-w /etc/docker/ -p wa', [{ path: '/etc/docker', recursive: true }]],
    [
      '-a always,exit -F arch=b64 -F path=/usr/bin/runc -F perm=x -k docker',
      [{ path: '/usr/bin/runc', recursive: false }],
    ],
    [
      '-a exit,always -F dir=/var/lib/docker -F perm=wa -k docker',
      [{ path: '/var/lib/docker', recursive: true }],
    ],
    ['-a never,exit -F path=/usr/bin/runc', []],
    ['-a always,exit -F path!=/usr/bin/runc', []],
    ['-a always,exit -F arch=b64 -S execve -k exec', []],
  ])('%s', (rule, targets) => expect(auditTargets(rule)).toEqual(targets));
});

describe('rulesWatching', () => {
  const rules = [
    '-w /etc/docker -p rwxa -k docker',
    '-a always,exit -F path=/usr/bin/containerd -F perm=rwxa',
    '-w /usr/lib/systemd/system/docker.service -p rwxa',
    '-w /run/containerd -p rwxa',
  ];
  it.each<[string, string[]]>([
    ['/etc/docker/daemon.json', ['-w /etc/docker -p rwxa -k docker']],
    ['/etc/docker', ['-w /etc/docker -p rwxa -k docker']],
    ['/etc/dockerfile', []],
    ['/usr/bin/containerd', ['-a always,exit -F path=/usr/bin/containerd -F perm=rwxa']],
    ['/usr/bin/containerd-shim', []],
    ['/lib/systemd/system/docker.service', ['-w /usr/lib/systemd/system/docker.service -p rwxa']],
    ['/var/run/containerd/containerd.sock', ['-w /run/containerd -p rwxa']],
  ])('%s', (path, expected) => expect(rulesWatching(rules, path)).toEqual(expected));

  it('does not treat a path= rule as recursive', () => {
    expect(
      rulesWatching(['-a always,exit -F path=/etc/docker -F perm=wa'], '/etc/docker/daemon.json'),
    ).toEqual([]);
  });

  it('knows merged-/usr and /run aliases', () => {
    expect(pathAliases('/usr/sbin/dockerd')).toContain('/sbin/dockerd');
    expect(pathAliases('/var/run/docker.sock')).toContain('/run/docker.sock');
  });
});
