import { assessComponentCves } from '../../analysis/engine-cves.js';
import { defineCheck, practice, url } from '../../core/model.js';

export default defineCheck({
  id: 'BH-ENG-001',
  slug: 'engine-cves',
  title: 'Docker Engine has no known vulnerabilities',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Engine vulnerabilities include authorization-plugin bypasses and `docker cp` flaws that write to the host; an engine with a fixed CVE still open is a known way in.',
  remediation:
    "Upgrade Docker Engine to a release that fixes the listed CVEs (docker-ce from download.docker.com, or the distribution's security update for docker.io), then restart Docker.",
  refs: [practice('P-ENG-1'), url('https://docs.docker.com/engine/release-notes/')],
  evaluate: (snap) => assessComponentCves(snap, 'engine'),
});
