import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './log-rotation.js';

describe('log-rotation', () => {
  it.each([
    ['json-file without opts', daemonFacts({ engine: '20.10' }), {}, 'fail', /json-file without max-size/],
    [
      'json-file with max-size (file)',
      daemonFacts(),
      { json: { 'log-opts': { 'max-size': '10m', 'max-file': '3' } } },
      'pass',
      /"max-size":"10m"/,
    ],
    [
      'json-file with max-size (flag)',
      daemonFacts({ engine: '28' }),
      { dockerd: ['--log-opt', 'max-size=50m'] },
      'pass',
      /dockerd --log-opt=max-size=50m/,
    ],
    ['local', daemonFacts({ info: { LoggingDriver: 'local' } }), {}, 'pass', /local/],
    [
      'local with rotation disabled',
      daemonFacts({ info: { LoggingDriver: 'local' } }),
      { json: { 'log-opts': { 'max-size': '-1' } } },
      'fail',
      /max-size disables rotation/,
    ],
    ['journald', daemonFacts({ info: { LoggingDriver: 'journald' } }), {}, 'n/a', /journald/],
  ] as const)('%s', (_n, daemon, host, status, text) => {
    const r = outcome(check, { daemon, host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.status === 'n/a' ? (r.outcome as { reason: string }).reason : r.text).toMatch(text);
  });
});
