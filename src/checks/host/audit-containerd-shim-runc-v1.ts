import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { binaryPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-016',
  slug: 'audit-containerd-shim-runc-v1',
  title: 'Auditing is configured for the containerd-shim-runc-v1 binary',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'containerd-shim-runc-v1 runs as root beside containers; a replaced binary compromises every container started after. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /usr/bin/containerd-shim-runc-v1 -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.16'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, binaryPaths('containerd-shim-runc-v1')),
});
