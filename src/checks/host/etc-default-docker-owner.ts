import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-037',
  slug: 'etc-default-docker-owner',
  title: '/etc/default/docker is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'DOCKER_OPTS in /etc/default/docker can add daemon options on Debian-family hosts.',
  remediation: 'chown root:root /etc/default/docker',
  refs: [cis('3.19'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/default/docker'), ownedBy('root')),
});
