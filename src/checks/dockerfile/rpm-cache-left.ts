import { defineCheck, practice, url } from '../../core/model.js';
import { at, deletes, mounted, samePkgRun, siblings } from './_c-context.js';
import { type PkgCommand, packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const RPM_CACHE = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/tdnf', '/var/cache/libdnf5'];
const ZYPP_CACHE = ['/var/cache/zypp'];

/** `yum clean all`, `dnf clean all` (any rpm tool), `zypper clean`/`zypper cc` with any scope. */
function cleans(pc: PkgCommand, family: string): boolean {
  if (pc.family !== family || pc.action !== 'clean') return false;
  return family === 'zypper' || pc.operands.some((o) => o.word.value === 'all');
}

export default defineCheck({
  id: 'BH-DKF-046',
  slug: 'rpm-cache-left',
  title: 'yum/dnf/zypper caches are cleaned in the RUN that fills them',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'yum, dnf, microdnf, tdnf and zypper keep repository metadata (often 100 MB and more) under /var/cache/{yum,dnf,zypp} after an install. Unless the same RUN runs `… clean all` (or deletes the cache, or mounts it as a build cache), it ships in the layer. hadolint DL3032 (yum), DL3040 (dnf), DL3036 (zypper).',
  remediation:
    'Clean in the same RUN:\n\n```dockerfile\nRUN dnf install -y curl && dnf clean all && rm -rf /var/cache/dnf\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3032')],
  evaluate: (df) => {
    const found = [];
    let last = -1;
    for (const pc of packageCommands(df)) {
      if (pc.family !== 'rpm' && pc.family !== 'zypper') continue;
      if (pc.index === last || (pc.action !== 'install' && pc.action !== 'upgrade')) continue;
      last = pc.index;
      const dirs = pc.family === 'rpm' ? RPM_CACHE : ZYPP_CACHE;
      if (mounted(pc.ins, ...dirs) || siblings(pc).some((c) => deletes(c, dirs))) continue;
      if (samePkgRun(df, pc).some((o) => o.cmdIndex > pc.cmdIndex && cleans(o, pc.family))) continue;
      const fix = pc.family === 'rpm' ? `${pc.tool} clean all` : 'zypper clean --all';
      found.push(
        finding(df, pc.ins, `${pc.tool} ${pc.verb} without ${fix} in the same RUN: ${show(pc.cmd)}`, at(pc)),
      );
    }
    return verdict(found, 'every yum/dnf/zypper install cleans its cache in the same RUN');
  },
});
