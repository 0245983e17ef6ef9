import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-014',
  slug: 'no-new-privileges',
  title: 'Containers are restricted from acquiring new privileges by default',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    "no-new-privileges stops setuid/setgid binaries and file capabilities from raising a process's privileges inside a container, closing a common path from a foothold to root.",
  remediation:
    'Set `"no-new-privileges": true` in /etc/docker/daemon.json (or `--no-new-privileges`) and restart Docker.',
  refs: [cis('2.14'), practice('P-KER-3')],
  evaluate: (snap) =>
    judgeSetting('no-new-privileges', effectiveDaemonConfig(snap).noNewPrivileges, (v) => v),
});
