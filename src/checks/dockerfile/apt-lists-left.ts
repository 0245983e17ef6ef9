import { defineCheck, practice, url } from '../../core/model.js';
import { at, deletes, mounted, siblings } from './_c-context.js';
import { packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const LISTS = ['/var/lib/apt/lists'];

export default defineCheck({
  id: 'BH-DKF-044',
  slug: 'apt-lists-left',
  title: 'apt package lists are removed in the RUN that downloads them',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    '`apt-get update` downloads tens of megabytes of package lists into /var/lib/apt/lists. Unless the same RUN deletes them (or keeps them on a cache mount), they stay in the layer: a bigger image and a stale index shipped with it. Deleting them in a later RUN does not shrink the earlier layer. hadolint DL3009; Trivy DS029-style cleanup rules.',
  remediation:
    'Delete the lists in the same RUN, or use a cache mount:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n# or\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3009')],
  evaluate: (df) => {
    const found = [];
    let last = -1;
    for (const pc of packageCommands(df)) {
      if (pc.family !== 'apt' || pc.action !== 'refresh' || pc.index === last) continue;
      last = pc.index;
      if (mounted(pc.ins, ...LISTS) || siblings(pc).some((c) => deletes(c, LISTS))) continue;
      found.push(
        finding(
          df,
          pc.ins,
          `apt lists kept in the layer (no rm -rf /var/lib/apt/lists/* in this RUN): ${show(pc.cmd)}`,
          at(pc),
        ),
      );
    }
    return verdict(found, 'every RUN that downloads apt lists removes them or keeps them on a cache mount');
  },
});
