import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-023',
  slug: 'etc-docker-owner',
  title: '/etc/docker is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    '/etc/docker holds daemon.json, TLS keys and registry certificates; write access there changes what the daemon trusts.',
  remediation: 'chown root:root /etc/docker',
  refs: [cis('3.5'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/docker'), ownedBy('root')),
});
