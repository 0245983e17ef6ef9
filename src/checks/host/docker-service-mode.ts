import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-020',
  slug: 'docker-service-mode',
  title: 'The docker.service unit has permissions 0644 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    "The unit sets the daemon's command line; whoever can edit it can make dockerd listen unauthenticated or drop its protections at the next restart.",
  remediation: 'chmod 644 "$(systemctl show -p FragmentPath --value docker.service)"',
  refs: [cis('3.2'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, unitPath('docker.service'), modeAtMost(0o644)),
});
