import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { daemonJsonPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-011',
  slug: 'audit-daemon-json',
  title: 'Auditing is configured for /etc/docker/daemon.json',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    "daemon.json holds the daemon's security settings (TLS, userns, icc, authorization plugins). Without an audit rule there is no record of who changed it.",
  remediation:
    'Add `-w /etc/docker/daemon.json -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.11'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, daemonJsonPath),
});
