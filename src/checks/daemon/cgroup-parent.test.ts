import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './cgroup-parent.js';

describe('cgroup-parent', () => {
  it.each([
    ['default', {}, 'pass', /cgroup-parent = '' \(default\)/],
    [
      'flag',
      { dockerd: ['--cgroup-parent=/foobar'] },
      'fail',
      /cgroup-parent = \/foobar \(dockerd --cgroup-parent=\/foobar\)[\s\S]*confirm/,
    ],
    ['file', { json: { 'cgroup-parent': 'docker-limited.slice' } }, 'fail', /docker-limited.slice/],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '20.10' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
