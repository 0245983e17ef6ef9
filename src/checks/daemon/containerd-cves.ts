import { assessComponentCves } from '../../analysis/engine-cves.js';
import { defineCheck, practice, url } from '../../core/model.js';

export default defineCheck({
  id: 'BH-ENG-002',
  slug: 'containerd-cves',
  title: 'containerd has no known vulnerabilities',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'containerd runs every container for dockerd; its flaws have let containers reach host sockets or run as root despite a user setting.',
  remediation:
    "Upgrade containerd (`containerd.io` from download.docker.com, or the distribution's `containerd` security update) to a version that fixes the listed CVEs and restart it.",
  refs: [practice('P-ENG-1'), url('https://github.com/containerd/containerd/security/advisories')],
  evaluate: (snap) => assessComponentCves(snap, 'containerd'),
});
