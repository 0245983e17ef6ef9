import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-009',
  slug: 'userns-remap',
  title: 'User namespace remapping is enabled',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Without user namespaces, root in a container is root on the host: any escape or writable host mount runs with full privileges. Remapping makes container root an unprivileged host user.',
  remediation:
    'Set `"userns-remap": "default"` in /etc/docker/daemon.json (Docker creates the dockremap user and /etc/subuid,/etc/subgid ranges) and restart Docker; existing images are pulled again under the new root.',
  refs: [cis('2.9'), practice('P-KER-3')],
  evaluate: (snap) => {
    if (snap.daemon!.info.rootless)
      return pass(
        'the daemon runs rootless (GET /info SecurityOptions name=rootless): containers run in a user namespace',
      );
    return judgeSetting('userns-remap', effectiveDaemonConfig(snap).userns, (v) => v);
  },
});
