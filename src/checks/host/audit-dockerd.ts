import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { binaryPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-003',
  slug: 'audit-dockerd',
  title: 'Auditing is configured for the Docker daemon binary',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'dockerd runs as root and controls every container; auditing its binary records who replaced or ran it. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /usr/bin/dockerd -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.3'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, binaryPaths('dockerd')),
});
