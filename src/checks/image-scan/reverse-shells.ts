import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['reverse-shell'];

export default defineCheck({
  id: 'BH-SCN-016',
  slug: 'reverse-shells',
  title: 'Image contains no reverse-shell one-liners',
  severity: 'critical',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    "A reverse shell (bash -i >& /dev/tcp/…, nc -e /bin/sh) in an image's scripts is a backdoor that connects out to an attacker when it runs.",
  remediation:
    'Do not run this image; rebuild from a trusted source and inspect the layer that added the script.',
  refs: [practice('P-ENG-2'), practice('P-IMG-5')],
  evaluate: (img) =>
    verdict(
      img.files
        .filter((f) => KINDS.includes(f.kind) && f.present)
        .map((f) =>
          scanFail(
            `${f.kind} ${f.path} mode ${(f.mode & 0o7777).toString(8).padStart(4, '0')}${f.detail ? `: ${f.detail}` : ''}, from ${layerLabel(img, f.layer)}`,
            f.path,
          ),
        ),
      'no reverse-shell one-liner in the image',
    ),
});
