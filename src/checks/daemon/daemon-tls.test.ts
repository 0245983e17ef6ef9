import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, listener, outcome } from '../../../test/kit/daemon.js';
import check from './daemon-tls.js';

const tlsArgs = [
  '-H',
  'fd://',
  '-H',
  'tcp://10.0.0.5:2376',
  '--tlsverify',
  '--tlscacert=/etc/docker/ca.pem',
  '--tlscert=/etc/docker/server-cert.pem',
  '--tlskey=/etc/docker/server-key.pem',
];

describe('daemon-tls', () => {
  it.each([
    ['unix socket only', { dockerd: ['-H', 'fd://'] }, 'n/a', /no TCP socket/],
    [
      'tcp with tlsverify',
      { dockerd: tlsArgs },
      'pass',
      /10.0.0.5:2376 .*\n.*tlsverify = true[\s\S]*tlscacert = \/etc\/docker\/ca.pem/,
    ],
    [
      'tcp with tls only',
      { dockerd: ['-H', 'tcp://0.0.0.0:2376', '--tls', '--tlscert=/c.pem', '--tlskey=/k.pem'] },
      'fail',
      /0.0.0.0:2376[\s\S]*clients are not verified/,
    ],
    [
      'plain tcp in daemon.json',
      { dockerd: [], json: { hosts: ['unix:///var/run/docker.sock', 'tcp://0.0.0.0:2375'] } },
      'fail',
      /0.0.0.0:2375 \(\/etc\/docker\/daemon.json tcp:\/\/0.0.0.0:2375\)[\s\S]*neither --tls nor --tlsverify/,
    ],
    [
      'dockerd listener from a socket unit',
      { dockerd: ['-H', 'fd://'], listeners: [listener('0.0.0.0', 2375)] },
      'fail',
      /0.0.0.0:2375 \(TCP listener of dockerd/,
    ],
    [
      'tlsverify, default cert paths',
      { dockerd: ['-H', 'tcp://10.0.0.5:2376', '--tlsverify'] },
      'pass',
      /~\/.docker\/ca.pem \(dockerd's default path\)/,
    ],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '20.10' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('fails from the connection alone when bulkhead reached the API over plain TCP', () => {
    const daemon = daemonFacts({
      connection: { endpoint: 'tcp://203.0.113.7:2375', protocol: 'tcp', tls: false },
    });
    const r = outcome(check, { daemon, gaps: { host: 'remote audit' } });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/TCP API without TLS: 203.0.113.7:2375/);
  });

  it('is unknown over a unix socket without host facts', () => {
    const r = outcome(check, { daemon: daemonFacts(), gaps: { host: 'not root' } });
    expect(r.status).toBe('unknown');
    expect(r.text).toMatch(/host facts were not collected \(not root\)/);
  });
});
