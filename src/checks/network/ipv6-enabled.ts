import { defineCheck, fail, pass, practice } from '../../core/model.js';
import { count } from './lib/bridge.js';

export default defineCheck({
  id: 'BH-NET-004',
  slug: 'ipv6-enabled',
  title: 'IPv6 is enabled on a network only with matching firewall rules',
  severity: 'info',
  scope: 'network',
  facts: ['networks'],
  rationale:
    'With IPv6 on, containers get addresses that may be globally routable and not NATed; engines before 27 did not manage ip6tables by default, and IPv4-only firewall rules (DOCKER-USER, ufw) leave the IPv6 side open.',
  remediation:
    'Enable IPv6 only where needed; keep `"ip6tables": true` in daemon.json (default since Engine 27), use ULA subnets (fd00::/8) and mirror IPv4 firewall rules with ip6tables/nftables.',
  refs: [practice('P-NET-3'), practice('P-NET-4')],
  evaluate: (n) => {
    if (!n.enableIPv6) return pass('EnableIPv6 is false');
    const v6 = n.subnets.filter((s) => s.includes(':'));
    const global = v6.filter((s) => !/^f[cd]/i.test(s));
    const detail = v6.length > 0 ? `subnets ${v6.join(', ')}` : 'no IPv6 subnet listed';
    const note = global.length > 0 ? ' (globally routable prefix)' : '';
    return fail({
      message: `EnableIPv6 is true, ${detail}${note}; ${count(n.containers.length, 'container')} attached`,
      path: 'EnableIPv6',
    });
  },
});
