import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './docker-up-to-date.js';

const engine = (v: string) =>
  daemonFacts({ version: { Version: v, Components: [{ Name: 'Engine', Version: v, Details: {} }] } });

describe('docker-up-to-date', () => {
  it.each([
    ['28.5.1', daemonFacts({ engine: '28' }), 'fail', /28.5.1 is older than 29.5.1/],
    ['29.1.0', daemonFacts({ engine: '29' }), 'fail', /29.1.0 is older than 29.5.1/],
    ['29.5.1', engine('29.5.1'), 'pass', /not older than 29.5.1/],
    ['30.0.0', engine('30.0.0'), 'pass', /not older/],
    ['distro 20.10.24+dfsg1', daemonFacts({ engine: '20.10' }), 'unknown', /distro build 20.10.24\+dfsg1/],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
