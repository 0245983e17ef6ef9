import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  daemonWith,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './docker-socket.js';

const bind = (source: string, destination: string, readOnly = false) => ({
  type: 'bind' as const,
  source,
  destination,
  readOnly,
  propagation: 'rprivate',
});

describe('BH-CTR-032 docker-socket', () => {
  it.each([
    [
      'legacy -v docker.sock:ro (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: { Binds: ['/var/run/docker.sock:/var/run/docker.sock:ro'] },
          Mounts: [
            {
              Type: 'bind',
              Source: '/var/run/docker.sock',
              Destination: '/var/run/docker.sock',
              Mode: 'ro',
              RW: false,
              Propagation: 'rprivate',
            },
          ],
        }),
      ),
      [
        'engine socket /var/run/docker.sock is mounted at /var/run/docker.sock (read-only does not restrict API calls)',
      ],
    ],
    [
      '--mount of containerd.sock (1.52)',
      fromInspect(
        inspectV152({
          HostConfig: {
            Mounts: [
              {
                Type: 'bind',
                Source: '/run/containerd/containerd.sock',
                Target: '/run/containerd/containerd.sock',
              },
            ],
          },
          Mounts: [
            {
              Type: 'bind',
              Source: '/run/containerd/containerd.sock',
              Destination: '/run/containerd/containerd.sock',
              Mode: '',
              RW: true,
              Propagation: 'rprivate',
            },
          ],
        }),
      ),
      ['engine socket /run/containerd/containerd.sock is mounted at /run/containerd/containerd.sock'],
    ],
    [
      'parent directory /var/run',
      containerFacts({ spec: { mounts: [bind('/var/run', '/host/run')] } }),
      [
        'host directory /var/run holds /var/run/docker.sock, /var/run/containerd/containerd.sock; mounted at /host/run',
      ],
    ],
    [
      'parent directory /run/docker',
      containerFacts({ spec: { mounts: [bind('/run/docker', '/d')] } }),
      ['host directory /run/docker holds /run/docker/containerd/containerd.sock; mounted at /d'],
    ],
    [
      'rootless socket',
      containerFacts({ spec: { mounts: [bind('/run/user/1000/docker.sock', '/var/run/docker.sock')] } }),
      ['engine socket /run/user/1000/docker.sock is mounted at /var/run/docker.sock'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it('knows the daemon endpoint the audit connected to', () => {
    const d = daemonWith([]);
    const daemon = { ...d, connection: { ...d.connection, endpoint: 'unix:///srv/engine/api.sock' } };
    const out = evaluate(check, containerFacts({ spec: { mounts: [bind('/srv/engine', '/e')] } }), {
      daemon,
    });
    expect(messages(out)).toEqual(['host directory /srv/engine holds /srv/engine/api.sock; mounted at /e']);
  });

  it.each([
    ['no mounts (1.41)', fromInspect(inspectV141())],
    ['no mounts (1.52)', fromInspect(inspectV152())],
    [
      'an app dir under /run',
      containerFacts({ spec: { mounts: [bind('/run/secrets/app', '/secrets', true)] } }),
    ],
    [
      'a volume named docker.sock',
      containerFacts({
        spec: {
          mounts: [
            { type: 'volume', source: 'docker.sock', destination: '/x', readOnly: false, propagation: '' },
          ],
        },
      }),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
