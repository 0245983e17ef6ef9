import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './default-bridge-icc.js';

const off = { 'com.docker.network.bridge.enable_icc': 'false' };

describe('default-bridge-icc', () => {
  it.each([
    [
      'default bridge icc on (20.10)',
      { daemon: daemonFacts({ engine: '20.10' }) },
      'fail',
      /icc = true \(default bridge option com.docker.network.bridge.enable_icc\)/,
    ],
    ['default bridge icc off (29)', { daemon: daemonFacts({ bridge: off }) }, 'pass', /icc = false/],
    [
      'no bridge facts, flag --icc=false',
      {
        daemon: daemonFacts({ bridge: null }),
        host: daemonHost({ dockerd: ['-H', 'fd://', '--icc=false'] }),
      },
      'pass',
      /dockerd --icc=false/,
    ],
    [
      'no bridge facts, daemon.json icc true',
      { daemon: daemonFacts({ bridge: null }), host: daemonHost({ json: { icc: true } }) },
      'fail',
      /daemon.json: "icc": true/,
    ],
    [
      'no bridge facts, no host',
      { daemon: daemonFacts({ bridge: null }) },
      'unknown',
      /host facts were not collected/,
    ],
  ] as const)('%s', (_n, snap, status, text) => {
    const r = outcome(check, snap);
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('notes a daemon.json change not yet applied', () => {
    const r = outcome(check, { daemon: daemonFacts(), host: daemonHost({ json: { icc: false } }) });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/"icc": false disagrees with the running daemon/);
  });

  it('is not applicable with --bridge=none', () => {
    const r = outcome(check, {
      daemon: daemonFacts({ bridge: null }),
      host: daemonHost({ dockerd: ['--bridge=none'] }),
    });
    expect(r.status).toBe('n/a');
  });
});
