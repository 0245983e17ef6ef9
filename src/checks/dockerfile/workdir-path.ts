import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import { finding, instructionsOf, verdict } from './_lib.js';

const SYSTEM = new Set([
  '/',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/usr',
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/run',
  '/var/run',
]);
const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;
const QUOTED = /^(["'])(.*)\1$/;
/** An absolute directory bulkhead cannot name (a variable, a Windows path, after a relative WORKDIR). */
const UNKNOWN = '?';

/** POSIX join-and-normalise (`/a` + `../b` -> `/b`). */
function resolve(base: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

export default defineCheck({
  id: 'BH-DKF-014',
  slug: 'workdir-path',
  title: 'WORKDIR is absolute and not a system directory',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A relative WORKDIR is resolved against whatever directory the base image left, so the files land elsewhere when the base changes; it is accepted after an absolute WORKDIR in the same stage (or a stage it is built on). A WORKDIR that is a system directory (/, /bin, /usr/bin, /etc, /proc…) makes `COPY . .` scatter the build context over the root filesystem and lets the application overwrite system files. Equivalent: hadolint DL3000, Docker build check WorkdirRelativePath.',
  remediation: 'Use an absolute application directory: `WORKDIR /app` (or `/opt/<name>`, `/srv/<name>`).',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3000')],
  evaluate: (df) => {
    const found: Outcome[] = [];
    // The working directory each stage ends with, so `FROM build` inherits it.
    const endDir: (string | null)[] = [];
    for (const stage of df.stages) {
      let dir: string | null = stage.baseStage === null ? null : (endDir[stage.baseStage] ?? null);
      for (const ins of instructionsOf(df, stage.index, 'WORKDIR')) {
        const raw = ins.words.join(' ');
        const path = raw.replace(QUOTED, '$2');
        if (path.includes('$') || WINDOWS_ABSOLUTE.test(path)) {
          dir = UNKNOWN;
          continue;
        }
        const relative = !path.startsWith('/');
        if (relative && dir === null) {
          found.push(
            finding(df, ins, `relative WORKDIR without an earlier absolute one: WORKDIR ${ins.args}`),
          );
          dir = UNKNOWN;
          continue;
        }
        if (relative && dir === UNKNOWN) continue;
        dir = resolve(dir ?? '/', path);
        if (SYSTEM.has(dir))
          found.push(
            finding(
              df,
              ins,
              `WORKDIR is a system directory: ${dir}${dir === ins.args ? '' : ` (WORKDIR ${ins.args})`}`,
            ),
          );
      }
      endDir[stage.index] = dir;
    }
    return verdict(found, 'every WORKDIR is absolute and not a system directory');
  },
});
