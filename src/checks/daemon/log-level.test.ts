import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './log-level.js';

describe('log-level', () => {
  it.each([
    ['default', {}, {}, 'pass', /log-level = info \(dockerd default/],
    [
      'flag warn',
      { dockerd: ['-H', 'fd://', '--log-level=warn'] },
      {},
      'fail',
      /log-level = warn \(dockerd --log-level=warn\)/,
    ],
    ['short flag', { dockerd: ['-l', 'error'] }, {}, 'fail', /log-level = error/],
    ['file info', { json: { 'log-level': 'info' } }, {}, 'pass', /daemon.json: "log-level": "info"/],
    ['debug mode', {}, { Debug: true }, 'fail', /Debug is true/],
    ['no dockerd', { dockerd: null }, {}, 'unknown', /no dockerd process/],
  ] as const)('%s', (_n, host, info, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '28', info }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
