import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-019',
  slug: 'docker-service-owner',
  title: 'The docker.service unit is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    "The unit sets the daemon's command line; whoever can edit it can make dockerd listen unauthenticated or drop its protections at the next restart.",
  remediation: 'chown root:root "$(systemctl show -p FragmentPath --value docker.service)"',
  refs: [cis('3.1'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, unitPath('docker.service'), ownedBy('root')),
});
