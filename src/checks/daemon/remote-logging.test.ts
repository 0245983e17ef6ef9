import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './remote-logging.js';

describe('remote-logging', () => {
  it.each([
    [
      'json-file (20.10)',
      daemonFacts({ engine: '20.10' }),
      'fail',
      /default log driver = json-file \(GET \/info LoggingDriver\)[\s\S]*stay in files/,
    ],
    ['local', daemonFacts({ info: { LoggingDriver: 'local' } }), 'fail', /local/],
    ['none', daemonFacts({ info: { LoggingDriver: 'none' } }), 'fail', /discarded/],
    ['syslog', daemonFacts({ engine: '28', info: { LoggingDriver: 'syslog' } }), 'pass', /syslog/],
    ['journald', daemonFacts({ info: { LoggingDriver: 'journald' } }), 'pass', /journald/],
    ['fluentd', daemonFacts({ info: { LoggingDriver: 'fluentd' } }), 'pass', /fluentd/],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('mentions a daemon.json log-driver the daemon has not picked up', () => {
    const r = outcome(check, { daemon: daemonFacts(), host: daemonHost({ json: { 'log-driver': 'gelf' } }) });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/"log-driver": "gelf" disagrees with the running daemon/);
  });
});
