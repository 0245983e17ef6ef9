import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './sensitive-host-mounts.js';

const bind = (source: string, destination: string, readOnly = false) => ({
  type: 'bind' as const,
  source,
  destination,
  readOnly,
  propagation: 'rprivate',
});

describe('BH-CTR-006 sensitive-host-mounts', () => {
  it.each([
    [
      'host root via legacy Binds (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: { Binds: ['/:/host'] },
          Mounts: [
            { Type: 'bind', Source: '/', Destination: '/host', Mode: '', RW: true, Propagation: 'rprivate' },
          ],
        }),
      ),
      ['read-write bind of host / at /host'],
    ],
    [
      '/etc read-only via long-form Mounts (1.52)',
      fromInspect(
        inspectV152({
          HostConfig: { Mounts: [{ Type: 'bind', Source: '/etc', Target: '/host/etc', ReadOnly: true }] },
          Mounts: [
            {
              Type: 'bind',
              Source: '/etc',
              Destination: '/host/etc',
              Mode: '',
              RW: false,
              Propagation: 'rprivate',
            },
          ],
        }),
      ),
      ['read-only bind of host /etc at /host/etc'],
    ],
    [
      'a parent of sensitive dirs, written as /var/ (trailing slash)',
      containerFacts({ spec: { mounts: [bind('/var/', '/hostvar')] } }),
      ['read-write bind of host /var (exposes /var/lib/docker, /var/lib/containerd, /var/run) at /hostvar'],
    ],
    [
      'read-only listed after read-write',
      containerFacts({ spec: { mounts: [bind('/proc', '/hproc', true), bind('/sys', '/hsys')] } }),
      ['read-write bind of host /sys at /hsys', 'read-only bind of host /proc at /hproc'],
    ],
    [
      'engine state',
      containerFacts({ spec: { mounts: [bind('/var/lib/docker', '/docker')] } }),
      ['read-write bind of host /var/lib/docker at /docker'],
    ],
    [
      'cgroup tree (release_agent escape)',
      containerFacts({ spec: { mounts: [bind('/sys/fs/cgroup', '/sys/fs/cgroup')] } }),
      ['read-write bind of host /sys/fs/cgroup (inside /sys) at /sys/fs/cgroup'],
    ],
    [
      'log shipper reading other containers (read-only)',
      containerFacts({
        spec: { mounts: [bind('/var/lib/docker/containers', '/var/lib/docker/containers', true)] },
      }),
      [
        'read-only bind of host /var/lib/docker/containers (inside /var/lib/docker) at /var/lib/docker/containers',
      ],
    ],
    [
      "root's SSH keys and /etc/shadow",
      containerFacts({
        spec: { mounts: [bind('/root/.ssh', '/keys', true), bind('/etc/shadow', '/shadow', true)] },
      }),
      [
        'read-only bind of host /root/.ssh (inside /root) at /keys',
        'read-only bind of host /etc/shadow at /shadow',
      ],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['no mounts (1.41)', fromInspect(inspectV141())],
    ['no mounts (1.52)', fromInspect(inspectV152())],
    ['application dir', containerFacts({ spec: { mounts: [bind('/srv/app', '/app')] } })],
    [
      'a config file under /etc',
      containerFacts({ spec: { mounts: [bind('/etc/nginx/nginx.conf', '/etc/nginx/nginx.conf', true)] } }),
    ],
    [
      'a named volume called etc',
      containerFacts({
        spec: {
          mounts: [{ type: 'volume', source: 'etc', destination: '/etc', readOnly: false, propagation: '' }],
        },
      }),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
