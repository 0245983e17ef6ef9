import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { describePort } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-009',
  slug: 'privileged-ports',
  title: 'Container maps no privileged host port (below 1024)',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "Ports below 1024 are reserved for services the host administrator runs (ssh, dns, http). Publishing a container on one competes with or impersonates host services; the engine binds them on the container's behalf even though the container itself is unprivileged.",
  remediation:
    'Publish on a port of 1024 or above (`-p 8080:80`) and put a reverse proxy or load balancer on the privileged port.',
  refs: [cis('5.8'), practice('P-NET-1')],
  evaluate: (c) => {
    const low = c.spec.portBindings.filter((p) => p.hostPort > 0 && p.hostPort < 1024);
    if (low.length === 0) return pass('no host port below 1024 is mapped');
    const seen = new Set<string>();
    const evidence: string[] = [];
    for (const p of low) {
      // One message per host port, not per address family.
      const key = `${p.hostPort}/${p.protocol}->${p.containerPort}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(`privileged host port ${p.hostPort}/${p.protocol} mapped (${describePort(p)})`);
    }
    return fail(evidence);
  },
});
