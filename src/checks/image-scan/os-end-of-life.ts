import { defineCheck, notApplicable, pass, practice, unknown } from '../../core/model.js';
import { scanFail } from './_lib.js';

export default defineCheck({
  id: 'BH-SCN-019',
  slug: 'os-end-of-life',
  title: 'Base OS release is still supported',
  severity: 'high',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'An end-of-life distribution release gets no more security updates: every vulnerability found after that date stays open, and scanners (ours included) stop seeing them once the distro stops publishing advisories.',
  remediation:
    'Rebuild on a supported release of the base image (e.g. `FROM debian:12` instead of `debian:10`).',
  refs: [practice('P-ENG-2'), practice('P-IMG-5')],
  evaluate: (img, ctx) => {
    const os = img.os;
    if (!os) return notApplicable('no OS release file (scratch or distroless without os-release)');
    const name = os.prettyName ?? `${os.id} ${os.versionId}`;
    if (!os.eol) return unknown(`end-of-life date of ${name} is not known to bulkhead`);
    const today = ctx.settings.now.toISOString().slice(0, 10);
    return os.eol <= today
      ? scanFail(`${name} reached end of life on ${os.eol}`)
      : pass(`${name} is supported until ${os.eol}`);
  },
});
