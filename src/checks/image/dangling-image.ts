import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-IMG-010',
  slug: 'dangling-image',
  title: 'Image is not dangling (untagged)',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    'Dangling images (<none>:<none>) are leftovers of rebuilds and re-pulls: nobody can tell what they hold or whether they are still needed, yet they keep old software on disk.',
  remediation:
    'Remove them with `docker image prune` (add `--filter "until=24h"` to keep recent build cache).',
  refs: [cis('6.1'), practice('P-IMG-3')],
  evaluate: (img) => {
    if (!img.dangling) return pass(`tagged ${img.repoTags.join(', ')}`);
    const also = img.containers > 0 ? `, still used by ${img.containers} container(s)` : '';
    return fail({ message: `RepoTags is empty (<none>:<none>)${also}`, path: 'RepoTags' });
  },
});
