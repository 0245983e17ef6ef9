import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['device'];

export default defineCheck({
  id: 'BH-SCN-007',
  slug: 'device-files',
  title: 'Image contains no device files',
  severity: 'medium',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Device nodes in an image give direct access to host devices whenever the container is started with the matching cgroup permission; images should leave /dev to the runtime.',
  remediation: 'Delete the device nodes from the image (`RUN rm -f PATH`); let the runtime create /dev.',
  refs: [practice('P-KER-3'), practice('P-IMG-5')],
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
      'no device files in the image',
    ),
});
