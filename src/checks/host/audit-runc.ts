import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { binaryPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-018',
  slug: 'audit-runc',
  title: 'Auditing is configured for the runc binary',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    "runc creates every container's namespaces and cgroups as root; a replaced runc (as in CVE-2019-5736) owns the host. Without an audit rule there is no record of who changed it.",
  remediation:
    'Add `-w /usr/bin/runc -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.18'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, binaryPaths('runc')),
});
