import { defineCheck, type Outcome, url } from '../../core/model.js';
import type { Instruction, ShellCommand } from '../../facts/dockerfile.js';
import { finding, verdict } from './_lib.js';

/** Scratch directories are fine to cd into for one RUN: they are not where the image's work lives. */
const TEMP = /^\/(?:var\/)?tmp(?:\/|$)/;

/**
 * The RUN's top-level commands, in order, when they can be told apart: the flat list does not record
 * subshells or loops, so a command counts as top-level only when it is written outside any (…), {…} or
 * loop, which here means the RUN text starts (or ends) with it.
 */
function topLevelCd(ins: Instruction): { cmd: ShellCommand; where: 'alone' | 'first' | 'last' } | null {
  const cmds = (ins.shell?.commands ?? []).filter((c) => c.via === null);
  if (ins.json !== null || cmds.length === 0) return null;
  const first = cmds[0] as ShellCommand;
  const last = cmds[cmds.length - 1] as ShellCommand;
  const args = ins.args;
  const isCd = (c: ShellCommand): boolean => c.name === 'cd' && c.pipeline < 0 && c.argv.length >= 1;
  if (cmds.length === 1 && isCd(first) && args === first.text) return { cmd: first, where: 'alone' };
  if (isCd(first) && args.startsWith(first.text) && /^\s*&&/.test(args.slice(first.text.length)))
    return { cmd: first, where: 'first' };
  if (
    cmds.length > 1 &&
    isCd(last) &&
    args.endsWith(last.text) &&
    /&&\s*$|;\s*$/.test(args.slice(0, -last.text.length))
  )
    return { cmd: last, where: 'last' };
  return null;
}

export default defineCheck({
  id: 'BH-DKF-015',
  slug: 'run-cd',
  title: 'WORKDIR, not RUN cd, changes directory',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Each RUN starts in the WORKDIR, so a `cd` alone or at the end of a RUN has no effect, and a RUN that begins with `cd dir && …` hides where the following commands work; WORKDIR states it once and applies to later RUN, COPY, CMD. Only top-level `cd` is judged (by the parsed commands, not the text): `(cd sub && make)`, a `cd` inside a loop, into /tmp or to a directory known only at build time are left alone. Equivalent: hadolint DL3003.',
  remediation: 'Replace `RUN cd /src && make` with:\n\n```dockerfile\nWORKDIR /src\nRUN make\n```',
  refs: [url('https://github.com/hadolint/hadolint/wiki/DL3003')],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const ins of df.instructions) {
      const run = ins.keyword === 'ONBUILD' ? ins.onbuild : ins;
      if (run?.keyword !== 'RUN') continue;
      const hit = topLevelCd(run);
      if (!hit) continue;
      const target = hit.cmd.argv[1];
      if (target && (target.dynamic || target.value === '-' || TEMP.test(target.value))) continue;
      const dir = target?.value ?? '~';
      const msg =
        hit.where === 'first'
          ? `RUN starts with cd, use WORKDIR ${dir}: ${hit.cmd.text}`
          : `cd ${hit.where === 'alone' ? 'alone in a RUN' : 'at the end of a RUN'} has no effect on later instructions, use WORKDIR ${dir}: ${hit.cmd.text}`;
      found.push(finding(df, ins, msg, hit.cmd));
    }
    return verdict(found, 'no RUN uses cd where WORKDIR belongs');
  },
});
