import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['network-tool'];

export default defineCheck({
  id: 'BH-SCN-013',
  slug: 'network-tools',
  title: 'Image carries no network tools',
  severity: 'low',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'curl, wget, netcat, socat and friends let an intruder fetch payloads and open reverse shells; a runtime image rarely needs them.',
  remediation: 'Remove them from the final stage; fetch at build time in a builder stage.',
  refs: [practice('P-CTR-1'), practice('P-NET-3')],
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
      'no curl, wget, netcat, socat, nmap or tcpdump in the image',
    ),
});
