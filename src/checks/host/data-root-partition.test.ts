import { describe, expect, it } from 'vitest';
import {
  evaluateHost,
  type HostOver,
  hostFacts,
  hostSnapshot,
  statuses,
  textOf,
} from '../../../test/kit/host.js';
import type { MountFact } from '../../facts/host.js';
import type { DaemonFacts } from '../../facts/snapshot.js';
import check from './data-root-partition.js';

const rootfs: MountFact = { source: '/dev/sda1', target: '/', fstype: 'ext4', options: ['rw'] };
const varfs: MountFact = { source: '/dev/sda3', target: '/var', fstype: 'ext4', options: ['rw'] };
const dockerfs: MountFact = {
  source: '/dev/mapper/vg0-docker',
  target: '/var/lib/docker',
  fstype: 'xfs',
  options: ['rw'],
};
const srvfs: MountFact = { source: '/dev/nvme1n1p1', target: '/srv/docker', fstype: 'ext4', options: ['rw'] };
const overlay: MountFact = {
  source: 'overlay',
  target: '/var/lib/docker/overlay2/9f3c1e/merged',
  fstype: 'overlay',
  options: ['rw'],
};

const daemonWithRoot = (dockerRootDir: string): DaemonFacts =>
  ({
    connection: { endpoint: 'unix:///var/run/docker.sock', protocol: 'unix', tls: false, apiVersion: '1.47' },
    version: { version: '27.3.1', apiVersion: '1.47', components: [] },
    info: {
      dockerRootDir,
      driverStatus: [],
      securityOptions: [],
      insecureRegistryCIDRs: [],
      insecureRegistries: [],
      authorizationPlugins: [],
      runtimes: [],
      swarm: { localNodeState: 'inactive', controlAvailable: false },
      warnings: [],
      rootless: false,
      userns: false,
    },
  }) as DaemonFacts;

describe('data-root-partition (CIS 1.1.1)', () => {
  it.each<[string, HostOver, string, string]>([
    [
      'a dedicated mount passes',
      {},
      'pass',
      '/var/lib/docker (default) is a mount point: /dev/mapper/vg0-docker (xfs)',
    ],
    [
      'on the root filesystem fails',
      { mounts: [rootfs, overlay] },
      'fail',
      '/var/lib/docker (default) is not a separate mount point; it lives on / (/dev/sda1, ext4)',
    ],
    [
      'a separate /var is named but is not the data root',
      { mounts: [rootfs, varfs] },
      'fail',
      'it lives on /var (/dev/sda3, ext4)',
    ],
    [
      'the data root from daemon.json is used',
      {
        mounts: [rootfs, dockerfs],
        daemonJson: { path: '/etc/docker/daemon.json', raw: '', parsed: { 'data-root': '/srv/docker' } },
      },
      'fail',
      '/srv/docker (daemon.json "data-root") is not a separate mount point',
    ],
    [
      'the data root from dockerd flags is used',
      {
        mounts: [rootfs, srvfs],
        processes: [
          { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '--data-root', '/srv/docker/'], uid: 0 },
        ],
      },
      'pass',
      '/srv/docker (dockerd --data-root) is a mount point',
    ],
    [
      "dockerd's self bind mount on the root filesystem fails",
      { mounts: [rootfs, { ...rootfs, target: '/var/lib/docker' }, overlay] },
      'fail',
      '/var/lib/docker (default) is mounted from /dev/sda1 (ext4), the same filesystem as /: a bind mount, not a separate partition',
    ],
    [
      'a separate partition with the self bind mount stacked on it passes',
      { mounts: [rootfs, dockerfs, { ...dockerfs }] },
      'pass',
      'is a mount point: /dev/mapper/vg0-docker (xfs)',
    ],
    [
      'an unreadable mount table is unknown',
      { mounts: [], errors: { mounts: 'ENOENT: /proc/mounts' } },
      'unknown',
      'ENOENT',
    ],
  ])('%s', (_name, over, status, text) => {
    const out = evaluateHost(check, hostSnapshot(over));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
  });

  it('prefers DockerRootDir from the daemon', () => {
    const out = evaluateHost(check, {
      gaps: {},
      host: hostFacts({ mounts: [rootfs, srvfs] }),
      daemon: daemonWithRoot('/srv/docker'),
    });
    expect(statuses(out)).toEqual(['pass']);
    expect(textOf(out)).toContain('/srv/docker (daemon info DockerRootDir)');
  });

  it('is unknown without host facts', () => {
    const out = evaluateHost(check, { gaps: { host: 'host collector disabled' } });
    expect(textOf(out)).toContain('host collector disabled');
  });
});
