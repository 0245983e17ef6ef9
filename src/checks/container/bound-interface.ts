import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { describePort, isEveryAddress } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-015',
  slug: 'bound-interface',
  title: 'Published ports are bound to a specific host address',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "A port published without an address (or on 0.0.0.0 / ::) listens on every host interface, including public ones, and the engine's iptables rules bypass a host firewall such as ufw.",
  remediation:
    'Publish on the one address that should receive traffic: `-p 127.0.0.1:8080:80` or `-p 10.0.0.5:443:443` (compose `"127.0.0.1:8080:80"`), or set the daemon default `"ip": "127.0.0.1"`.',
  refs: [cis('5.14'), practice('P-NET-4')],
  evaluate: (c) => {
    const open = c.spec.portBindings.filter((p) => isEveryAddress(p.hostIp));
    if (c.spec.portBindings.length === 0 && !c.spec.publishAllPorts) return pass('no port is published');
    const evidence = open.map((p) => `${describePort(p)} listens on every address (HostIp "${p.hostIp}")`);
    if (c.spec.publishAllPorts && open.length === 0)
      evidence.push('PublishAllPorts (-P) publishes on every address unless the daemon sets a default "ip"');
    return evidence.length > 0
      ? fail(evidence)
      : pass(c.spec.portBindings.map((p) => `${describePort(p)} bound to ${p.hostIp}`));
  },
});
