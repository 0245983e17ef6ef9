import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, listener, outcome } from '../../../test/kit/daemon.js';
import check from './tcp-without-tls.js';

describe('tcp-without-tls', () => {
  it.each([
    [
      'stock unit',
      { dockerd: ['-H', 'fd://', '--containerd=/run/containerd/containerd.sock'] },
      'n/a',
      /no TCP socket/,
    ],
    [
      '-H tcp://0.0.0.0:2375',
      { dockerd: ['-H', 'fd://', '-H', 'tcp://0.0.0.0:2375'] },
      'fail',
      /plain-TCP Docker API on 0.0.0.0:2375 \(dockerd -H tcp:\/\/0.0.0.0:2375\)[\s\S]*TLS is off/,
    ],
    ['loopback', { dockerd: ['-H', 'tcp://127.0.0.1:2375'] }, 'fail', /127.0.0.1:2375 .*loopback only/],
    ['default port', { dockerd: ['-Htcp://10.1.2.3'] }, 'fail', /10.1.2.3:2375/],
    ['daemon.json hosts', { dockerd: [], json: { hosts: ['tcp://[::]:2375'] } }, 'fail', /\[::\]:2375/],
    [
      'listener owned by dockerd',
      { listeners: [listener('0.0.0.0', 2375)] },
      'fail',
      /0.0.0.0:2375 \(TCP listener of dockerd \(pid 812\)\)/,
    ],
    [
      'swarm ports are not the API',
      { listeners: [listener('0.0.0.0', 2377), listener('::', 7946)] },
      'n/a',
      /no TCP socket/,
    ],
    [
      'tls',
      { dockerd: ['-H', 'tcp://0.0.0.0:2376', '--tls', '--tlscert=/c', '--tlskey=/k'] },
      'pass',
      /TLS on 0.0.0.0:2376/,
    ],
    [
      'tlsverify via file',
      { dockerd: [], json: { hosts: ['tcp://10.0.0.5:2376'], tlsverify: true } },
      'pass',
      /10.0.0.5:2376/,
    ],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '28' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('fails when bulkhead itself connected over plain TCP, without host facts', () => {
    const daemon = daemonFacts({
      engine: '20.10',
      connection: { endpoint: 'tcp://198.51.100.9:2375', protocol: 'tcp', tls: false },
    });
    const r = outcome(check, { daemon, gaps: { host: 'remote' } });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(
      /plain-TCP Docker API on 198.51.100.9:2375 \(bulkhead connected to tcp:\/\/198.51.100.9:2375\)/,
    );
  });

  it('counts --tls as TLS even when tlsverify is unknown', () => {
    const host = daemonHost({ dockerd: null, json: { hosts: ['tcp://0.0.0.0:2376'], tls: true } });
    const r = outcome(check, { daemon: daemonFacts(), host });
    expect(r.status).toBe('pass');
    expect(r.text).toMatch(/TLS on 0.0.0.0:2376/);
  });

  it('passes a TLS connection without host facts', () => {
    const daemon = daemonFacts({
      connection: { endpoint: 'tcp://198.51.100.9:2376', protocol: 'tcp', tls: true },
    });
    const r = outcome(check, { daemon, gaps: { host: 'remote' } });
    expect(r.status).toBe('pass');
  });

  it('is unknown when the command line is not visible', () => {
    const r = outcome(check, {
      daemon: daemonFacts(),
      host: daemonHost({ dockerd: null, listeners: [listener('0.0.0.0', 2375, 'dockerd')] }),
    });
    expect(r.status).toBe('unknown');
    expect(r.text).toMatch(/0.0.0.0:2375[\s\S]*no dockerd process/);
  });
});
