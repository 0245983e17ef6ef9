import { defineCheck, fail, notApplicable, type Outcome, pass, practice, unknown } from '../../core/model.js';
import type { FirewallFact } from '../../facts/host.js';
import type { NetworkFacts, Snapshot } from '../../facts/snapshot.js';
import {
  type Bridge,
  blocksEgress,
  forwardChains,
  isIpv4Cidr,
  parseIptablesRule,
  parseNftRule,
  type RuleMatch,
} from './_firewall.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

const DEFAULT_BRIDGE: Bridge = { network: 'bridge', subnet: '172.17.0.0/16', iface: 'docker0' };

const bridgeIface = (n: NetworkFacts): string =>
  n.options['com.docker.network.bridge.name'] ??
  (n.name === 'bridge' ? 'docker0' : `br-${n.id.slice(0, 12)}`);

/** IPv4 subnets of the local bridge networks that can route out (internal networks cannot). */
export function containerBridges(s: Snapshot): Bridge[] {
  if (!s.networks) return [DEFAULT_BRIDGE];
  return s.networks
    .filter((n) => n.driver === 'bridge' && !n.internal)
    .flatMap((n) =>
      n.subnets.filter(isIpv4Cidr).map((subnet) => ({ network: n.name, subnet, iface: bridgeIface(n) })),
    );
}

/** Rules, in evaluation order, that can stop forwarded container traffic. */
// Chains are kept apart: within one chain a RETURN/ACCEPT ends evaluation, but with nftables a drop in
// another base chain on the same hook still applies.
function candidateRules(fw: FirewallFact): { chains: RuleMatch[][]; where: string; quoted: string[] } {
  if (fw.backend === 'iptables') {
    const user = fw.chains.find((c) => c.table === 'filter' && c.name === 'DOCKER-USER');
    const reached = forwardChains(fw).some((c) => c.rules.some((r) => /-j DOCKER-USER\b/.test(r)));
    const rules = user && reached ? user.rules.map(parseIptablesRule) : [];
    const where = !user
      ? 'no DOCKER-USER chain'
      : reached
        ? 'DOCKER-USER'
        : 'DOCKER-USER (not reached: FORWARD does not jump to it)';
    return { chains: [rules], where, quoted: user?.rules ?? [] };
  }
  if (fw.backend === 'nftables') {
    const chains = forwardChains(fw);
    return {
      chains: chains.map((c) => c.rules.map(parseNftRule)),
      where: chains.length
        ? `nftables forward chains (${chains.map((c) => `${c.table} ${c.name}`).join(', ')})`
        : 'no nftables forward chain',
      quoted: chains.flatMap((c) => c.rules.map((r) => `${c.table} ${c.name}: ${r}`)),
    };
  }
  return { chains: [], where: 'an empty ruleset', quoted: [] };
}

export default defineCheck({
  id: 'BH-HST-045',
  slug: 'container-egress-blocked',
  title: 'Containers cannot reach outside networks when the egress policy forbids it',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'By default Docker masquerades container traffic to any destination, so a compromised container can ' +
    'download tools, reach internal services and exfiltrate data. Where workloads need no outbound access, a ' +
    'firewall rule must drop traffic from the container subnets to outside networks.',
  remediation:
    'Insert drop rules in DOCKER-USER (kept by Docker across restarts), e.g. ' +
    '`iptables -I DOCKER-USER -i docker0 ! -o docker0 -m conntrack --ctstate NEW -j DROP` or ' +
    '`iptables -I DOCKER-USER -s 172.17.0.0/16 ! -d 172.17.0.0/16 -j REJECT`; with nftables, a forward-hook ' +
    'chain rule `ip saddr 172.17.0.0/16 oifname != "docker0" drop`. Or use `internal: true` networks.',
  refs: [practice('P-NET-3'), practice('P-COM-4')],
  evaluate: (s, ctx): Outcome => {
    if (ctx.settings.egressPolicy !== 'deny') return notApplicable('egressPolicy is "allow"');
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    const fw = host.firewall;
    if (!fw)
      return unknown(
        `the firewall could not be read${host.errors.firewall ? `: ${host.errors.firewall}` : ''}`,
      );
    const bridges = containerBridges(s);
    if (bridges.length === 0) return pass('no bridge network with an IPv4 subnet can route out');
    const ifaces = [...new Set(bridges.map((b) => b.iface))];
    const { chains, where, quoted } = candidateRules(fw);

    const blocked: string[] = [];
    const open: string[] = [];
    for (const b of bridges) {
      const label = `${b.subnet} (${b.network}, ${b.iface})`;
      let found: string | undefined;
      const partial: string[] = [];
      for (const rules of chains) {
        for (const r of rules) {
          // an unconditional RETURN/ACCEPT ends the chain: later drops never match (a common -A vs -I mistake)
          if (r.unconditional && (r.verdict === 'return' || r.verdict === 'accept')) break;
          const v = blocksEgress(r, b, ifaces);
          if (v.blocks) {
            found = r.text;
            break;
          }
          if (v.partial) partial.push(`"${r.text}" (${v.partial})`);
        }
        if (found) break;
      }
      if (found) blocked.push(`${label}: blocked by "${found}"`);
      else
        open.push(
          `${label}: no rule drops its traffic to outside networks (looked in ${where})${partial.length ? `; partial: ${partial.join(', ')}` : ''}`,
        );
    }
    const assumed = s.networks
      ? []
      : ['networks were not collected: judged the default bridge 172.17.0.0/16 only'];
    if (open.length === 0) return pass([...blocked, ...assumed]);
    const shownRules = quoted.length
      ? `rules found: ${quoted.slice(0, 10).join(' | ')}${quoted.length > 10 ? ` | and ${quoted.length - 10} more` : ''}`
      : `rules found: none (${where})`;
    return fail([...open, shownRules, ...blocked, ...assumed]);
  },
});
