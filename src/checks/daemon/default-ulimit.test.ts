import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './default-ulimit.js';

describe('default-ulimit', () => {
  it.each([
    ['unset', {}, 'fail', /no default nofile ulimit \(dockerd default/],
    [
      'flag ok',
      { dockerd: ['--default-ulimit', 'nofile=65536:65536'] },
      'pass',
      /default nofile = 65536:65536 \(dockerd --default-ulimit=nofile=65536:65536\)/,
    ],
    [
      'flag too low',
      { dockerd: ['--default-ulimit=nofile=512:4096'] },
      'fail',
      /512:4096[\s\S]*below the minimum of 1024/,
    ],
    [
      'file ok',
      { json: { 'default-ulimits': { nofile: { Name: 'nofile', Hard: 64000, Soft: 64000 } } } },
      'pass',
      /64000:64000/,
    ],
    [
      'hard below soft',
      { json: { 'default-ulimits': { nofile: { Name: 'nofile', Hard: 1024, Soft: 4096 } } } },
      'fail',
      /hard limit is below the soft limit/,
    ],
    ['no host process', { dockerd: null }, 'unknown', /no dockerd process/],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '28' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('uses settings.minNofile', () => {
    const snap = {
      daemon: daemonFacts(),
      host: daemonHost({ dockerd: ['--default-ulimit', 'nofile=4096'] }),
    };
    expect(outcome(check, snap, { minNofile: 8192 }).status).toBe('fail');
    expect(outcome(check, snap, { minNofile: 4096 }).status).toBe('pass');
  });
});
