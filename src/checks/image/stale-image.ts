import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineCheck({
  id: 'BH-IMG-011',
  slug: 'stale-image',
  title: 'No unused image is older than the stale limit',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    'An old image no container uses is unpatched software waiting to be started by mistake, and a sign that images are never cleaned up.',
  remediation:
    'Remove stale images (`docker image rm <image>`) and schedule cleanup, e.g. `docker image prune -a --filter "until=2160h"`; tune `staleImageDays` in .bulkhead.yaml.',
  refs: [cis('6.1'), practice('P-IMG-3')],
  evaluate: (img, ctx) => {
    if (img.containers > 0) return pass(`used by ${img.containers} container(s)`);
    if (!img.created) return unknown('image has no creation time');
    const created = Date.parse(img.created);
    if (Number.isNaN(created)) return unknown(`image creation time "${img.created}" cannot be read`);
    // Reproducible builds (SOURCE_DATE_EPOCH=0, distroless, ko, nix) record the epoch, not the build date.
    if (created <= 0)
      return unknown(`image creation time is ${img.created}: the build date was not recorded`);
    const days = Math.floor((ctx.settings.now.getTime() - created) / DAY_MS);
    const limit = ctx.settings.staleImageDays;
    if (days > limit)
      return fail({
        message: `unused, created ${img.created.slice(0, 10)} (${days} days ago, limit ${limit})`,
        path: 'Created',
      });
    return pass(`unused but created ${days} days ago (limit ${limit})`);
  },
});
