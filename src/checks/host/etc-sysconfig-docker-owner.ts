import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-040',
  slug: 'etc-sysconfig-docker-owner',
  title: '/etc/sysconfig/docker is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: '/etc/sysconfig/docker adds daemon options on Red Hat-family hosts.',
  remediation: 'chown root:root /etc/sysconfig/docker',
  refs: [cis('3.22'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/sysconfig/docker'), ownedBy('root')),
});
