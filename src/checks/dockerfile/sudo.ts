import { defineCheck, practice, url } from '../../core/model.js';
import { installed, packageIs } from './_a-packages.js';
import { baseName, finding, runCommands, verdict } from './_lib.js';

const SUDO = new Set(['sudo', 'doas']);

export default defineCheck({
  id: 'BH-DKF-006',
  slug: 'sudo',
  title: 'sudo is neither used in RUN nor installed in the image',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'RUN already runs as the stage\'s USER; sudo there means the Dockerfile switches users by a tool built for interactive logins (it needs a TTY for some policies, forwards signals poorly and leaves its configuration in the image). Installing sudo (or doas) in the shipped image hands any process that reaches the container a ready path back to root. Commands are judged by their parsed words, wrappers included (`env sudo …`, `xargs sudo …`); an argument that merely says "sudo" (`find / -name sudo`) is not a use. Equivalent: hadolint DL3004, Trivy DS010, Dockle (no sudo).',
  remediation:
    'Do the privileged steps before switching users and drop sudo:\n\n```dockerfile\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n```\nFor a user switch at run time use `gosu`/`setpriv` in the entrypoint.',
  refs: [practice('P-KER-3'), practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3004')],
  evaluate: (df) => {
    const found = [];
    for (const { ins, cmd, eff } of runCommands(df)) {
      // Wrapper words come before the program actually run; sudo among them is a use.
      const end = eff.word ? cmd.argv.indexOf(eff.word) : cmd.argv.length;
      const used = cmd.argv
        .slice(0, end < 0 ? cmd.argv.length : end)
        .find((w) => !w.dynamic && SUDO.has(baseName(w.value)));
      if (used) {
        found.push(finding(df, ins, `${baseName(used.value)} used in RUN: ${cmd.text}`, used));
        continue;
      }
      if (!df.shippedStages.includes(ins.stage)) continue;
      const pkg = installed(eff).find((w) => packageIs(w.value, 'sudo') || packageIs(w.value, 'doas'));
      if (pkg) found.push(finding(df, ins, `${pkg.value} installed in the shipped image: ${cmd.text}`, pkg));
    }
    return verdict(found, 'no sudo/doas used in RUN or installed in the shipped stages');
  },
});
