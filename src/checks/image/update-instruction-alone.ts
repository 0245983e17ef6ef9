import { cis, defineCheck, fail, pass, unknown } from '../../core/model.js';
import { clip, packageOps, parseHistory } from './lib/history.js';

export default defineCheck({
  id: 'BH-IMG-003',
  slug: 'update-instruction-alone',
  title: 'Package index updates are not run alone in a build step',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  partial: true,
  rationale:
    'A RUN that only refreshes the package index (apt-get update, apk update, yum makecache) is cached as its own layer; later installs in other steps then use a stale index and miss security fixes.',
  remediation:
    'Update and install in one RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*`, or use `apk add --no-cache pkg`.',
  refs: [cis('4.7')],
  evaluate: (img) => {
    if (img.history.length === 0) return unknown('image has no build history to read');
    const alone: string[] = [];
    for (const step of parseHistory(img.history)) {
      if (step.instruction !== 'RUN') continue;
      const ops = packageOps(step.args);
      const updates = ops.filter((o) => o.kind === 'update');
      if (updates.length > 0 && !ops.some((o) => o.kind === 'install')) {
        alone.push(
          `history step ${step.index}: RUN ${clip(updates.map((u) => u.text).join(' && '), 80)} with no install in the same RUN`,
        );
      }
    }
    return alone.length > 0
      ? fail(alone)
      : pass('no build step refreshes the package index without installing');
  },
});
