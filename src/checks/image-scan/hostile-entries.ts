import { defineCheck, practice } from '../../core/model.js';
import { scanFail, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-SCN-020',
  slug: 'hostile-entries',
  title: 'Image layers are well formed (no path escapes, link tricks or bombs)',
  severity: 'high',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Layer tars with `../` or absolute names, links pointing outside the image, duplicate entries, decompression bombs or truncated data are either broken or built to attack the tools that unpack them (CVE-2019-14271-style extraction bugs). Real builders never produce them.',
  remediation: 'Do not run or re-tag the image; rebuild it from its Dockerfile with a standard builder.',
  refs: [practice('P-ENG-2'), practice('P-IMG-5')],
  evaluate: (img) =>
    verdict(
      img.problems.map((p) => scanFail(p)),
      'every layer entry is well formed',
    ),
});
