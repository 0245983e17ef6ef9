import { defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';
import type { FirewallFact } from '../../facts/host.js';
import type { NetworkFacts } from '../../facts/network.js';
import { bridgeInterface, count } from './lib/bridge.js';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A rule narrower than "everything leaving": a protocol/port, or a positive destination or output interface
 * (`! -o br-x` / `oifname != "br-x"` mean "leaving the network" and are fine).
 */
const NARROW = [
  /(^|\s)(-p|--protocol|--dports?|--sports?)\s/,
  /(^|\s)(?<!!\s)(-d|--destination|-o|--out-interface)\s/,
  /\b(tcp|udp|sctp|icmp)\s+(dport|sport|type)\b/,
  /\b(daddr|oifname|oif)\s+(?!!=)/,
];

/** DOCKER-USER / FORWARD rules that drop or reject everything leaving this network's subnet or bridge. */
function egressRules(n: NetworkFacts, fw: FirewallFact): string[] {
  const iface = new RegExp(`(-i|--in-interface|iifname|iif)\\s+"?${escapeRe(bridgeInterface(n))}"?(\\s|$)`);
  const subnets = n.subnets.map((s) => new RegExp(`(-s|--source|saddr)\\s+${escapeRe(s)}(\\s|$)`));
  const matches: string[] = [];
  for (const chain of fw.chains) {
    if (!/^DOCKER-USER$|forward/i.test(chain.name)) continue;
    for (const rule of chain.rules) {
      if (!/(-j|--jump|-g|--goto)\s+(DROP|REJECT)\b|(^|\s)(drop|reject)(\s|$)/i.test(rule)) continue;
      if (NARROW.some((re) => re.test(rule))) continue;
      if (iface.test(rule) || subnets.some((re) => re.test(rule))) matches.push(`${chain.name}: ${rule}`);
    }
  }
  return matches;
}

export default defineCheck({
  id: 'BH-NET-002',
  slug: 'egress-not-restricted',
  title: 'Networks holding containers cannot reach outside networks',
  severity: 'medium',
  scope: 'network',
  facts: ['networks'],
  rationale:
    'With egressPolicy "deny", containers should not open connections to the outside: a compromised container with egress can download tools, exfiltrate data and reach command-and-control servers. Only internal networks, or firewall rules that drop traffic leaving the network, prevent it.',
  remediation:
    'Put containers that need no outside access on an internal network (`docker network create --internal <name>`, compose `internal: true`), or drop their forwarded traffic: `iptables -I DOCKER-USER -i <bridge> ! -o <bridge> -j DROP` (see `bulkhead harden`).',
  refs: [practice('P-NET-3'), practice('P-COM-4')],
  evaluate: (n, ctx) => {
    if (ctx.settings.egressPolicy !== 'deny') return notApplicable('egressPolicy is "allow"');
    if (n.driver === 'null') return notApplicable('the none network gives containers no connectivity');
    if (n.ingress) return notApplicable('the swarm ingress network only carries published-port traffic in');
    if (n.internal) return pass('Internal is true: no route to outside networks');
    if (n.containers.length === 0) return pass('no containers attached');
    const subject = `Internal is false and ${count(n.containers.length, 'container')} attached`;
    if (n.driver === 'host') return fail(`${subject}: host networking has the host's full outbound access`);
    const fw = ctx.snapshot.host?.firewall;
    if (fw && n.driver === 'bridge') {
      const rules = egressRules(n, fw);
      if (rules.length > 0)
        return pass([`${subject}, but firewall rules drop its forwarded traffic`, ...rules]);
      return fail(
        `${subject}; no DOCKER-USER/FORWARD rule drops traffic from ${bridgeInterface(n)} or ${n.subnets.join(', ') || 'its subnet'}`,
      );
    }
    return fail(`${subject}${fw ? '' : ' (host firewall rules were not collected)'}`);
  },
});
