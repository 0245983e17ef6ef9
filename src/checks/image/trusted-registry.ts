import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';
import { isTrusted, parseReference } from './lib/reference.js';

export default defineCheck({
  id: 'BH-IMG-007',
  slug: 'trusted-registry',
  title: 'Image comes from a trusted registry',
  severity: 'medium',
  scope: 'image',
  facts: ['images'],
  partial: true,
  rationale:
    'Images from registries you do not control can be replaced, typo-squatted or carry malware. RepoDigests record the registries an image was pulled from or pushed to; they are judged against the configured trustedRegistries.',
  remediation:
    'Pull through a registry you control (mirror or proxy) and list it in `trustedRegistries` in .bulkhead.yaml; remove images from other sources (`docker image rm <image>`).',
  refs: [cis('4.2'), practice('P-IMG-1'), practice('P-IMG-2')],
  evaluate: (img, ctx) => {
    const trusted = ctx.settings.trustedRegistries;
    if (trusted.length === 0) return notApplicable('no trustedRegistries are configured');
    if (img.repoDigests.length === 0)
      return unknown(
        'no RepoDigests: the image was built locally or loaded, so the registry it came from cannot be told',
        { evidence: img.repoTags.map((t) => `tagged ${t}`) },
      );
    const refs = img.repoDigests.map((d) => ({ name: d, ref: parseReference(d) }));
    const good = refs.filter((r) => isTrusted(r.ref, trusted));
    if (good.length > 0)
      return pass(good.map((r) => `${r.ref.registry}/${r.ref.repository} is in trustedRegistries`));
    return fail(
      refs.map(
        (r) =>
          `RepoDigests entry ${r.ref.registry}/${r.ref.repository} is from ${r.ref.registry}, not in trustedRegistries (${trusted.join(', ')})`,
      ),
    );
  },
});
