import { describe, expect, it } from 'vitest';
import { daemonFacts, evaluate, swarmManagerDaemon } from '../../../test/kit/daemon.js';
import type { NetworkFacts } from '../../facts/network.js';
import check from './overlay-encryption.js';

const net = (
  name: string,
  driver: string,
  options: Record<string, string> = {},
  ingress = false,
): NetworkFacts => ({
  id: `${name}0123456789abcdef`,
  name,
  driver,
  scope: driver === 'overlay' ? 'swarm' : 'local',
  internal: false,
  attachable: false,
  ingress,
  enableIPv6: false,
  options:
    driver === 'overlay' ? { 'com.docker.network.driver.overlay.vxlanid_list': '4097', ...options } : options,
  labels: {},
  subnets: ['10.0.1.0/24'],
  containers: [],
});

describe('overlay-encryption', () => {
  it('fails per unencrypted overlay network, skipping ingress and local networks', () => {
    const out = evaluate(check, {
      daemon: swarmManagerDaemon(),
      networks: [
        net('ingress', 'overlay', {}, true),
        net('bridge', 'bridge'),
        net('backend', 'overlay'),
        net('secure', 'overlay', { encrypted: '' }),
      ],
    });
    expect(out.map((o) => [o.status, o.subject?.name])).toEqual([
      ['fail', 'backend'],
      ['pass', 'secure'],
    ]);
    const f = out[0]!;
    expect(f.status === 'fail' && f.evidence[0]!.message).toMatch(
      /overlay network backend \(backend01234\) has no "encrypted" option/,
    );
  });

  it('passes without overlay networks and does not apply without swarm', () => {
    expect(
      evaluate(check, { daemon: swarmManagerDaemon(), networks: [net('ingress', 'overlay', {}, true)] })[0]!
        .status,
    ).toBe('pass');
    expect(evaluate(check, { daemon: daemonFacts(), networks: [net('backend', 'overlay')] })[0]!.status).toBe(
      'n/a',
    );
  });
});
