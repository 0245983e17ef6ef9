import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['persistence'];

export default defineCheck({
  id: 'BH-SCN-017',
  slug: 'persistence',
  title: 'Image plants no persistence (cron, profile, ld.so.preload)',
  severity: 'high',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Malicious images persist through cron jobs, shell profile hooks and /etc/ld.so.preload (which injects a library into every process); none of these belongs in a container image.',
  remediation:
    'Remove the entries (and find out how they got there); containers should run one process, not cron or login shells.',
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
      'no suspicious cron, profile or ld.so.preload entries',
    ),
});
