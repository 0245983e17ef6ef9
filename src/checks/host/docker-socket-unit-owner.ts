import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-021',
  slug: 'docker-socket-unit-owner',
  title: 'The docker.socket unit is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'The socket unit decides where the API socket is created and who may connect to it.',
  remediation: 'chown root:root "$(systemctl show -p FragmentPath --value docker.socket)"',
  refs: [cis('3.3'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, unitPath('docker.socket'), ownedBy('root')),
});
