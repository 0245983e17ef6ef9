import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { binaryPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-014',
  slug: 'audit-containerd-bin',
  title: 'Auditing is configured for the containerd binary',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'containerd runs as root and manages every container; a replaced binary compromises the host. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /usr/bin/containerd -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.14'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, binaryPaths('containerd')),
});
