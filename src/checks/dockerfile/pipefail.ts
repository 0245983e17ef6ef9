import { defineCheck, type Outcome, pass, url } from '../../core/model.js';
import type { ShellCommand, ShellScript } from '../../facts/dockerfile.js';
import { shellAt } from './_a-runtime.js';
import { finding } from './_lib.js';

/** `-o pipefail` among a SHELL's or `set`'s words (`-o pipefail`, `-euo pipefail`, `-eo pipefail`). */
function setsPipefail(words: readonly string[]): boolean {
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i] as string;
    if (/^-[a-zA-Z]*o$/.test(w) && words[i + 1] === 'pipefail') return true;
  }
  return false;
}

/** Nested scripts run by the same shell process (or a copy of it) inherit its options; `sh -c` starts afresh. */
/** Commands that cannot fail in a way pipefail would catch (`echo "$SUM  f" | sha256sum -c -`). */
const HARMLESS = new Set(['echo', 'printf', 'true', 'yes']);

const sameShell = (via: string | null): boolean => via === null || via === '$(…)' || via === 'heredoc';

function unguarded(script: ShellScript, shellPipefail: boolean): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const p of script.pipelines) {
    const firstIdx = p.commands[0];
    if (firstIdx === undefined || p.commands.length < 2) continue;
    const first = script.commands[firstIdx] as ShellCommand;
    if (shellPipefail && sameShell(first.via)) continue;
    if (p.commands.slice(0, -1).every((i) => HARMLESS.has(script.commands[i]?.name ?? ''))) continue;
    let guarded = false;
    for (let i = 0; i < firstIdx; i++) {
      const c = script.commands[i] as ShellCommand;
      if (c.name !== 'set' || !setsPipefail(c.argv.map((w) => w.value))) continue;
      if (c.via === first.via || (c.via === null && first.via === '$(…)')) guarded = true;
    }
    if (!guarded) out.push(first);
  }
  return out;
}

export default defineCheck({
  id: 'BH-DKF-017',
  slug: 'pipefail',
  title: 'Pipes in RUN fail when any command fails (pipefail)',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "A pipeline's status is its last command's: `RUN curl -fsSL https://x/install.sh | sh` or `wget -O- … | tar x` succeeds when the download fails, and the build ships an image missing what it was supposed to install. `set -o pipefail` (earlier in the same RUN) or a SHELL with `-o pipefail` makes the whole pipeline fail. Debian's and Ubuntu's /bin/sh (dash) has long lacked pipefail, so the portable fix is a bash SHELL. A pipeline whose only non-last commands are echo/printf cannot hide a failure and is not reported (hadolint does report it). A pipe inside `sh -c '…'` runs in a new shell that does not inherit SHELL's options. Pipes are read from the parsed script (`echo \"a | b\"` is not a pipe). Equivalent: hadolint DL4006.",
  remediation:
    'Set the shell once per stage, before the RUNs:\n\n```dockerfile\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n```\nOn Alpine: `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`.',
  refs: [url('https://github.com/hadolint/hadolint/wiki/DL4006')],
  evaluate: (df) => {
    const found: Outcome[] = [];
    let pipes = 0;
    for (const outer of df.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.onbuild : outer;
      if (ins?.keyword !== 'RUN' || !ins.shell || ins.shell.pipelines.length === 0) continue;
      // SHELL does not apply to the exec form (`RUN ["sh", "-c", "…"]`).
      const shell = ins.json === null ? shellAt(df, outer) : null;
      const bad = unguarded(ins.shell, shell !== null && setsPipefail(shell));
      pipes += ins.shell.pipelines.length;
      for (const c of bad) {
        const p = ins.shell.pipelines[c.pipeline];
        found.push(finding(df, outer, `pipe without pipefail: ${p?.text ?? c.text}`, c));
      }
    }
    if (found.length > 0) return found;
    return pass(pipes === 0 ? 'no pipes in RUN' : 'every pipe in RUN runs with pipefail');
  },
});
