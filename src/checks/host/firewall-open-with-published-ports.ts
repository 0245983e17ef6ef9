import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import type { ContainerFacts } from '../../facts/snapshot.js';
import { dockerJump, forwardChains } from './_firewall.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

const LIVE_STATES = new Set(['running', 'restarting', 'paused']);

const published = (c: ContainerFacts): string[] => {
  const out = c.spec.portBindings.map(
    (p) =>
      `${c.name} ${p.hostIp || '0.0.0.0'}:${p.hostPort || '(ephemeral)'}->${p.containerPort}/${p.protocol}`,
  );
  if (out.length === 0 && c.spec.publishAllPorts) out.push(`${c.name} publishes all exposed ports (-P)`);
  return out;
};

export default defineCheck({
  id: 'BH-HST-044',
  slug: 'firewall-open-with-published-ports',
  title: 'The host firewall is not flushed or wide open while containers publish ports',
  severity: 'high',
  scope: 'host',
  facts: ['host', 'containers'],
  rationale:
    'Flushing the firewall (`iptables -F`) or running with a FORWARD policy of ACCEPT and no Docker isolation ' +
    'rules removes the filtering between published ports, containers and other networks: every published port ' +
    'and every container is reachable from wherever the host routes.',
  remediation:
    'Restore the rules (`systemctl restart docker` recreates the DOCKER chains), set the FORWARD policy to DROP ' +
    '(`iptables -P FORWARD DROP`), filter inbound access in the DOCKER-USER chain, and persist them ' +
    '(iptables-persistent / nftables.service) instead of flushing to make a port reachable.',
  refs: [practice('P-COM-2'), practice('P-NET-4'), cis('2.4')],
  evaluate: (s) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    const ports = (s.containers ?? []).filter((c) => LIVE_STATES.has(c.state)).flatMap(published);
    if (ports.length === 0) return pass('no running container publishes ports');
    const shown = ports.slice(0, 5).join('; ') + (ports.length > 5 ? `; and ${ports.length - 5} more` : '');
    const publishing = `published: ${shown}`;
    const fw = host.firewall;
    if (!fw)
      return unknown(
        `the firewall could not be read${host.errors.firewall ? `: ${host.errors.firewall}` : ''}`,
      );
    if (fw.backend === 'none' || fw.chains.length === 0)
      return fail([
        'no firewall rules are loaded (iptables-save and nft list ruleset print nothing)',
        publishing,
      ]);

    if (fw.backend === 'iptables') {
      const filter = fw.chains.filter((c) => c.table === 'filter');
      if (filter.length === 0 || filter.every((c) => c.rules.length === 0)) {
        const policies = filter.map((c) => `${c.name} ${c.policy}`).join(', ');
        return fail([
          `the iptables filter table has no rules (flushed)${policies ? `; policies: ${policies}` : ''}`,
          publishing,
        ]);
      }
      const fwd = forwardChains(fw)[0];
      if (!fwd) return fail(['the iptables filter table has no FORWARD chain', publishing]);
      const jumps = fwd.rules.filter((r) => dockerJump.test(r));
      if (fwd.policy.toUpperCase() === 'ACCEPT' && jumps.length === 0)
        return fail([
          `FORWARD policy ACCEPT with no DOCKER-USER/DOCKER-ISOLATION rules (${fwd.rules.length} rules)`,
          publishing,
        ]);
      return pass(`FORWARD policy ${fwd.policy}${jumps.length ? `; ${jumps.join('; ')}` : ''}`);
    }

    // nftables
    const fwd = forwardChains(fw);
    if (fwd.length === 0)
      return fail([
        'no nftables chain filters the forward hook: forwarded traffic is not filtered',
        publishing,
      ]);
    const open = fwd.every((c) => c.policy.toLowerCase() === 'accept' && c.rules.length === 0);
    if (open)
      return fail([
        `every forward-hook chain accepts with no rules: ${fwd.map((c) => `${c.table} ${c.name}`).join(', ')}`,
        publishing,
      ]);
    return pass(fwd.map((c) => `${c.table} ${c.name}: policy ${c.policy}, ${c.rules.length} rules`));
  },
});
