import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { ShellCommand, ShellScript, ShellWord } from '../../facts/dockerfile.js';
import { argNames } from './_a-runtime.js';
import { effective, finding, operands, optionValues, runCommands, verdict } from './_lib.js';

const FEEDERS = new Set(['echo', 'printf', 'yes']);
/** Placeholders useradd/usermod accept for "no password" / "locked". */
const NO_PASSWORD = new Set(['', '*', '!', '!!', 'x']);
const GENERATED = /\$\(|`/;
const VAR_NAMES = /\$\{?(\w+)/g;
const HEREDOC = new Set(['<<', '<<-']);

type Source = { kind: 'literal' } | { kind: 'build arg'; name: string } | { kind: 'generated' };

/**
 * Where a word's value comes from: written in the Dockerfile (or a known ARG/ENV default), a build arg
 * (kept in the image history), or something computed at build time (`$(openssl rand …)`, a secret mount).
 */
function sourceOf(words: readonly ShellWord[], args: ReadonlySet<string>): Source | null {
  let arg: string | null = null;
  for (const w of words) {
    if (!w.dynamic) continue;
    if (GENERATED.test(w.raw)) return { kind: 'generated' };
    for (const m of w.raw.matchAll(VAR_NAMES)) {
      const name = m[1] as string;
      if (!args.has(name)) return { kind: 'generated' };
      arg ??= name;
    }
  }
  if (words.length === 0) return null;
  return arg === null ? { kind: 'literal' } : { kind: 'build arg', name: arg };
}

const describe = (s: Source): string =>
  s.kind === 'build arg'
    ? `from build arg ${s.name} (kept in the image history)`
    : 'written in the Dockerfile';

/** The echo/printf/yes right before this command in its pipeline, and the words it prints. */
function feeder(script: ShellScript, cmd: ShellCommand): ShellWord[] | null {
  if (cmd.pipeline < 0 || cmd.pipeIndex === 0) return null;
  const prevIdx = script.pipelines[cmd.pipeline]?.commands[cmd.pipeIndex - 1];
  const prev = prevIdx === undefined ? undefined : script.commands[prevIdx];
  if (!prev) return null;
  const eff = effective(prev);
  if (eff.name === null || !FEEDERS.has(eff.name)) return null;
  return eff.args.filter((a) => !/^-[neE]+$/.test(a.value));
}

export default defineCheck({
  id: 'BH-DKF-007',
  slug: 'password-in-run',
  title: 'No password is set from the Dockerfile',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A password written in a RUN (`echo root:pw | chpasswd`, `useradd -p …`, `passwd --stdin`, `openssl passwd pw`) or passed as a build arg is stored in the image history (`docker history --no-trunc`) and in /etc/shadow of every copy of the image, and the same password opens every container built from it. A password computed at build time (`$(openssl rand …)`, `$(cat /run/secrets/…)`) is not flagged. Equivalent: CIS Docker 4.10, Trivy secret scanning, KICS "Passwords And Secrets", Checkov CKV_SECRET_*.',
  remediation:
    'Do not bake passwords into images: leave accounts locked (`useradd --no-log-init app`), authenticate with keys or tokens provided at run time, or, if a build step truly needs one, read it from a BuildKit secret: `RUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd`.',
  refs: [cis('4.10'), practice('P-IMG-5'), url('https://docs.docker.com/build/building/secrets/')],
  evaluate: (df) => {
    const args = argNames(df);
    const found: Outcome[] = [];
    for (const { ins, script, cmd, eff } of runCommands(df)) {
      const name = eff.name;
      if (name === 'chpasswd' || name === 'passwd') {
        if (
          name === 'passwd' &&
          eff.args.some(
            (a) => a.value === '-d' || a.value === '-l' || a.value === '--delete' || a.value === '--lock',
          )
        )
          continue;
        const fed = feeder(script, cmd);
        const src = fed ? sourceOf(fed, args) : null;
        if (src && src.kind !== 'generated') {
          const pipe = script.pipelines[cmd.pipeline]?.text ?? cmd.text;
          found.push(finding(df, ins, `password piped into ${name}, ${describe(src)}: ${pipe}`, cmd));
          continue;
        }
        const redirect = cmd.redirects.find((r) => r.op === '<<<' || HEREDOC.has(r.op));
        if (redirect?.op === '<<<' && redirect.target !== null) {
          found.push(finding(df, ins, `password given to ${name} in a here-string: ${cmd.text}`, cmd));
        } else if (redirect && HEREDOC.has(redirect.op)) {
          const body = ins.heredocs.map((h) => h.content).join('\n');
          if (!GENERATED.test(body))
            found.push(finding(df, ins, `password given to ${name} in a heredoc: ${cmd.text}`, cmd));
        }
        continue;
      }
      if (name === 'useradd' || name === 'usermod' || name === 'adduser') {
        const idx = eff.args.findIndex(
          (a) => a.value === '-p' || a.value === '--password' || a.value.startsWith('--password='),
        );
        if (idx < 0) continue;
        const values = optionValues(eff.args.slice(idx), { short: ['p'], long: ['password'] });
        const value = values[0];
        if (value === undefined || NO_PASSWORD.has(value)) continue;
        const word = eff.args[idx + (eff.args[idx]?.value.includes('=') ? 0 : 1)];
        const src = word ? sourceOf([word], args) : null;
        // `-p "$(openssl passwd …)"` is judged at the openssl command below.
        if (!src || src.kind === 'generated') continue;
        found.push(
          finding(df, ins, `password hash set with ${name} -p, ${describe(src)}: ${cmd.text}`, word ?? cmd),
        );
        continue;
      }
      if (name === 'openssl' && eff.args[0]?.value === 'passwd') {
        const rest = eff.args.slice(1);
        if (rest.some((a) => a.value === '-stdin' || a.value === '-in')) continue;
        const pw = operands(rest, ['-salt']);
        const src = sourceOf(pw, args);
        if (src && src.kind !== 'generated')
          found.push(finding(df, ins, `password hashed in RUN, ${describe(src)}: ${cmd.text}`, cmd));
      }
    }
    return verdict(found, 'no password is set from the Dockerfile');
  },
});
