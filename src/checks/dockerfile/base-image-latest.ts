import { cis, defineCheck, practice, url } from '../../core/model.js';
import { baseImages, dynamicNote } from './_a-image.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-002',
  slug: 'base-image-latest',
  title: 'Base images do not use the :latest tag',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    '`latest` moves with every upstream release, so the same Dockerfile builds a different image next week and a breaking or compromised release is picked up without review. A digest after the tag (`:latest@sha256:…`) pins it and passes. Equivalent: hadolint DL3007, Trivy DS001, Checkov CKV_DOCKER_7, KICS "Image Version Using \'latest\'".',
  remediation:
    'Replace `FROM node:latest` with the version you tested, e.g. `FROM node:22-bookworm-slim` (and pin its digest).',
  refs: [practice('P-IMG-2'), cis('4.2'), url('https://github.com/hadolint/hadolint/wiki/DL3007')],
  evaluate: (df) => {
    const b = baseImages(df);
    const found = b.images
      .filter((i) => i.parsed.tag?.toLowerCase() === 'latest' && i.parsed.digest === undefined)
      .map((i) =>
        finding(
          df,
          i.from,
          i.ref === i.stage.image
            ? `base image uses :latest: FROM ${i.ref}`
            : `base image uses :latest: FROM ${i.stage.image} (= ${i.ref})`,
        ),
      );
    return verdict(found, `no base image uses :latest${dynamicNote(b)}`);
  },
});
