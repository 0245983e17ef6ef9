import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['world-writable'];

export default defineCheck({
  id: 'BH-SCN-006',
  slug: 'world-writable',
  title: 'Image has no world-writable files or directories without sticky bit',
  severity: 'medium',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'A world-writable file or directory (without the sticky bit) lets any user in the container, or a process that shares the volume, replace binaries and configuration the application trusts.',
  remediation:
    'Fix the modes in the Dockerfile: `RUN chmod o-w PATH` (or `chmod +t DIR` for a shared scratch directory like /tmp).',
  refs: [practice('P-IMG-5'), practice('P-CTR-1')],
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
      'no world-writable file or directory without the sticky bit',
    ),
});
