import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-038',
  slug: 'etc-default-docker-mode',
  title: '/etc/default/docker has permissions 0644 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'DOCKER_OPTS in /etc/default/docker can add daemon options on Debian-family hosts.',
  remediation: 'chmod 644 /etc/default/docker',
  refs: [cis('3.20'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/default/docker'), modeAtMost(0o644)),
});
