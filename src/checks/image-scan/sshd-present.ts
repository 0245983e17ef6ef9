import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['sshd'];

export default defineCheck({
  id: 'BH-SCN-010',
  slug: 'sshd-present',
  title: 'Image does not ship an SSH server',
  severity: 'high',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'An SSH server in a container is a second way in, with its own keys and passwords to manage; containers are entered with `docker exec` (Dockle CIS-DI-0010 style).',
  remediation:
    'Remove openssh-server from the image; use `docker exec` (or `kubectl exec`) to enter containers.',
  refs: [practice('P-CTR-3'), practice('P-COM-1')],
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
      'no SSH server binary in the image',
    ),
});
