import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-010',
  slug: 'audit-etc-default-docker',
  title: 'Auditing is configured for /etc/default/docker',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    '/etc/default/docker can add daemon options (DOCKER_OPTS) on Debian-family hosts. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /etc/default/docker -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.10'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, fixed('/etc/default/docker')),
});
