import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './userns-remap.js';

describe('userns-remap', () => {
  it.each([
    [
      '20.10 off',
      daemonFacts({ engine: '20.10' }),
      {},
      'fail',
      /userns-remap = false \(GET \/info SecurityOptions name=userns\)/,
    ],
    [
      '29 on',
      daemonFacts({
        info: {
          SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=userns', 'name=cgroupns'],
        },
      }),
      {},
      'pass',
      /userns-remap = true/,
    ],
    [
      'rootless',
      daemonFacts({
        engine: '28',
        info: { SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless'] },
      }),
      {},
      'pass',
      /runs rootless/,
    ],
    [
      'file set, daemon not restarted',
      daemonFacts({ engine: '28' }),
      { json: { 'userns-remap': 'default' } },
      'fail',
      /"userns-remap": "default" disagrees with the running daemon/,
    ],
  ] as const)('%s', (_n, daemon, host, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
