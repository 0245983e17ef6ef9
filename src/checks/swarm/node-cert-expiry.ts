import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

const DAY_NS = 86_400 * 1e9;
const MAX_DAYS = 90;

export default defineCheck({
  id: 'BH-SWM-006',
  slug: 'node-cert-expiry',
  title: 'Swarm node certificates are rotated at least every 90 days',
  severity: 'low',
  scope: 'swarm',
  facts: ['daemon', 'swarm'],
  partial: true,
  rationale:
    'Node certificates authenticate members of the swarm; a long validity keeps a stolen certificate useful for longer. Swarm renews them automatically before the configured expiry.',
  remediation:
    'Set a rotation period of at most 90 days: `docker swarm update --cert-expiry 2160h` (shorter is fine, e.g. 720h).',
  refs: [cis('7.7'), practice('P-COM-3')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    if (!snap.daemon!.info.swarm.controlAvailable)
      return notApplicable('this node is a swarm worker; the CA configuration is visible on managers');
    const ns = snap.swarm!.nodeCertExpiryNs;
    if (ns === undefined) return unknown('the swarm spec (CAConfig.NodeCertExpiry) was not available');
    const days = ns / DAY_NS;
    const line = `Swarm Spec.CAConfig.NodeCertExpiry = ${ns} ns (${Math.round(days * 10) / 10} days)`;
    return days > MAX_DAYS ? fail([line, `longer than ${MAX_DAYS} days`]) : pass(line);
  },
});
