import { compareUpstream } from '../../analysis/component-version.js';
import { NEWEST_KNOWN_ENGINE } from '../../analysis/cve-table.js';
import { componentVersion } from '../../analysis/engine-cves.js';
import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-020',
  slug: 'docker-up-to-date',
  title: 'Docker Engine is up to date',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  partial: true,
  rationale:
    'Each engine release fixes bugs and vulnerabilities; an engine older than the current release misses fixes even where no CVE is listed.',
  remediation:
    'Upgrade Docker Engine from the vendor repository (`apt-get install --only-upgrade docker-ce docker-ce-cli containerd.io`, or the distro package), then restart Docker; see https://docs.docker.com/engine/release-notes/.',
  refs: [cis('1.2.2'), practice('P-ENG-1')],
  evaluate: (snap) => {
    const found = componentVersion(snap, 'engine');
    if (!found) return unknown('the daemon did not report a parseable engine version');
    const v = found.version;
    if (v.distro)
      return unknown(
        `distro build ${v.raw}: its updates follow the distribution; check with the package manager (e.g. apt list --upgradable)`,
        { evidence: [found.source] },
      );
    if (compareUpstream(v.upstream, NEWEST_KNOWN_ENGINE) < 0)
      return fail([
        found.source,
        `${v.upstream} is older than ${NEWEST_KNOWN_ENGINE}, the newest release in bulkhead's reference data`,
      ]);
    return pass([
      found.source,
      `not older than ${NEWEST_KNOWN_ENGINE}, the newest release bulkhead knows of; newer ones may exist`,
    ]);
  },
});
