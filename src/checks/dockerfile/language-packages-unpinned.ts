import { defineCheck, practice, url } from '../../core/model.js';
import { at } from './_c-context.js';
import { hasOpt, type PkgCommand, type PkgOperand, packageCommands } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const DIST_TAG = /^[A-Za-z][\w.-]*$/;
const GO_VERSION = /^(?:v\d|[0-9a-f]{7,40}$)/;

/** pip: `==`, `===`, `~=` or an upper bound (`>=1,<2`); a bare name or a lower bound alone is loose. */
const pipPinned = (o: PkgOperand) =>
  o.version !== null &&
  (o.op === '==' || o.op === '===' || o.op === '~=' || o.op === '@' || o.version.includes('<'));

/** npm: a version or range; dist-tags (`latest`, `next`), `*` and lower bounds alone move. */
function nodePinned(o: PkgOperand): boolean {
  const v = o.version;
  if (v === null || v === '' || v === '*' || v === 'x') return false;
  if (DIST_TAG.test(v) && !/^v\d/.test(v)) return false;
  return !(v.startsWith('>') && !v.includes('<'));
}

function loose(pc: PkgCommand): PkgOperand[] {
  const named = pc.operands.filter((o) => o.kind === 'name');
  switch (pc.family) {
    case 'pip':
      // A constraints file or hash-checking mode pins what the names resolve to.
      if (hasOpt(pc, '-c', '--constraint', '--require-hashes')) return [];
      return named.filter((o) => !pipPinned(o));
    case 'node':
      return named.filter((o) => !nodePinned(o));
    case 'gem':
      if (hasOpt(pc, '-v', '--version')) return [];
      return named.filter((o) => o.version === null || o.version === '');
    case 'go':
      // `go install pkg` without @ resolves through the main module's go.mod; `go get pkg` does not.
      return named.filter((o) => (o.version === null ? pc.verb === 'get' : !GO_VERSION.test(o.version)));
    default:
      return [];
  }
}

export default defineCheck({
  id: 'BH-DKF-043',
  slug: 'language-packages-unpinned',
  title: 'Language packages are installed with pinned versions',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'pip, npm, gem and go install the newest release when no version is given, so every rebuild may pull a different (or a freshly hijacked) package. Installs from a lockfile or requirements file (`npm ci`, bare `npm install`, `pip install -r`, `pip install -c constraints.txt`) are pinned there and pass. hadolint DL3013 (pip), DL3016 (npm), DL3028 (gem).',
  remediation:
    'Pin each package, or install from a lockfile:\n\n```dockerfile\nRUN pip install --no-cache-dir requests==2.32.3\nRUN npm ci\nRUN gem install bundler -v 2.5.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n```',
  refs: [practice('P-IMG-5'), url('https://github.com/hadolint/hadolint/wiki/DL3013')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (pc.action !== 'install') continue;
      const bad = loose(pc);
      if (bad.length === 0) continue;
      const list = bad.map((o) => o.word.value).join(', ');
      found.push(
        finding(
          df,
          pc.ins,
          `${pc.tool} ${pc.verb ?? 'install'} without pinned versions: ${list}`,
          at(
            pc,
            bad.map((o) => o.word),
          ),
        ),
      );
    }
    return verdict(found, 'every language package named in an install has a pinned version');
  },
});
