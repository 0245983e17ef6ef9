import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { dataRootPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-005',
  slug: 'audit-var-lib-docker',
  title: 'Auditing is configured for the Docker data root (/var/lib/docker)',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'The data root holds images, container filesystems and volumes; auditing it records tampering with them. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /var/lib/docker -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.5'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, dataRootPath),
});
