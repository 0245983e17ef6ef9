import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-007',
  slug: 'audit-docker-service',
  title: 'Auditing is configured for the docker.service unit',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    "docker.service sets the daemon's command line; an edit there can silently open the API or disable protections. Without an audit rule there is no record of who changed it.",
  remediation:
    'Add `-w /lib/systemd/system/docker.service -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.7'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, unitPath('docker.service')),
});
