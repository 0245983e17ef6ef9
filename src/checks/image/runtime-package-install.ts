import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { clip, packageOps } from './lib/history.js';

export default defineCheck({
  id: 'BH-IMG-014',
  slug: 'runtime-package-install',
  title: 'Image does not install packages when a container starts',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    'A start command that installs packages fetches unpinned, unscanned software on every start: each container differs from the scanned image and needs outbound network access and root.',
  remediation:
    'Install packages at build time in a RUN step, pinned to versions, and keep the start command to the workload itself.',
  refs: [cis('4.11'), practice('P-CTR-1'), practice('P-IMG-5')],
  partial: true,
  evaluate: (img) => {
    const found: string[] = [];
    for (const [field, argv] of [
      ['Entrypoint', img.entrypoint],
      ['Cmd', img.cmd],
    ] as const) {
      for (const op of packageOps(argv.join(' ')))
        found.push(`Config.${field} runs the package manager: ${clip(op.text, 80)}`);
    }
    return found.length > 0 ? fail(found) : pass('Entrypoint and Cmd run no package manager');
  },
});
