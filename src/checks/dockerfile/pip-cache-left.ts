import { defineCheck, practice, url } from '../../core/model.js';
import {
  at,
  configBefore,
  deletes,
  envBool,
  mounted,
  samePkgRun,
  siblings,
  volatileMounts,
} from './_c-context.js';
import { hasOpt, packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const CACHE = ['/root/.cache/pip'];
const PIP_CONF = ['/etc/pip.conf', '/etc/xdg/pip/', '/root/.config/pip/', '/root/.pip/'];
const PIP_MOUNT = /\/\.cache(?:\/pip)?$/;
const CONF_OFF = /no[-_]cache[-_]dir\s*=/i;

export default defineCheck({
  id: 'BH-DKF-047',
  slug: 'pip-cache-left',
  title: 'pip install uses --no-cache-dir',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'pip keeps every downloaded wheel and source archive in ~/.cache/pip; in an image that cache is dead weight (often hundreds of megabytes for scientific stacks) that ships in the layer. `--no-cache-dir`, `PIP_NO_CACHE_DIR` (pip reads any boolean value, even `off`, as "no cache"), a pip.conf setting, deleting the cache in the same RUN or a cache mount avoid it. hadolint DL3042.',
  remediation:
    'Disable the cache:\n\n```dockerfile\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n# or\nRUN pip install --no-cache-dir -r requirements.txt\n# or\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3042')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (pc.family !== 'pip' || pc.action !== 'install') continue;
      // optparse accepts unambiguous prefixes: --no-cache is --no-cache-dir.
      if (hasOpt(pc, '--no-cache-dir', '--no-cache')) continue;
      if (envBool(df, pc, 'PIP_NO_CACHE_DIR')) continue;
      if (
        mounted(pc.ins, ...CACHE) ||
        volatileMounts(pc.ins).some((m) => PIP_MOUNT.test(m)) ||
        siblings(pc).some((c, k) => k > pc.cmdIndex && deletes(c, CACHE))
      )
        continue;
      if (
        samePkgRun(df, pc).some(
          (o) => o.family === 'pip' && o.verb === 'cache' && o.operands[0]?.word.value === 'purge',
        )
      )
        continue;
      const conf = configBefore(df, pc, PIP_CONF);
      if (conf.opaque || CONF_OFF.test(conf.text)) continue;
      found.push(finding(df, pc.ins, `pip install without --no-cache-dir: ${show(pc.cmd)}`, at(pc)));
    }
    return verdict(found, 'every pip install runs without a cache left in the layer');
  },
});
