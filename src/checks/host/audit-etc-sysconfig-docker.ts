import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-013',
  slug: 'audit-etc-sysconfig-docker',
  title: 'Auditing is configured for /etc/sysconfig/docker',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    '/etc/sysconfig/docker adds daemon options on Red Hat-family hosts. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /etc/sysconfig/docker -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.13'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, fixed('/etc/sysconfig/docker')),
});
