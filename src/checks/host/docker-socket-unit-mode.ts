import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-022',
  slug: 'docker-socket-unit-mode',
  title: 'The docker.socket unit has permissions 0644 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'The socket unit decides where the API socket is created and who may connect to it.',
  remediation: 'chmod 644 "$(systemctl show -p FragmentPath --value docker.socket)"',
  refs: [cis('3.4'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, unitPath('docker.socket'), modeAtMost(0o644)),
});
