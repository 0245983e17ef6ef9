import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['setuid', 'setgid'];

export default defineCheck({
  id: 'BH-SCN-005',
  slug: 'setuid-files',
  title: 'Image holds no setuid or setgid files',
  severity: 'medium',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    "A setuid or setgid binary runs with its owner's privileges whatever user starts it: in a container it is the usual step from an application compromise to root (CIS 4.8, Dockle CIS-DI-0008). Images rarely need any.",
  remediation:
    'Remove the bits in the Dockerfile: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +` (or delete the binaries), and run with `--security-opt no-new-privileges`.',
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
      'no setuid or setgid file in the final filesystem',
    ),
});
