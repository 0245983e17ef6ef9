import { defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-IMG-008',
  slug: 'repo-digest',
  title: 'Image has a registry digest',
  severity: 'info',
  scope: 'image',
  facts: ['images'],
  rationale:
    'An image with no RepoDigests was built locally or loaded from a tar, never pulled from or pushed to a registry: its content cannot be checked against a signed, immutable registry digest.',
  remediation:
    'Push images to your registry and run them by digest (`image: registry.example.com/app@sha256:...`); sign and verify them (`bulkhead sign` / `verify`, cosign or Notary).',
  refs: [practice('P-IMG-4')],
  evaluate: (img) =>
    img.repoDigests.length > 0
      ? pass(`RepoDigests: ${img.repoDigests.join(', ')}`)
      : fail({
          message: 'RepoDigests is empty: built locally or loaded, not pulled from a registry',
          path: 'RepoDigests',
        }),
});
