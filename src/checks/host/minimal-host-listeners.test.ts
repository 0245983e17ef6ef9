import { describe, expect, it } from 'vitest';
import { evaluateHost, type HostOver, hostSnapshot, statuses, textOf } from '../../../test/kit/host.js';
import type { ListenerFact } from '../../facts/host.js';
import check, { isLoopback } from './minimal-host-listeners.js';

const sshd: ListenerFact = {
  protocol: 'tcp',
  address: '0.0.0.0',
  port: 22,
  inode: 1,
  pid: 500,
  process: 'sshd',
};
const proxy: ListenerFact = {
  protocol: 'tcp6',
  address: '::',
  port: 8080,
  inode: 2,
  pid: 1201,
  process: 'docker-proxy',
};
const pgLocal: ListenerFact = { protocol: 'tcp', address: '127.0.0.1', port: 5432, inode: 3 };
const redis: ListenerFact = { protocol: 'tcp', address: '0.0.0.0', port: 6379, inode: 4 };
const cups: ListenerFact = { protocol: 'tcp6', address: '::', port: 631, inode: 5 };
const api: ListenerFact = {
  protocol: 'tcp',
  address: '10.0.0.5',
  port: 2376,
  inode: 6,
  pid: 812,
  process: 'dockerd',
};

describe('minimal-host-listeners (P-HST-2)', () => {
  it.each<[string, HostOver, string, string[]]>([
    ['the default host passes', {}, 'pass', ['only sshd, docker-proxy listen on non-loopback addresses']],
    [
      'dockerd, docker-proxy and sshd pass',
      { listeners: [sshd, proxy, api, pgLocal] },
      'pass',
      ['sshd, docker-proxy, dockerd'],
    ],
    [
      'nothing exposed passes',
      { listeners: [pgLocal] },
      'pass',
      ['nothing listens on a non-loopback address'],
    ],
    [
      'other services fail',
      { listeners: [sshd, redis, cups, pgLocal] },
      'fail',
      [
        'listening: 0.0.0.0:6379/tcp process not identified',
        'listening: [::]:631/tcp6 process not identified',
      ],
    ],
    [
      'unattributed listeners without fd access are unknown',
      {
        listeners: [redis],
        errors: { 'listeners.owners': 'socket owners not readable: dockerd[812]: EACCES' },
      },
      'unknown',
      ['listeners could not be attributed', '0.0.0.0:6379/tcp'],
    ],
    [
      'an unreadable /proc/net is unknown',
      { listeners: [], errors: { listeners: 'ENOENT' } },
      'unknown',
      ['ENOENT'],
    ],
  ])('%s', (_name, over, status, texts) => {
    const out = evaluateHost(check, hostSnapshot(over));
    expect(statuses(out)).toEqual([status]);
    for (const t of texts) expect(textOf(out)).toContain(t);
  });

  it('treats 127/8, ::1 and mapped loopback as local', () => {
    expect(['127.0.0.53', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', '::ffff:10.0.0.5'].some(isLoopback)).toBe(false);
  });
});
