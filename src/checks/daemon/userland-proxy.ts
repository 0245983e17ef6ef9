import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-016',
  slug: 'userland-proxy',
  title: 'The userland proxy is disabled',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon', 'host'],
  rationale:
    'With the userland proxy every published port is also served by a docker-proxy process on the host, widening the attack surface; hairpin NAT rules do the same job in the kernel.',
  remediation:
    'Set `"userland-proxy": false` in /etc/docker/daemon.json (or `--userland-proxy=false`) and restart Docker.',
  refs: [cis('2.16'), practice('P-HST-2')],
  evaluate: (snap) =>
    judgeSetting('userland-proxy', effectiveDaemonConfig(snap).userlandProxy, (v) => v === false),
});
