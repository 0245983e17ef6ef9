import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-IMG-009',
  slug: 'unused-image',
  title: 'Image is used by a container',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    'Images no container uses are sprawl: they keep old, unpatched software on the host that can be started at any time, and make it hard to tell what should run here.',
  remediation:
    'Remove images no container needs: `docker image rm <image>`, or regularly `docker image prune -a --filter "until=720h"`.',
  refs: [cis('6.1'), practice('P-IMG-3')],
  evaluate: (img) =>
    img.containers > 0
      ? pass(`used by ${img.containers} container${img.containers === 1 ? '' : 's'}`)
      : fail('no container (running or stopped) uses this image'),
});
