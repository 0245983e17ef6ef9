import { cis, defineCheck, url } from '../../core/model.js';
import { at } from './_c-context.js';
import { type PkgCommand, packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const OS = new Set(['apt', 'apk', 'rpm', 'zypper']);

export default defineCheck({
  id: 'BH-DKF-040',
  slug: 'package-update-alone',
  title: 'Package index updates run in the same RUN as the install',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A RUN that only refreshes the package index (`apt-get update`, `apk update`, `yum makecache`, `zypper refresh`) is cached as its own layer: later builds reuse that old index while the install in a later RUN is rebuilt, so packages come from a stale index (old, vulnerable versions, or 404s). CIS Docker 4.7; Trivy DS017, Checkov CKV_DOCKER_5.',
  remediation:
    'Refresh and install in one RUN:\n\n```dockerfile\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```',
  refs: [cis('4.7'), url('https://avd.aquasec.com/misconfig/dockerfile/general/avd-ds-0017/')],
  evaluate: (df) => {
    const pcs = packageCommands(df).filter((p) => OS.has(p.family));
    const found = [];
    for (const pc of pcs) {
      if (pc.action !== 'refresh') continue;
      const consumed = pcs.some(
        (o) =>
          o.index === pc.index &&
          o.family === pc.family &&
          (o.action === 'install' || o.action === 'upgrade'),
      );
      if (consumed) continue;
      const next: PkgCommand | undefined = pcs.find(
        (o) =>
          o.index > pc.index &&
          o.family === pc.family &&
          o.action === 'install' &&
          o.ins.stage === pc.ins.stage,
      );
      const tail = next ? ` (the install at line ${next.cmd.line} runs in a later layer)` : '';
      found.push(finding(df, pc.ins, `index update alone in its RUN: ${show(pc.cmd)}${tail}`, at(pc)));
    }
    return verdict(found, 'every package index update is followed by an install in the same RUN');
  },
});
