import { cis, defineCheck, practice, url } from '../../core/model.js';
import { baseImages, dynamicNote } from './_a-image.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-003',
  slug: 'base-image-digest',
  title: 'Base images are pinned by digest',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A tag is a mutable pointer: the publisher (or whoever takes over the repository or the registry account) can move `debian:12` to different content. Only a digest names exact bytes, so the build is reproducible and a swapped image fails to pull. Keep the tag beside the digest for readers; tools such as Renovate and Dependabot update both. Equivalent: Checkov CKV_DOCKER_7 (partly), Scorecard "Pinned-Dependencies", KICS "Image Not Using Digest".',
  remediation:
    'Look the digest up and append it: `docker buildx imagetools inspect debian:12 --format "{{json .Manifest.Digest}}"`, then `FROM debian:12@sha256:<digest>`.',
  refs: [
    practice('P-IMG-2'),
    practice('P-IMG-4'),
    cis('4.2'),
    url('https://docs.docker.com/reference/dockerfile/#from'),
  ],
  evaluate: (df) => {
    const b = baseImages(df);
    const found = b.images
      .filter((i) => i.parsed.digest === undefined)
      .map((i) => {
        const tagged = i.parsed.tag === undefined ? `${i.ref}:<tag>` : i.ref;
        return finding(
          df,
          i.from,
          `base image not pinned by digest: FROM ${i.ref} (fix: FROM ${tagged}@sha256:<digest>, digest from \`docker buildx imagetools inspect ${i.ref}\`)`,
        );
      });
    return verdict(found, `every base image is pinned by digest${dynamicNote(b)}`);
  },
});
