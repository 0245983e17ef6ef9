import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './tcp-without-client-auth.js';

describe('tcp-without-client-auth', () => {
  it.each([
    ['unix only', { dockerd: ['-H', 'fd://'] }, 'n/a', /no TCP socket/],
    ['loopback only', { dockerd: ['-H', 'tcp://127.0.0.1:2375'] }, 'n/a', /loopback addresses only/],
    [
      'tls without verify on every address',
      { dockerd: ['-H', 'tcp://0.0.0.0:2376', '--tls'] },
      'fail',
      /reachable on 0.0.0.0:2376 .*every address[\s\S]*TLS without client verification/,
    ],
    [
      'plain on LAN address',
      { dockerd: ['-H', 'tcp://192.168.1.10:2375'] },
      'fail',
      /192.168.1.10:2375[\s\S]*no TLS and no client verification/,
    ],
    [
      'tlsverify',
      { dockerd: ['-H', 'tcp://192.168.1.10:2376', '--tlsverify'] },
      'pass',
      /tlsverify = true \(dockerd --tlsverify\)/,
    ],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '29' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
