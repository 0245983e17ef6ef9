import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeAudit } from './_audit.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-012',
  slug: 'audit-containerd-config',
  title: 'Auditing is configured for /etc/containerd/config.toml',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    "containerd's config.toml decides runtimes, plugins and socket permissions for every container. Without an audit rule there is no record of who changed it.",
  remediation:
    'Add `-w /etc/containerd/config.toml -p rwxa -k docker` to /etc/audit/rules.d/docker.rules (use the path this host uses), then run `augenrules --load` and check with `auditctl -l`.',
  refs: [cis('1.1.12'), practice('P-HST-1'), practice('P-OPS-1')],
  evaluate: (s) => judgeAudit(s, fixed('/etc/containerd/config.toml')),
});
