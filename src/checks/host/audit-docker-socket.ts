import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { unitPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-009',
  slug: 'audit-docker-socket',
  title: 'Auditing is configured for the docker.socket unit',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'docker.socket decides where and with which owner the API socket is created. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /lib/systemd/system/docker.socket -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.9'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, unitPath('docker.socket')),
});
