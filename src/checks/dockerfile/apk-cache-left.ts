import { defineCheck, practice, url } from '../../core/model.js';
import { at, deletes, mounted, siblings } from './_c-context.js';
import { hasOpt, packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const CACHE = ['/var/cache/apk'];

export default defineCheck({
  id: 'BH-DKF-045',
  slug: 'apk-cache-left',
  title: 'apk add uses --no-cache',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    '`apk add`, `apk update` and `apk upgrade` without `--no-cache` store the repository indexes under /var/cache/apk, which then ship in the layer. `--no-cache` fetches the index to a temporary place and leaves nothing behind; deleting /var/cache/apk/* in the same RUN or a cache mount works too. hadolint DL3019.',
  remediation:
    'Use `--no-cache` (no separate `apk update` needed):\n\n```dockerfile\nRUN apk add --no-cache curl\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3019')],
  evaluate: (df) => {
    const found = [];
    let last = -1;
    for (const pc of packageCommands(df)) {
      if (pc.family !== 'apk' || pc.index === last) continue;
      if (pc.action !== 'install' && pc.action !== 'refresh' && pc.action !== 'upgrade') continue;
      if (hasOpt(pc, '--no-cache')) continue;
      last = pc.index;
      if (mounted(pc.ins, ...CACHE, '/etc/apk/cache') || siblings(pc).some((c) => deletes(c, CACHE)))
        continue;
      found.push(finding(df, pc.ins, `apk ${pc.verb} without --no-cache: ${show(pc.cmd)}`, at(pc)));
    }
    return verdict(found, 'every apk add/update uses --no-cache or cleans /var/cache/apk in the same RUN');
  },
});
