// Every container check over whole real-shaped containers of both engine generations: none may throw
// (the engine would turn that into "check failed"), and a hardened container passes every failing control.
import { describe, expect, it } from 'vitest';
import {
  daemonWith,
  fromInspect,
  imageInspect,
  inspectV141,
  inspectV152,
  topOf,
} from '../../../test/kit/inspect.js';
import { settings, snapshot } from '../../../test/kit/snapshot.js';
import { runChecks } from '../../core/engine.js';
import { containerChecks } from './index.js';

const top = topOf(
  ['root', '1', 'nginx: master process nginx -g daemon off;'],
  ['101', '30', 'nginx: worker process'],
);

const hardened = {
  AppArmorProfile: 'docker-default',
  Config: {
    User: '101:101',
    Healthcheck: { Test: ['CMD', 'curl', '-fsS', 'http://localhost/'], Interval: 30000000000 },
  },
  HostConfig: {
    NetworkMode: 'shop_default',
    PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
    RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
    CapDrop: ['ALL'],
    CapAdd: ['NET_BIND_SERVICE'],
    SecurityOpt: ['no-new-privileges:true'],
    ReadonlyRootfs: true,
    Memory: 268435456,
    NanoCpus: 500000000,
    PidsLimit: 100,
    BlkioDeviceWriteBps: [{ Path: '/dev/sda', Rate: 10485760 }],
    LogConfig: { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } },
  },
  NetworkSettings: {
    Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
    Networks: { bridge: null, shop_default: { NetworkID: 'n1', IPAddress: '172.20.0.2', DNSNames: ['web'] } },
  },
};

describe('container checks', () => {
  it('are listed in id order', () => {
    const ids = containerChecks.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['API 1.41', inspectV141],
    ['API 1.52', inspectV152],
  ])('%s: a default container runs through every check without an error', (_n, build) => {
    const c = fromInspect(build(), { top, execs: [], image: imageInspect() });
    const results = runChecks(
      containerChecks,
      snapshot({ containers: [c], daemon: daemonWith(['apparmor', 'seccomp', 'cgroupns']) }),
      settings(),
    );
    expect(results.filter((r) => r.status === 'unknown')).toEqual([]);
    expect(results.filter((r) => r.status === 'fail').map((r) => r.checkId)).toEqual(
      expect.arrayContaining(['BH-CTR-012', 'BH-CTR-014', 'BH-CTR-015', 'BH-CTR-029', 'BH-CTR-033']),
    );
  });

  it.each([
    ['API 1.41', inspectV141],
    ['API 1.52', inspectV152],
  ])('%s: a hardened container fails nothing but the review lists', (_n, build) => {
    const c = fromInspect(build(hardened), { top, execs: [], image: imageInspect({ User: 'nginx' }) });
    const results = runChecks(
      containerChecks,
      snapshot({ containers: [c], daemon: daemonWith(['apparmor', 'seccomp', 'cgroupns']) }),
      settings(),
    );
    const failing = results.filter((r) => r.status !== 'pass').map((r) => `${r.checkId} ${r.status}`);
    expect(failing).toEqual(['BH-CTR-010 fail']);
  });
});
