import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-006',
  slug: 'audit-etc-docker',
  title: 'Auditing is configured for /etc/docker',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    '/etc/docker holds daemon.json, TLS keys and registry certificates, which decide how the daemon trusts and listens. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /etc/docker -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.6'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, fixed('/etc/docker')),
});
