import { describe, expect, it } from 'vitest';
import {
  evaluateHost,
  type HostOver,
  hostSnapshot,
  iptablesFirewall,
  statuses,
  textOf,
} from '../../../test/kit/host.js';
import { containerFacts } from '../../../test/kit/inspect.js';
import { parseNftRuleset } from '../../collectors/host/firewall.js';
import type { ContainerFacts } from '../../facts/snapshot.js';
import check from './firewall-open-with-published-ports.js';

const web = containerFacts({
  name: 'web',
  state: 'running',
  spec: {
    portBindings: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }],
    publishAllPorts: false,
  },
});
const worker = containerFacts({
  name: 'worker',
  state: 'running',
  spec: { portBindings: [], publishAllPorts: false },
});
const stopped = containerFacts({
  name: 'old',
  state: 'exited',
  spec: {
    portBindings: [{ containerPort: 22, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 2222 }],
    publishAllPorts: false,
  },
});

// `iptables -F` on a Docker host: chains and policies stay, every rule is gone.
const FLUSHED = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER-USER - [0:0]
COMMIT
`;
// Docker run with --iptables=false and a FORWARD policy left at ACCEPT.
const OPEN_FORWARD = `*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
COMMIT
`;
// Docker 28+: FORWARD jumps to DOCKER-USER and DOCKER-FORWARD.
const DOCKER28 = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER-FORWARD - [0:0]
:DOCKER-USER - [0:0]
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
COMMIT
`;
const NFT_OPEN = `table inet filter {
	chain forward {
		type filter hook forward priority filter; policy accept;
	}
}
`;
const NFT_DOCKER29 = `table ip docker-bridges {
	chain filter-FORWARD {
		type filter hook forward priority filter; policy accept;
		oifname vmap @filter-forward-in-jumps
		iifname vmap @filter-forward-out-jumps
	}
}
`;
const nft = (text: string): HostOver['firewall'] => ({
  backend: 'nftables',
  source: text,
  chains: parseNftRuleset(text),
});

describe('firewall-open-with-published-ports (P-COM-2)', () => {
  it.each<[string, HostOver, ContainerFacts[], string, string[]]>([
    ["Docker's own rules pass", {}, [web], 'pass', ['FORWARD policy DROP; -A FORWARD -j DOCKER-USER']],
    [
      'Docker 28 chains pass',
      { firewall: iptablesFirewall(DOCKER28) },
      [web],
      'pass',
      ['-A FORWARD -j DOCKER-FORWARD'],
    ],
    [
      'a flushed filter table fails',
      { firewall: iptablesFirewall(FLUSHED) },
      [web, worker],
      'fail',
      [
        'the iptables filter table has no rules (flushed); policies: INPUT ACCEPT, FORWARD ACCEPT',
        'published: web 0.0.0.0:8080->80/tcp',
      ],
    ],
    [
      'FORWARD ACCEPT without Docker rules fails',
      { firewall: iptablesFirewall(OPEN_FORWARD) },
      [web],
      'fail',
      ['FORWARD policy ACCEPT with no DOCKER-USER/DOCKER-ISOLATION rules (0 rules)'],
    ],
    [
      'no rules at all fails',
      { firewall: { backend: 'none', source: '', chains: [] } },
      [web],
      'fail',
      ['no firewall rules are loaded'],
    ],
    [
      'an open nftables forward hook fails',
      { firewall: nft(NFT_OPEN) },
      [web],
      'fail',
      ['every forward-hook chain accepts with no rules: inet filter forward'],
    ],
    [
      'Docker 29 nftables rules pass',
      { firewall: nft(NFT_DOCKER29) },
      [web],
      'pass',
      ['ip docker-bridges filter-FORWARD: policy accept, 2 rules'],
    ],
    [
      'no published ports passes even when flushed',
      { firewall: iptablesFirewall(FLUSHED) },
      [worker, stopped],
      'pass',
      ['no running container publishes ports'],
    ],
    [
      'an unreadable firewall is unknown',
      { firewall: undefined, errors: { firewall: 'iptables-save: Permission denied (you must be root)' } },
      [web],
      'unknown',
      ['the firewall could not be read: iptables-save: Permission denied'],
    ],
  ])('%s', (_name, over, containers, status, texts) => {
    const out = evaluateHost(check, hostSnapshot(over, { containers }));
    expect(statuses(out)).toEqual([status]);
    for (const t of texts) expect(textOf(out)).toContain(t);
  });

  it('names -P containers and caps the list', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      containerFacts({
        name: `c${i}`,
        state: 'running',
        spec: {
          portBindings: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 9000 + i }],
          publishAllPorts: false,
        },
      }),
    );
    const all = containerFacts({
      name: 'pall',
      state: 'running',
      spec: { portBindings: [], publishAllPorts: true },
    });
    const out = evaluateHost(
      check,
      hostSnapshot({ firewall: iptablesFirewall(FLUSHED) }, { containers: [all, ...many] }),
    );
    expect(textOf(out)).toContain('pall publishes all exposed ports (-P)');
    expect(textOf(out)).toContain('and 3 more');
  });
});
