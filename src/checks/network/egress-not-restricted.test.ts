import { describe, expect, it } from 'vitest';
import { one, text } from '../../../test/kit/image.js';
import {
  CTR_A,
  defaultBridgeV141,
  ingressOverlay,
  networkFacts,
  userBridgeV141,
  userBridgeV147,
} from '../../../test/kit/network.js';
import { context } from '../../../test/kit/snapshot.js';
import { networkFromApi } from '../../collectors/adapters/image.js';
import type { FirewallFact } from '../../facts/host.js';
import type { HostFacts } from '../../facts/snapshot.js';
import check from './egress-not-restricted.js';

const deny = { egressPolicy: 'deny' } as const;
const host = (firewall: FirewallFact): HostFacts => ({
  root: '/',
  osRelease: {},
  files: {},
  mounts: [],
  units: {},
  listeners: [],
  processes: [],
  envFiles: {},
  packages: [],
  groups: [],
  sysctls: {},
  env: {},
  errors: {},
  firewall,
});
const fw = (rules: string[]): FirewallFact => ({
  backend: 'iptables',
  source: rules.join('\n'),
  chains: [
    { table: 'filter', name: 'DOCKER-USER', policy: '-', rules: [...rules, '-A DOCKER-USER -j RETURN'] },
  ],
});

describe('BH-NET-002 egress-not-restricted', () => {
  it('is not applicable when egress is allowed', () => {
    expect(one(check, networkFacts(), context()).status).toBe('n/a');
  });

  it.each([
    [
      'compose network, firewall not collected',
      networkFromApi(userBridgeV141()),
      {},
      'Internal is false and 2 containers attached (host firewall rules were not collected)',
    ],
    [
      'firewall rules for another network only',
      networkFromApi(userBridgeV141()),
      { host: host(fw(['-A DOCKER-USER -i br-ffffffffffff ! -o br-ffffffffffff -j DROP'])) },
      'Internal is false and 2 containers attached; no DOCKER-USER/FORWARD rule drops traffic from br-0c9e8d7f6a5b or 172.18.0.0/16',
    ],
    [
      'a rule that only drops SMTP',
      networkFromApi(userBridgeV141()),
      { host: host(fw(['-A DOCKER-USER -i br-0c9e8d7f6a5b -p tcp -m tcp --dport 25 -j DROP'])) },
      'Internal is false and 2 containers attached; no DOCKER-USER/FORWARD rule drops traffic from br-0c9e8d7f6a5b or 172.18.0.0/16',
    ],
    [
      'a rule that only drops traffic to one destination',
      networkFromApi(userBridgeV141()),
      { host: host(fw(['-A DOCKER-USER -s 172.18.0.0/16 -d 169.254.169.254/32 -j DROP'])) },
      'Internal is false and 2 containers attached; no DOCKER-USER/FORWARD rule drops traffic from br-0c9e8d7f6a5b or 172.18.0.0/16',
    ],
    [
      'default bridge with a container',
      networkFromApi(defaultBridgeV141()),
      { host: host(fw([])) },
      'Internal is false and 1 container attached; no DOCKER-USER/FORWARD rule drops traffic from docker0 or 172.17.0.0/16',
    ],
    [
      'host network',
      networkFacts({ name: 'host', driver: 'host', subnets: [], containers: [CTR_A] }),
      {},
      "Internal is false and 1 container attached: host networking has the host's full outbound access",
    ],
  ])('fails for %s', (_name, n, snap, evidence) => {
    const o = one(check, n, context(snap, deny));
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['internal network', networkFromApi(userBridgeV141({ Internal: true })), {}],
    ['network without containers', networkFacts({ containers: [] }), {}],
    [
      'DOCKER-USER drops traffic leaving the bridge',
      networkFromApi(userBridgeV141()),
      { host: host(fw(['-A DOCKER-USER -i br-0c9e8d7f6a5b ! -o br-0c9e8d7f6a5b -j DROP'])) },
    ],
    [
      'DOCKER-USER rejects the subnet',
      networkFromApi(userBridgeV147()),
      { host: host(fw(['-A DOCKER-USER -s 172.20.0.0/16 -j REJECT --reject-with icmp-port-unreachable'])) },
    ],
    [
      'nftables forward chain drops traffic leaving the bridge',
      networkFromApi(userBridgeV141()),
      {
        host: host({
          backend: 'nftables',
          source: '',
          chains: [
            {
              table: 'inet filter',
              name: 'forward',
              policy: 'accept',
              hook: 'forward',
              rules: ['iifname "br-0c9e8d7f6a5b" oifname != "br-0c9e8d7f6a5b" drop'],
            },
          ],
        }),
      },
    ],
  ])('passes for %s', (_name, n, snap) => {
    expect(one(check, n, context(snap, deny)).status).toBe('pass');
  });

  it.each([
    ['none network', networkFacts({ name: 'none', driver: 'null', containers: [CTR_A] })],
    ['swarm ingress', networkFromApi(ingressOverlay())],
  ])('is not applicable to the %s', (_name, n) => {
    expect(one(check, n, context({}, deny)).status).toBe('n/a');
  });
});
