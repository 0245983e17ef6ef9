import { describe, expect, it } from 'vitest';
import {
  DOCKER_IPTABLES_SAVE,
  evaluateHost,
  type HostOver,
  hostSnapshot,
  iptablesFirewall,
  statuses,
  textOf,
} from '../../../test/kit/host.js';
import { networkFacts } from '../../../test/kit/network.js';
import { parseNftRuleset } from '../../collectors/host/firewall.js';
import type { NetworkFacts } from '../../facts/snapshot.js';
import check, { containerBridges } from './container-egress-blocked.js';

/** Docker's ruleset with the given DOCKER-USER rules in place of the default `-j RETURN`. */
const withUserRules = (...rules: string[]): HostOver['firewall'] =>
  iptablesFirewall(
    DOCKER_IPTABLES_SAVE.replace('-A DOCKER-USER -j RETURN\n', rules.map((r) => `${r}\n`).join('')),
  );
const nft = (text: string): HostOver['firewall'] => ({
  backend: 'nftables',
  source: text,
  chains: parseNftRuleset(text),
});

const deny = { egressPolicy: 'deny' as const };
const shop: NetworkFacts = networkFacts({ name: 'shop_default', subnets: ['172.18.0.0/16'] });
const bridge: NetworkFacts = networkFacts({
  id: 'f1e2d3c4b5a6f1e2d3c4b5a6f1e2d3c4b5a6f1e2d3c4b5a6f1e2d3c4b5a6f1e2',
  name: 'bridge',
  subnets: ['172.17.0.0/16'],
  options: { 'com.docker.network.bridge.name': 'docker0' },
  labels: {},
});
const internal: NetworkFacts = networkFacts({
  name: 'db_internal',
  internal: true,
  subnets: ['172.30.0.0/24'],
});

describe('container-egress-blocked (P-NET-3, P-COM-4)', () => {
  it.each<[string, HostOver, NetworkFacts[] | undefined, string, string[]]>([
    [
      "Docker's default DOCKER-USER (RETURN only) fails",
      {},
      undefined,
      'fail',
      [
        '172.17.0.0/16 (bridge, docker0): no rule drops its traffic to outside networks (looked in DOCKER-USER)',
        'rules found: -A DOCKER-USER -j RETURN',
        'networks were not collected: judged the default bridge 172.17.0.0/16 only',
      ],
    ],
    [
      'a source drop with a local exception passes',
      {
        firewall: withUserRules(
          '-A DOCKER-USER -s 172.16.0.0/12 ! -d 172.16.0.0/12 -j DROP',
          '-A DOCKER-USER -j RETURN',
        ),
      },
      [bridge, shop],
      'pass',
      [
        '172.17.0.0/16 (bridge, docker0): blocked by "-A DOCKER-USER -s 172.16.0.0/12 ! -d 172.16.0.0/12 -j DROP"',
        '172.18.0.0/16 (shop_default, br-0c9e8d7f6a5b): blocked by',
      ],
    ],
    [
      'an interface rule with conntrack passes',
      {
        firewall: withUserRules(
          '-A DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN',
          '-A DOCKER-USER -i docker0 ! -o docker0 -m conntrack --ctstate NEW -j REJECT --reject-with icmp-port-unreachable',
        ),
      },
      undefined,
      'pass',
      ['blocked by "-A DOCKER-USER -i docker0 ! -o docker0 -m conntrack --ctstate NEW -j REJECT'],
    ],
    [
      'a rule for one network leaves the other open',
      { firewall: withUserRules('-A DOCKER-USER -i docker0 -o eth0 -j DROP') },
      [bridge, shop],
      'fail',
      [
        '172.18.0.0/16 (shop_default, br-0c9e8d7f6a5b): no rule drops its traffic to outside networks (looked in DOCKER-USER)',
        '172.17.0.0/16 (bridge, docker0): blocked by',
      ],
    ],
    [
      'a drop appended after RETURN never matches',
      { firewall: withUserRules('-A DOCKER-USER -j RETURN', '-A DOCKER-USER -s 172.17.0.0/16 -j DROP') },
      undefined,
      'fail',
      [
        '(looked in DOCKER-USER)',
        'rules found: -A DOCKER-USER -j RETURN | -A DOCKER-USER -s 172.17.0.0/16 -j DROP',
      ],
    ],
    [
      'a port-only drop is partial',
      { firewall: withUserRules('-A DOCKER-USER -s 172.17.0.0/16 -p tcp -m tcp --dport 25 -j DROP') },
      undefined,
      'fail',
      ['partial: "-A DOCKER-USER -s 172.17.0.0/16 -p tcp -m tcp --dport 25 -j DROP" (only -p tcp)'],
    ],
    [
      'a drop towards one destination is partial',
      { firewall: withUserRules('-A DOCKER-USER -s 172.17.0.0/16 -d 169.254.169.254/32 -j DROP') },
      undefined,
      'fail',
      ['(only to 169.254.169.254/32)'],
    ],
    [
      'inbound rules (-o docker0) do not count',
      { firewall: withUserRules('-A DOCKER-USER ! -i docker0 -o docker0 -j DROP') },
      undefined,
      'fail',
      ['(looked in DOCKER-USER)'],
    ],
    [
      'an nftables forward drop passes',
      {
        firewall: nft(`table inet egress {
	chain forward {
		type filter hook forward priority filter - 1; policy accept;
		ct state established,related accept
		ip saddr 172.17.0.0/16 oifname != "docker0" counter packets 12 bytes 720 drop
	}
}
`),
      },
      undefined,
      'pass',
      ['blocked by "ip saddr 172.17.0.0/16 oifname != "docker0" counter packets 12 bytes 720 drop"'],
    ],
    [
      'nftables without a drop fails, quoting the rules',
      {
        firewall: nft(`table ip docker-bridges {
	chain filter-FORWARD {
		type filter hook forward priority filter; policy accept;
		iifname "docker0" oifname != "docker0" counter accept
	}
}
`),
      },
      undefined,
      'fail',
      [
        '(looked in nftables forward chains (ip docker-bridges filter-FORWARD))',
        'ip docker-bridges filter-FORWARD: iifname "docker0"',
      ],
    ],
    [
      'an unreadable firewall is unknown',
      { firewall: undefined, errors: { firewall: 'iptables-save: Permission denied' } },
      undefined,
      'unknown',
      ['the firewall could not be read: iptables-save: Permission denied'],
    ],
  ])('%s', (_name, over, networks, status, texts) => {
    const out = evaluateHost(check, hostSnapshot(over, networks ? { networks } : {}), deny);
    expect(statuses(out)).toEqual([status]);
    for (const t of texts) expect(textOf(out)).toContain(t);
  });

  it('is not applicable when egress is allowed', () => {
    expect(statuses(evaluateHost(check, hostSnapshot(), { egressPolicy: 'allow' }))).toEqual(['n/a']);
  });

  it('ignores internal networks and IPv6 subnets, and defaults to 172.17.0.0/16', () => {
    const v6 = networkFacts({
      name: 'v6',
      subnets: ['fd00:dead:beef::/48', '172.20.0.0/16'],
      options: { 'com.docker.network.bridge.name': 'br-v6' },
    });
    const snap = hostSnapshot({}, { networks: [internal, v6] });
    expect(containerBridges(snap)).toEqual([{ network: 'v6', subnet: '172.20.0.0/16', iface: 'br-v6' }]);
    expect(containerBridges(hostSnapshot())).toEqual([
      { network: 'bridge', subnet: '172.17.0.0/16', iface: 'docker0' },
    ]);
  });
});
