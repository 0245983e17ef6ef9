import { defineCheck, practice } from '../../core/model.js';
import type { FileKind } from '../../facts/image-scan.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

const KINDS: readonly FileKind[] = ['shell', 'package-manager', 'compiler'];

export default defineCheck({
  id: 'BH-SCN-012',
  slug: 'runtime-tooling',
  title: 'Runtime image carries no shell, package manager or compiler',
  severity: 'info',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Shells, package managers and compilers are what an attacker uses after getting code execution: to download tools, build exploits and persist. A runtime image needs none of them (distroless and scratch images).',
  remediation:
    'Build in one stage and copy only the artefact into a minimal final stage (`FROM gcr.io/distroless/static` or `scratch`).',
  refs: [practice('P-CTR-1'), practice('P-IMG-5')],
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
      'no shell, package manager or compiler in the image',
    ),
});
