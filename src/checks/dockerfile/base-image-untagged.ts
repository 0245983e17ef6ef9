import { cis, defineCheck, practice, url } from '../../core/model.js';
import { baseImages, dynamicNote } from './_a-image.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-001',
  slug: 'base-image-untagged',
  title: 'Base images name a tag',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A FROM without a tag or digest pulls `latest`, whatever that is on the day of the build: builds are not reproducible and a new major version (or a replaced image) arrives unreviewed. `scratch`, earlier stages and digest-pinned references are not judged. Equivalent: hadolint DL3006, Trivy DS001 (with :latest), Checkov CKV_DOCKER_7, KICS "Image Version Not Explicit".',
  remediation:
    'Name the version you tested: `FROM debian:12-slim` (better, also pin the digest: `FROM debian:12-slim@sha256:<digest>`).',
  refs: [practice('P-IMG-2'), cis('4.2'), url('https://github.com/hadolint/hadolint/wiki/DL3006')],
  evaluate: (df) => {
    const b = baseImages(df);
    const found = b.images
      .filter((i) => i.parsed.tag === undefined && i.parsed.digest === undefined)
      .map((i) =>
        finding(
          df,
          i.from,
          i.ref === i.stage.image
            ? `base image without a tag (pulls latest): FROM ${i.ref}`
            : `base image without a tag (pulls latest): FROM ${i.stage.image} (= ${i.ref})`,
        ),
      );
    return verdict(found, `every base image names a tag or digest${dynamicNote(b)}`);
  },
});
