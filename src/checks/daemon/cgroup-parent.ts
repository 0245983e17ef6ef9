import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-010',
  slug: 'cgroup-parent',
  title: 'The default cgroup parent is used',
  severity: 'info',
  scope: 'daemon',
  facts: ['daemon', 'host'],
  rationale:
    'A daemon-wide --cgroup-parent moves every container under another cgroup, whose limits and accounting then apply to all of them; it should be a deliberate, reviewed choice.',
  remediation:
    'Unless a different parent is required, remove `--cgroup-parent` from the dockerd command line and `"cgroup-parent"` from /etc/docker/daemon.json; set per-container parents with `docker run --cgroup-parent` instead.',
  refs: [cis('2.10'), practice('P-KER-2')],
  evaluate: (snap) =>
    judgeSetting('cgroup-parent', effectiveDaemonConfig(snap).cgroupParent, (v) => v === '', {
      show: (v) => (v === '' ? "'' (default)" : v),
      failHint: () => 'confirm that every container is meant to run under this cgroup',
    }),
});
