import { globMatch } from '../../core/glob.js';
import { defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-035',
  slug: 'container-allowlist',
  title: "Container is in the host's container inventory (allowlist)",
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Containers nobody expects (left over, or started by an intruder, e.g. a miner) go unnoticed unless the containers on a host are compared with an inventory.',
  remediation:
    'Remove the container if it is not needed (`docker rm -f <name>`), or add its name (glob) to `containerAllowlist` in .bulkhead.yaml.',
  refs: [practice('P-HST-4')],
  evaluate: (c, ctx) => {
    const globs = ctx.settings.containerAllowlist;
    if (globs.length === 0) return notApplicable('no container allowlist is configured');
    const match = globs.find((g) => globMatch(g, c.name));
    return match
      ? pass(`name "${c.name}" matches allowlist entry "${match}"`)
      : fail(
          `name "${c.name}" (${c.state}, image ${c.spec.image || c.spec.imageId || 'unknown'}) matches no allowlist entry`,
        );
  },
});
