import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './rootless.js';

describe('rootless', () => {
  it.each([
    [
      '20.10 rootful',
      daemonFacts({ engine: '20.10' }),
      'fail',
      /runs as root: .*apparmor, seccomp, cgroupns.* no name=rootless/,
    ],
    ['29 rootful', daemonFacts({ engine: '29' }), 'fail', /no name=rootless/],
    [
      '28 rootless',
      daemonFacts({
        engine: '28',
        info: { SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'] },
      }),
      'pass',
      /name=rootless/,
    ],
  ])('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost() });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
