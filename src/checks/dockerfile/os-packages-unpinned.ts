import { defineCheck, practice, url } from '../../core/model.js';
import { at } from './_c-context.js';
import { type PkgOperand, packageCommands } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

/** A version that fixes what gets installed; a lower bound (`>=`) or an apt release (`/bookworm`) does not. */
function pinned(family: string, op: PkgOperand): boolean {
  if (op.version === null) return false;
  if (family === 'apt') return op.op === '=';
  if (family === 'rpm') return op.op === '-';
  return op.op !== '>' && op.op !== '>=';
}

const VERB: Record<string, string> = { apt: '=1.2.3-1', apk: '=1.2.3-r0', rpm: '-1.2.3', zypper: '=1.2.3' };

export default defineCheck({
  id: 'BH-DKF-042',
  slug: 'os-packages-unpinned',
  title: 'OS packages are installed with pinned versions',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "Without a version, every rebuild installs whatever the mirror serves that day: two builds of one commit differ, a broken or compromised update goes in unnoticed, and a scan of yesterday's image says nothing about today's. Pinning makes version changes reviewable commits. Words that still hold unresolved variables are not judged. hadolint DL3008 (apt-get), DL3018 (apk), DL3033/DL3041 (yum/dnf), DL3037 (zypper).",
  remediation:
    'Pin each package (and let a bot such as Renovate raise the pins):\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl=8.12.1-r0\n```',
  refs: [practice('P-IMG-5'), url('https://github.com/hadolint/hadolint/wiki/DL3008')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (pc.action !== 'install' || !(pc.family in VERB) || pc.verb === 'build-dep') continue;
      const loose = pc.operands.filter((o) => o.kind === 'name' && !pinned(pc.family, o));
      if (loose.length === 0) continue;
      const list = loose.map((o) => o.word.value).join(', ');
      found.push(
        finding(
          df,
          pc.ins,
          `${pc.tool} ${pc.verb} without versions (pin as pkg${VERB[pc.family]}): ${list}`,
          at(
            pc,
            loose.map((o) => o.word),
          ),
        ),
      );
    }
    return verdict(found, 'every OS package named in an install has a pinned version');
  },
});
