import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-018',
  slug: 'experimental',
  title: 'Experimental features are disabled',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Experimental features are unfinished, change without notice and get less security review; they do not belong in production.',
  remediation:
    'Remove `"experimental": true` from /etc/docker/daemon.json and `--experimental` from the dockerd command line, then restart Docker.',
  refs: [cis('2.18'), practice('P-ENG-1')],
  evaluate: (snap) =>
    judgeSetting('experimental', effectiveDaemonConfig(snap).experimental, (v) => v === false),
});
