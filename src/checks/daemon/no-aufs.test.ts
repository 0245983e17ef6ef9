import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './no-aufs.js';

describe('no-aufs', () => {
  it.each([
    ['overlay2', daemonFacts({ engine: '28' }), 'pass', /Driver = overlay2/],
    ['containerd snapshotter', daemonFacts({ engine: '29' }), 'pass', /Driver = overlayfs/],
    ['aufs', daemonFacts({ engine: '20.10', info: { Driver: 'aufs' } }), 'fail', /Driver = aufs/],
    ['missing', daemonFacts({ info: { Driver: null } }), 'unknown', /did not report/],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost() });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
