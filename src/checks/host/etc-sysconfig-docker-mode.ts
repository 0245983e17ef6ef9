import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-039',
  slug: 'etc-sysconfig-docker-mode',
  title: '/etc/sysconfig/docker has permissions 0644 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: '/etc/sysconfig/docker adds daemon options on Red Hat-family hosts.',
  remediation: 'chmod 644 /etc/sysconfig/docker',
  refs: [cis('3.21'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/sysconfig/docker'), modeAtMost(0o644)),
});
