import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['miner'];

export default defineCheck({
  id: 'BH-SCN-015',
  slug: 'miners',
  title: 'Image contains no crypto-miner',
  severity: 'critical',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    "Public images are a known distribution channel for crypto-miners (xmrig, kinsing…): they burn the host's CPU and usually come with a backdoor.",
  remediation:
    'Do not run this image. Rebuild from a trusted base and find how the miner got in (which layer, which instruction).',
  refs: [practice('P-ENG-2'), practice('P-IMG-2'), practice('P-IMG-5')],
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
      'no known miner binary or pool address in the image',
    ),
});
