import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, type Outcome, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-SWM-003',
  slug: 'overlay-encryption',
  title: 'Swarm overlay networks are encrypted',
  severity: 'medium',
  scope: 'swarm',
  facts: ['daemon', 'networks'],
  rationale:
    'Overlay traffic between nodes is VXLAN in clear text unless the network is created with encryption; anyone on the underlying network can read and inject container traffic.',
  remediation:
    'Recreate the network with IPsec encryption: `docker network create --driver overlay --opt encrypted <name>` and move services to it (encryption cannot be switched on in place).',
  refs: [cis('7.3'), practice('P-COM-3')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    const overlays = snap.networks!.filter(
      (n) => n.driver === 'overlay' && !n.ingress && n.name !== 'ingress',
    );
    if (overlays.length === 0) return pass('no overlay networks besides ingress');
    return overlays.map((n): Outcome => {
      const subject = { subject: { kind: 'network' as const, id: n.id, name: n.name } };
      return 'encrypted' in n.options
        ? pass(`overlay network ${n.name}: option encrypted is set`, subject)
        : fail(`overlay network ${n.name} (${n.id.slice(0, 12)}) has no "encrypted" option`, subject);
    });
  },
});
