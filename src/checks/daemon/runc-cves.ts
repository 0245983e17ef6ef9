import { assessComponentCves } from '../../analysis/engine-cves.js';
import { defineCheck, practice, url } from '../../core/model.js';

export default defineCheck({
  id: 'BH-ENG-003',
  slug: 'runc-cves',
  title: 'runc has no known container-escape vulnerabilities',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'runc sets up every container; its vulnerabilities (CVE-2019-5736, CVE-2024-21626, the 2025 procfs escapes) let a container break out to the host.',
  remediation:
    "Upgrade runc (shipped in `containerd.io` for Docker CE, or the distribution's `runc` security update) to a version that fixes the listed CVEs; running containers keep the old runc until restarted.",
  refs: [
    practice('P-ENG-1'),
    practice('P-KER-3'),
    url('https://github.com/opencontainers/runc/security/advisories'),
  ],
  evaluate: (snap) => assessComponentCves(snap, 'runc'),
});
