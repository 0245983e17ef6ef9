import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { containerdSocketPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-008',
  slug: 'audit-containerd-sock',
  title: 'Auditing is configured for the containerd socket',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Whoever can talk to containerd.sock controls every container on the host; auditing it records access. Without an audit rule there is no record of who changed it.',
  remediation:
    'Add `-w /run/containerd/containerd.sock -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.8'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, containerdSocketPaths),
});
