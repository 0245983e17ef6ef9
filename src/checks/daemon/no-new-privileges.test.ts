import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './no-new-privileges.js';

describe('no-new-privileges', () => {
  it.each([
    ['default', daemonFacts({ engine: '20.10' }), {}, 'fail', /no-new-privileges = false \(dockerd default/],
    [
      'API reports it',
      daemonFacts({
        info: {
          SecurityOptions: [
            'name=apparmor',
            'name=seccomp,profile=builtin',
            'name=no-new-privileges',
            'name=cgroupns',
          ],
        },
      }),
      {},
      'pass',
      /GET \/info SecurityOptions name=no-new-privileges/,
    ],
    [
      'file',
      daemonFacts({ engine: '20.10' }),
      { json: { 'no-new-privileges': true } },
      'pass',
      /daemon.json: "no-new-privileges": true/,
    ],
    [
      'flag',
      daemonFacts({ engine: '28' }),
      { dockerd: ['--no-new-privileges'] },
      'pass',
      /dockerd --no-new-privileges/,
    ],
  ] as const)('%s', (_n, daemon, host, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('is unknown without the command line when the API does not list it', () => {
    const r = outcome(check, { daemon: daemonFacts(), gaps: { host: 'remote audit' } });
    expect(r.status).toBe('unknown');
    expect(r.text).toMatch(/host facts were not collected/);
  });
});
