import { defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-039',
  slug: 'container-network-mode',
  title: "Container does not join another container's network namespace",
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "With --network container:<other> both containers share interfaces and localhost: each can reach the other's loopback-only services and sniff its traffic, so a compromise of one is a compromise of both.",
  remediation:
    'Attach both containers to a user-defined network and talk over it (`docker network create app`), unless this is a deliberate sidecar.',
  refs: [practice('P-NET-2'), practice('P-CTR-2')],
  evaluate: (c) =>
    c.spec.networkMode.startsWith('container:')
      ? fail(`HostConfig.NetworkMode is "${c.spec.networkMode}": shares that container's network namespace`)
      : pass(`HostConfig.NetworkMode is "${c.spec.networkMode || 'default'}"`),
});
