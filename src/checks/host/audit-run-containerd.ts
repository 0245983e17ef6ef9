import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-004',
  slug: 'audit-run-containerd',
  title: 'Auditing is configured for /run/containerd',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    "/run/containerd holds containerd's runtime state and sockets; changes there can hijack every container. Without an audit rule there is no record of who changed it.",
  remediation:
    'Add `-w /run/containerd -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.4'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, fixed('/run/containerd')),
});
