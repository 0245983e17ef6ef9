import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-011',
  slug: 'host-network',
  title: "Container does not share the host's network namespace",
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "With --network host the container sees every host interface, can bind any host port, reach services bound to localhost (including the engine's metrics or an unprotected API) and sniff traffic with NET_RAW.",
  remediation:
    'Remove `--network host` (compose `network_mode: host`); use a user-defined bridge and publish the needed ports.',
  refs: [cis('5.10'), practice('P-NET-2')],
  evaluate: (c) =>
    c.spec.networkMode === 'host'
      ? fail('HostConfig.NetworkMode is "host"')
      : pass(`HostConfig.NetworkMode is "${c.spec.networkMode || 'default'}"`),
});
