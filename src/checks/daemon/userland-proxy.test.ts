import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './userland-proxy.js';

describe('userland-proxy', () => {
  it.each([
    ['default', {}, 'fail', /userland-proxy = true \(dockerd default/],
    [
      'flag',
      { dockerd: ['-H', 'fd://', '--userland-proxy=false'] },
      'pass',
      /dockerd --userland-proxy=false/,
    ],
    ['file', { json: { 'userland-proxy': false } }, 'pass', /"userland-proxy": false/],
    ['invalid file value', { json: { 'userland-proxy': 'no' } }, 'fail', /is not a valid value/],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '29' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
