import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['sudo'];

export default defineCheck({
  id: 'BH-SCN-011',
  slug: 'sudo-present',
  title: 'Image does not ship sudo',
  severity: 'medium',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'sudo in an image undoes running as a non-root user: any compromise of the app user becomes root through a sudoers rule or a misconfiguration (hadolint DL3004).',
  remediation:
    'Do not install sudo; run root-only steps at build time before `USER`, or use gosu/su-exec in an entrypoint that drops privileges.',
  refs: [practice('P-KER-3'), practice('P-CTR-1')],
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
      'no sudo in the image',
    ),
});
