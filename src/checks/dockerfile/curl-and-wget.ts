import { defineCheck, practice, url } from '../../core/model.js';
import type { Instruction, Pos, ShellCommand } from '../../facts/dockerfile.js';
import { finalChain } from './_c-context.js';
import { removedAfter, shippedPackages } from './_c-shipped.js';
import { baseName, effective, finding, verdict } from './_lib.js';

interface Seen {
  ins: Instruction;
  at: Pos;
  how: string;
}

const TOOLS = ['curl', 'wget'] as const;
const HC = /^CMD\s+(.*)$/is;

/** The program of `HEALTHCHECK [opts] CMD …` in either form (the parser leaves HEALTHCHECK's shell unparsed). */
function healthcheckProgram(args: string): string | undefined {
  const body = HC.exec(args.replace(/^(?:--\S+\s+)*/, ''))?.[1]?.trim();
  if (!body) return undefined;
  let prog: string | undefined;
  if (body.startsWith('[')) {
    try {
      const v = JSON.parse(body) as unknown;
      if (Array.isArray(v) && typeof v[0] === 'string') prog = v[0];
    } catch {
      return undefined;
    }
  } else prog = body.split(/\s+/)[0];
  return prog ? baseName(prog) : undefined;
}

export default defineCheck({
  id: 'BH-DKF-048',
  slug: 'curl-and-wget',
  title: 'The final image does not carry both curl and wget',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'curl and wget do the same job; shipping both doubles the downloader an intruder can use and the CVEs to patch. Judged on the final stage and the stages it is built FROM: both installed by a package manager, or both run by RUN/HEALTHCHECK, and not removed afterwards. hadolint DL4001.',
  remediation:
    'Pick one (and prefer neither in the runtime image):\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL4001')],
  evaluate: (df) => {
    const seen: Partial<Record<(typeof TOOLS)[number], Seen>> = {};
    const note = (tool: string, s: Seen) => {
      if ((tool === 'curl' || tool === 'wget') && !seen[tool]) seen[tool] = s;
    };
    for (const { pc, op } of shippedPackages(df))
      note(op.name, { ins: pc.ins, at: op.word, how: `${pc.tool} ${pc.verb} ${op.word.value}` });
    const chain = finalChain(df);
    for (let index = 0; index < df.instructions.length; index++) {
      const ins = df.instructions[index] as Instruction;
      if (!chain.includes(ins.stage)) continue;
      if (ins.keyword === 'HEALTHCHECK' && !ins.shell) {
        const name = healthcheckProgram(ins.args);
        if (name) note(name, { ins, at: ins, how: `HEALTHCHECK ${name}` });
      }
      if ((ins.keyword !== 'RUN' && ins.keyword !== 'HEALTHCHECK') || !ins.shell) continue;
      const cmds = ins.shell.commands;
      for (let k = 0; k < cmds.length; k++) {
        const c = cmds[k] as ShellCommand;
        const name = effective(c).name;
        if ((name === 'curl' || name === 'wget') && !removedAfter(df, name, { index, cmdIndex: k }))
          note(name, { ins, at: effective(c).word ?? c, how: `${ins.keyword} ${name}` });
      }
    }
    const { curl, wget } = seen;
    if (!curl || !wget) return verdict([], 'the final image carries at most one of curl and wget');
    const [first, second] =
      curl.at.line < wget.at.line || (curl.at.line === wget.at.line && curl.at.column < wget.at.column)
        ? [curl, wget]
        : [wget, curl];
    const where = (s: Seen) => `${s.how} at ${s.at.line}:${s.at.column}`;
    return finding(
      df,
      second.ins,
      `both curl and wget in the final image: ${where(first)} and ${where(second)}`,
      second.at,
    );
  },
});
