import { cis, defineCheck, pass, practice } from '../../core/model.js';
import { isTrusted } from '../image/lib/reference.js';
import { baseImages, dynamicNote, fullName, globRegExp, normaliseGlob } from './_a-image.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-004',
  slug: 'base-image-registry',
  title: 'Base images come from an allowed registry',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Images from registries you do not control can be replaced, typo-squatted or carry malware (CIS 4.2). References are normalised as Docker does (`ubuntu` is `docker.io/library/ubuntu`; a first component with `.` or `:`, or `localhost`, is a registry) and judged against `trustedRegistries` (host[:port], optionally with a repository prefix) and `allowedBaseImages` (globs: `*` within a path component, `**` across). With neither configured there is nothing to judge. Equivalent: Checkov CKV_DOCKER_6-style allowlists, OPA/Conftest base-image policies.',
  remediation:
    'Build FROM your mirror (`FROM registry.internal/library/debian:12`), or add the source to .bulkhead.yaml: `trustedRegistries: [registry.internal]` / `allowedBaseImages: ["docker.io/library/*"]`.',
  refs: [cis('4.2'), practice('P-IMG-1'), practice('P-IMG-2')],
  evaluate: (df, ctx) => {
    const { trustedRegistries: trusted, allowedBaseImages } = ctx.settings;
    if (trusted.length === 0 && allowedBaseImages.length === 0)
      return pass('no registry allowlist configured (trustedRegistries, allowedBaseImages)');
    const globs = allowedBaseImages.map((g) => globRegExp(normaliseGlob(g)));
    const b = baseImages(df);
    const found = b.images
      .filter((i) => {
        if (isTrusted(i.parsed, trusted)) return false;
        const name = fullName(i.parsed);
        const tagged = i.parsed.tag === undefined ? name : `${name}:${i.parsed.tag}`;
        return !globs.some((re) => re.test(name) || re.test(tagged));
      })
      .map((i) =>
        finding(
          df,
          i.from,
          `base image from ${i.parsed.registry} is not allowed: FROM ${i.ref} (${fullName(i.parsed)})`,
        ),
      );
    return verdict(
      found,
      `every base image comes from an allowed registry or matches allowedBaseImages${dynamicNote(b)}`,
    );
  },
});
