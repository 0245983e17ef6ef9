import { defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';
import { count } from './lib/bridge.js';

const L2 = new Set(['macvlan', 'ipvlan']);

export default defineCheck({
  id: 'BH-NET-005',
  slug: 'host-or-l2-driver',
  title: 'No containers on host, macvlan or ipvlan networks',
  severity: 'info',
  scope: 'network',
  facts: ['networks'],
  rationale:
    "Containers on the host network share the host's network stack; macvlan and ipvlan containers sit directly on the physical LAN. Either way Docker's bridge isolation and DOCKER-USER firewall rules do not apply, so these attachments need their own review.",
  remediation:
    'Prefer bridge networks with published ports; where host, macvlan or ipvlan networking is required, restrict it to reviewed containers and filter their traffic on the host or upstream firewall.',
  refs: [practice('P-NET-2')],
  evaluate: (n) => {
    if (n.driver !== 'host' && !L2.has(n.driver)) return notApplicable(`driver is ${n.driver || 'unknown'}`);
    if (n.containers.length === 0) return pass(`${n.driver} network with no containers attached`);
    const parent = n.options.parent ? ` on parent interface ${n.options.parent}` : '';
    return fail(
      `Driver is ${n.driver}${parent}; ${count(n.containers.length, 'container')} attached: ${n.containers.map((c) => c.slice(0, 12)).join(', ')}`,
    );
  },
});
