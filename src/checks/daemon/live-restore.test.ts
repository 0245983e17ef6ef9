import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome, swarmInfoJson } from '../../../test/kit/daemon.js';
import check from './live-restore.js';

describe('live-restore', () => {
  it.each([
    [
      'off (20.10)',
      daemonFacts({ engine: '20.10' }),
      {},
      'fail',
      /live-restore = false \(GET \/info LiveRestoreEnabled\)/,
    ],
    ['on (29)', daemonFacts({ info: { LiveRestoreEnabled: true } }), {}, 'pass', /live-restore = true/],
    [
      'file says true, daemon not restarted',
      daemonFacts({ engine: '28' }),
      { json: { 'live-restore': true } },
      'fail',
      /live-restore = false[\s\S]*"live-restore": true disagrees with the running daemon .*not restarted/,
    ],
  ] as const)('%s', (_n, daemon, host, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('does not apply in swarm mode', () => {
    const r = outcome(check, { daemon: daemonFacts({ info: { Swarm: swarmInfoJson() } }) });
    expect(r.status).toBe('n/a');
  });
});
