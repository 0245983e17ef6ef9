import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './shared-propagation.js';

describe('BH-CTR-021 shared-propagation', () => {
  it.each([
    [
      'legacy bind with rshared; engine reports Propagation (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: { Binds: ['/mnt/data:/data:rshared'] },
          Mounts: [
            {
              Type: 'bind',
              Source: '/mnt/data',
              Destination: '/data',
              Mode: 'rshared',
              RW: true,
              Propagation: 'rshared',
            },
          ],
        }),
      ),
      ['/mnt/data:/data has propagation "rshared"'],
    ],
    [
      'long form bind-propagation=shared on a created container (1.52, no resolved Mounts)',
      fromInspect(
        inspectV152({
          State: { Status: 'created', Running: false },
          HostConfig: {
            Mounts: [
              { Type: 'bind', Source: '/srv', Target: '/srv', BindOptions: { Propagation: 'shared' } },
            ],
          },
        }),
      ),
      ['/srv:/srv has propagation "shared"'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    [
      'rprivate bind (1.41)',
      fromInspect(
        inspectV141({
          Mounts: [
            {
              Type: 'bind',
              Source: '/srv',
              Destination: '/srv',
              Mode: '',
              RW: true,
              Propagation: 'rprivate',
            },
          ],
        }),
      ),
    ],
    [
      'volume without Propagation (1.52)',
      fromInspect(
        inspectV152({
          Mounts: [
            {
              Type: 'volume',
              Name: 'db',
              Source: '/var/lib/docker/volumes/db/_data',
              Destination: '/db',
              Driver: 'local',
              Mode: 'z',
              RW: true,
              Propagation: '',
            },
          ],
        }),
      ),
    ],
    ['rslave', fromInspect(inspectV152({ HostConfig: { Binds: ['/mnt:/mnt:rslave'] } }))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
