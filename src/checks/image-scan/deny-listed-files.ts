import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['deny-listed'];

export default defineCheck({
  id: 'BH-SCN-018',
  slug: 'deny-listed-files',
  title: 'Image contains no file on the SHA-256 deny-list',
  severity: 'critical',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'A file whose SHA-256 is on your deny-list is known bad (malware, a leaked binary, a vulnerable build you banned).',
  remediation:
    'Remove the file or rebuild the image from a clean source; the evidence names the layer that added it.',
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
      'no file matches the SHA-256 deny-list',
    ),
});
