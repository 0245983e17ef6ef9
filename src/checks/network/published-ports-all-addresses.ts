import { defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';
import { count, OPT_HOST_BINDING } from './lib/bridge.js';

export default defineCheck({
  id: 'BH-NET-003',
  slug: 'published-ports-all-addresses',
  title: 'Bridge networks bind published ports to a chosen address by default',
  severity: 'low',
  scope: 'network',
  facts: ['networks'],
  rationale:
    "A port published without an address (`-p 8080:80`) is bound to the network's default host binding, 0.0.0.0 unless set: every interface, including public ones, and Docker's NAT rules bypass host firewalls such as ufw.",
  remediation:
    'Set a default binding per network, `docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 <name>`, or daemon-wide `"ip": "127.0.0.1"` in /etc/docker/daemon.json; publish deliberately with `-p 10.0.0.5:8080:80`.',
  refs: [practice('P-NET-4')],
  evaluate: (n) => {
    if (n.driver !== 'bridge') return notApplicable(`driver is ${n.driver || 'unknown'}, not bridge`);
    if (n.internal) return notApplicable('internal networks cannot publish ports');
    const binding = n.options[OPT_HOST_BINDING];
    const attached = count(n.containers.length, 'container');
    if (binding === undefined || binding === '')
      return fail({
        message: `Options["${OPT_HOST_BINDING}"] is unset: ports published without an address bind to 0.0.0.0 (${attached})`,
        path: `Options.${OPT_HOST_BINDING}`,
      });
    if (binding === '0.0.0.0')
      return fail({
        message: `Options["${OPT_HOST_BINDING}"] is "0.0.0.0" (${attached})`,
        path: `Options.${OPT_HOST_BINDING}`,
      });
    return pass(`Options["${OPT_HOST_BINDING}"] is "${binding}"`);
  },
});
