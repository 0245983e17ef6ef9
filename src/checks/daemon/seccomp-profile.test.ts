import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './seccomp-profile.js';

describe('seccomp-profile', () => {
  it.each([
    [
      '20.10 default',
      daemonFacts({ engine: '20.10' }),
      'pass',
      /seccomp profile = default[\s\S]*Docker's default profile/,
    ],
    ['29 builtin', daemonFacts({ engine: '29' }), 'pass', /builtin/],
    [
      'custom',
      daemonFacts({ info: { SecurityOptions: ['name=seccomp,profile=/etc/docker/seccomp.json'] } }),
      'pass',
      /custom profile/,
    ],
    [
      'unconfined',
      daemonFacts({
        engine: '28',
        info: { SecurityOptions: ['name=apparmor', 'name=seccomp,profile=unconfined'] },
      }),
      'fail',
      /seccomp profile = unconfined[\s\S]*without seccomp/,
    ],
    [
      'no seccomp support',
      daemonFacts({ info: { SecurityOptions: ['name=apparmor', 'name=cgroupns'] } }),
      'fail',
      /disabled/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost() });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
