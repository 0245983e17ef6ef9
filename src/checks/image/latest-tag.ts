import { defineCheck, fail, pass, practice } from '../../core/model.js';
import { parseReference } from './lib/reference.js';

export default defineCheck({
  id: 'BH-IMG-015',
  slug: 'latest-tag',
  title: 'Image carries a version tag, not only latest',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    '`latest` (or no tag) says nothing about what the image holds: it moves with every push, so nobody can tell which version runs, roll back, or match it to a scan.',
  remediation:
    'Tag images with a version (`app:2.4.1`) or run them by digest, and refer to that in run commands and compose files instead of `latest`.',
  refs: [practice('P-IMG-2'), practice('P-IMG-4')],
  evaluate: (img) => {
    if (img.repoTags.length === 0) {
      if (img.repoDigests.length > 0) return pass(`untagged but pinned by digest: ${img.repoDigests[0]}`);
      return fail({ message: 'image has no tag and no digest', path: 'RepoTags' });
    }
    const versioned = img.repoTags.filter((t) => (parseReference(t).tag ?? 'latest') !== 'latest');
    if (versioned.length > 0) return pass(`version tag ${versioned.join(', ')}`);
    return fail({ message: `only tagged ${img.repoTags.join(', ')}`, path: 'RepoTags' });
  },
});
