import { defineCheck, type Outcome, pass, practice, url } from '../../core/model.js';
import type { Instruction } from '../../facts/dockerfile.js';
import { lastShipped } from './_a-runtime.js';
import { baseName, finding } from './_lib.js';

const SHELLS = /^(sh|bash|ash|dash|zsh|ksh)$/;
/** `exec` at the start of a command in a `sh -c` script (that script is not parsed for exec forms). */
const EXEC_IN_SCRIPT = /(?:^|[;&|\n(]\s*)exec\s/;

/** True when a shell-form instruction hands PID 1 over with `exec` as its last top-level command. */
function execsLast(ins: Instruction): boolean {
  const top = ins.shell?.commands.filter((c) => c.via === null) ?? [];
  const last = top[top.length - 1];
  return last !== undefined && last.name === 'exec' && last.pipeline < 0 && last.argv.length > 1;
}

/** For an exec form `["/bin/sh", "-c", "…"]`: the script, else null. */
function shellScriptOf(json: readonly string[]): string | null {
  const [prog, flag, script] = json;
  if (prog === undefined || !SHELLS.test(baseName(prog))) return null;
  if (flag === undefined || !/^-[a-z]*c[a-z]*$/.test(flag) || script === undefined) return null;
  return script;
}

function judge(ins: Instruction, role: string): string | null {
  if (ins.json === null) {
    if (execsLast(ins)) return null;
    return `shell-form ${ins.keyword}${role}: PID 1 is /bin/sh -c, signals are not forwarded: ${ins.keyword} ${ins.args}`;
  }
  const script = shellScriptOf(ins.json);
  if (script === null || EXEC_IN_SCRIPT.test(script)) return null;
  return `exec-form ${ins.keyword}${role} runs a shell as PID 1, signals are not forwarded: ${ins.keyword} ${ins.args}`;
}

export default defineCheck({
  id: 'BH-DKF-012',
  slug: 'shell-form-cmd',
  title: 'CMD and ENTRYPOINT use the exec form',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'In shell form (`CMD node server.js`) Docker runs `/bin/sh -c "…"`: the shell is PID 1, `docker stop`\'s SIGTERM does not reach the application, which is killed after the grace period without shutting down cleanly; a shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. An exec form that only wraps a shell (`["/bin/sh", "-c", "…"]`) has the same problem and is reported too. Either passes when the script hands over with `exec` (`CMD exec node server.js`). The CMD and ENTRYPOINT that count are the last ones of the final stage or its base stages. Equivalent: hadolint DL3025, Docker build check JSONArgsRecommended.',
  remediation:
    'Use the JSON form: `CMD ["node", "server.js"]` / `ENTRYPOINT ["/usr/local/bin/app"]`; if a shell is needed, end it with `exec`: `CMD ["/bin/sh", "-c", "envsubst < tpl > conf && exec nginx -g \'daemon off;\'"]`.',
  refs: [
    practice('P-CTR-2'),
    url('https://github.com/hadolint/hadolint/wiki/DL3025'),
    url('https://docs.docker.com/reference/build-checks/json-args-recommended/'),
  ],
  evaluate: (df) => {
    const ep = lastShipped(df, 'ENTRYPOINT');
    let cmd = lastShipped(df, 'CMD');
    // An ENTRYPOINT set in a later stage resets the CMD inherited from the stage it is built on.
    if (
      ep &&
      cmd &&
      cmd.stage !== ep.stage &&
      df.shippedStages.indexOf(cmd.stage) > df.shippedStages.indexOf(ep.stage)
    )
      cmd = undefined;
    const found: Outcome[] = [];
    if (ep) {
      const m = judge(ep, '');
      if (m) found.push(finding(df, ep, m));
    }
    if (cmd && !(ep && ep.json === null)) {
      const m = judge(cmd, ep ? ' (passed to the ENTRYPOINT as sh -c arguments)' : '');
      if (m) found.push(finding(df, cmd, m));
    }
    if (found.length > 0) return found;
    if (!ep && !cmd) return pass("no CMD or ENTRYPOINT in the shipped stages (the base image's apply)");
    return pass('CMD/ENTRYPOINT use the exec form');
  },
});
