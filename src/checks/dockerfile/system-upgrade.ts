import { defineCheck, practice, url } from '../../core/model.js';
import { at } from './_c-context.js';
import { packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const OS = new Set(['apt', 'apk', 'rpm', 'zypper']);

export default defineCheck({
  id: 'BH-DKF-051',
  slug: 'system-upgrade',
  title: 'The Dockerfile does not upgrade all base-image packages',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A blanket `apt-get upgrade`/`dist-upgrade`, `apk upgrade`, `yum update` or `zypper dup` rewrites files of the base image in a new layer (the image grows by every upgraded package), makes the result depend on the day of the build rather than on the pinned base, and hides that the base image itself is out of date. The durable fix for base-image vulnerabilities is a newer (or digest-bumped) base image that the scanner sees; upgrading single named packages stays possible. hadolint DL3005 (since retired).',
  remediation:
    'Rebuild from a patched base instead, and upgrade only what a scan requires:\n\n```dockerfile\nFROM debian:12.9-slim@sha256:…\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl \\\n && rm -rf /var/lib/apt/lists/*\n```',
  refs: [practice('P-IMG-2'), practice('P-IMG-5'), url('https://github.com/hadolint/hadolint/wiki/DL3005')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (!OS.has(pc.family) || pc.action !== 'upgrade') continue;
      // `yum update openssl` or `apk upgrade openssl` upgrades what was named, not the whole system.
      if (pc.family !== 'apt' && pc.operands.length > 0) continue;
      found.push(finding(df, pc.ins, `whole-system upgrade: ${show(pc.cmd)}`, at(pc)));
    }
    return verdict(found, 'no whole-system package upgrade');
  },
});
