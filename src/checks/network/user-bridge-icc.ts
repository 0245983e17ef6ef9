import { defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';
import { count, isDefaultBridge, OPT_ICC } from './lib/bridge.js';

export default defineCheck({
  id: 'BH-NET-001',
  slug: 'user-bridge-icc',
  title: 'User-defined bridge networks restrict inter-container traffic',
  severity: 'low',
  scope: 'network',
  facts: ['networks'],
  rationale:
    'Every container on a bridge network with inter-container communication enabled can reach every port of the others, so one compromised container can probe and attack its neighbours. Where containers do not need to talk to each other, ICC should be off.',
  remediation:
    'Create networks that need no container-to-container traffic with `docker network create -o com.docker.network.bridge.enable_icc=false <name>` (compose: `driver_opts: {com.docker.network.bridge.enable_icc: "false"}`), and split tiers onto separate networks.',
  refs: [practice('P-NET-3')],
  evaluate: (n) => {
    if (n.driver !== 'bridge') return notApplicable(`driver is ${n.driver || 'unknown'}, not bridge`);
    if (isDefaultBridge(n))
      return notApplicable('the default bridge is judged by the daemon check for CIS 2.2');
    const icc = n.options[OPT_ICC];
    if (icc?.toLowerCase() === 'false') return pass(`Options["${OPT_ICC}"] is "false"`);
    if (n.containers.length < 2)
      return pass(
        `ICC is enabled but ${count(n.containers.length, 'container')} attached: no neighbour to reach`,
      );
    return fail({
      message: `${icc === undefined ? `Options["${OPT_ICC}"] is unset (ICC on by default)` : `Options["${OPT_ICC}"] is "${icc}"`}; ${count(n.containers.length, 'container')} attached`,
      path: `Options.${OPT_ICC}`,
    });
  },
});
