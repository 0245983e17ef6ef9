import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerIdFromCgroup, readContainerProcesses } from './container-processes.js';

const ID = `${'a'.repeat(48)}0123456789abcdef`;

describe('containerIdFromCgroup', () => {
  it.each([
    ['cgroup v1, cgroupfs driver', `12:pids:/docker/${ID}\n11:memory:/docker/${ID}\n`],
    ['cgroup v2, cgroupfs driver', `0::/docker/${ID}\n`],
    ['cgroup v2, systemd driver', `0::/system.slice/docker-${ID}.scope\n`],
    ['a daemon nested under its own parent', `0::/bulkhead-test/docker/${ID}\n`],
  ])('%s', (_name, text) => {
    expect(containerIdFromCgroup(text)).toBe(ID);
  });

  it.each([
    ['a host process', '0::/user.slice/user-0.slice/session-1.scope\n'],
    ['the docker service itself', '0::/system.slice/docker.service\n'],
    ['a short id', '0::/docker/abc123\n'],
  ])('none for %s', (_name, text) => {
    expect(containerIdFromCgroup(text)).toBeUndefined();
  });
});

describe('readContainerProcesses', () => {
  const proc = mkdtempSync(join(tmpdir(), 'bulkhead-proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  const fake = (pid: number, cgroup: string, cmdline: string, uid = 0) => {
    mkdirSync(join(proc, String(pid)));
    writeFileSync(join(proc, String(pid), 'cgroup'), cgroup);
    writeFileSync(join(proc, String(pid), 'cmdline'), cmdline);
    writeFileSync(join(proc, String(pid), 'status'), `Name:\tx\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`);
  };

  it('groups processes by container, in the GET /top shape', async () => {
    fake(10, `0::/docker/${ID}\n`, '/usr/sbin/sshd\0-D\0');
    fake(11, `0::/docker/${ID}\n`, 'nginx: worker process\0', 101);
    fake(12, '0::/system.slice/docker.service\n', '/usr/bin/dockerd\0');
    fake(13, `0::/docker/${ID}\n`, ''); // zombie
    mkdirSync(join(proc, 'self'));
    const map = await readContainerProcesses(proc);
    expect([...map.keys()]).toEqual([ID]);
    expect(map.get(ID)!.Titles).toEqual(['UID', 'PID', 'CMD']);
    expect(map.get(ID)!.Processes.sort()).toEqual([
      ['0', '10', '/usr/sbin/sshd -D'],
      ['101', '11', 'nginx: worker process'],
    ]);
  });
});
