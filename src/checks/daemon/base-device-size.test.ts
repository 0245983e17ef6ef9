import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './base-device-size.js';

const dm = {
  Driver: 'devicemapper',
  DriverStatus: [
    ['Pool Name', 'docker-thinpool'],
    ['Base Device Size', '21.47GB'],
  ],
};

describe('base-device-size', () => {
  it.each([
    ['overlay2', daemonFacts({ engine: '20.10' }), {}, 'n/a', /overlay2 has no devicemapper base device/],
    [
      'devicemapper default',
      daemonFacts({ engine: '20.10', info: dm }),
      {},
      'pass',
      /no dm.basesize[\s\S]*Base Device Size = 21.47GB/,
    ],
    [
      'devicemapper basesize flag',
      daemonFacts({ engine: '20.10', info: dm }),
      { dockerd: ['--storage-opt', 'dm.basesize=20G'] },
      'fail',
      /dm.basesize=20G \(dockerd --storage-opt=dm.basesize=20G\)/,
    ],
    [
      'devicemapper basesize file',
      daemonFacts({ engine: '20.10', info: dm }),
      { json: { 'storage-opts': ['dm.thinpooldev=/dev/mapper/thin', 'dm.basesize=50G'] } },
      'fail',
      /dm.basesize=50G/,
    ],
  ] as const)('%s', (_n, daemon, host, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
