import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { describePort } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-040',
  slug: 'ssh-port',
  title: 'Container does not publish SSH (port 22)',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "Publishing port 22 either offers SSH into the container (a way in that bypasses the engine) or takes the host's own SSH port, where an attacker's container can impersonate the host's sshd.",
  remediation: 'Remove the port 22 mapping; enter containers with `docker exec`.',
  refs: [cis('5.8'), practice('P-NET-1'), practice('P-COM-1')],
  evaluate: (c) => {
    const hits = c.spec.portBindings.filter(
      (p) => p.protocol === 'tcp' && (p.hostPort === 22 || p.containerPort === 22),
    );
    const exposedOnly =
      c.spec.publishAllPorts && hits.length === 0 && c.spec.exposedPorts.includes('22/tcp')
        ? ['PublishAllPorts (-P) publishes the exposed port 22/tcp']
        : [];
    const seen = new Set<string>();
    const evidence = hits
      .filter((p) => {
        const k = `${p.hostPort}->${p.containerPort}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((p) =>
        p.hostPort === 22
          ? `host port 22 is mapped (${describePort(p)})`
          : `container SSH port 22 is published (${describePort(p)})`,
      );
    return [...evidence, ...exposedOnly].length > 0
      ? fail([...evidence, ...exposedOnly])
      : pass('port 22 is not published');
  },
});
