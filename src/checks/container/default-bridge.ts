import { cis, defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-030',
  slug: 'default-bridge',
  title: "Container does not use the default bridge 'docker0'",
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'All containers on the default bridge can reach each other (inter-container communication is on by default) and are exposed to ARP spoofing and MAC flooding from their neighbours; user-defined networks isolate groups of containers and give DNS by name.',
  remediation:
    'Create a network per application (`docker network create app`) and run with `--network app` (compose does this by default).',
  refs: [cis('5.30'), practice('P-NET-3')],
  partial: true,
  evaluate: (c) => {
    const mode = c.spec.networkMode;
    if (mode === 'host' || mode === 'none' || mode.startsWith('container:'))
      return notApplicable(`the container uses network mode "${mode}", not a bridge`);
    const onBridge = mode === '' || mode === 'default' || mode === 'bridge' || c.networks.includes('bridge');
    if (onBridge)
      return fail(
        c.networks.includes('bridge')
          ? 'attached to the default "bridge" network (docker0)'
          : `HostConfig.NetworkMode is "${mode || 'default'}": the default bridge (docker0)`,
      );
    return pass(`networks: ${c.networks.length > 0 ? c.networks.join(', ') : mode}`);
  },
});
