import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './iptables-allowed.js';

describe('iptables-allowed', () => {
  it.each([
    ['default', {}, 'pass', /iptables = true \(dockerd default/],
    ['flag', { dockerd: ['--iptables=false'] }, 'fail', /iptables = false \(dockerd --iptables=false\)/],
    ['file', { json: { iptables: false } }, 'fail', /daemon.json: "iptables": false/],
    ['file true', { json: { iptables: true } }, 'pass', /"iptables": true/],
  ] as const)('%s', (_n, host, status, text) => {
    const r = outcome(check, { daemon: daemonFacts({ engine: '20.10' }), host: daemonHost(host) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
