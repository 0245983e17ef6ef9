import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { Pos, ShellCommand, ShellScript, ShellWord } from '../../facts/dockerfile.js';
import { baseName, effective, finding, operands, runCommands, verdict } from './_lib.js';

const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'xh']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'fish', 'busybox']);
const INTERPRETERS = new Set([
  ...SHELLS,
  'python',
  'python2',
  'python3',
  'perl',
  'ruby',
  'node',
  'nodejs',
  'php',
  'pwsh',
  'deno',
  'bun',
  'lua',
]);
/** Options after which an interpreter runs code given on the command line, not its stdin. */
const INLINE_CODE = /^-(c|e|E|m|p|r)$|^-[a-zA-Z]*c$|^--(command|eval|print|module)(=|$)/;
const SOURCE = new Set(['eval', 'source', '.']);
/** Verifying a download before running it: checksums and signatures. */
const VERIFIERS = new Set([
  'sha256sum',
  'sha512sum',
  'sha384sum',
  'sha1sum',
  'shasum',
  'md5sum',
  'b2sum',
  'gpg',
  'gpgv',
  'cosign',
  'minisign',
  'signify',
  'openssl',
  'rpm',
  'sigstore',
  'slsa-verifier',
]);
const stripQuotes = (s: string): string => s.replace(/["']/g, '');

/** Whether `cmd` runs a script from its stdin (`sh`, `bash -s -- -y`, `python3 -`, `sudo -E bash -`). */
function readsStdin(name: string, args: readonly ShellWord[]): boolean {
  if (!INTERPRETERS.has(name)) return false;
  if (args.some((a) => INLINE_CODE.test(a.value))) return false;
  if (name === 'busybox' && args[0]?.value !== 'sh') return false;
  const ops = operands(name === 'busybox' ? args.slice(1) : args);
  const first = ops[0]?.value;
  return first === undefined || first === '-' || first === '/dev/stdin' || args.some((a) => a.value === '-s');
}

/** Commands reached through `$(…)`/`<(…)` inside `word` (they follow the command in source order). */
function within(word: ShellWord, p: Pos): boolean {
  const lines = word.raw.split('\n');
  const endLine = word.line + lines.length - 1;
  const endCol =
    lines.length === 1 ? word.column + word.raw.length : (lines[lines.length - 1] as string).length + 1;
  if (p.line < word.line || p.line > endLine) return false;
  if (p.line === word.line && p.column < word.column) return false;
  return !(p.line === endLine && p.column > endCol);
}

function fetchesInside(script: ShellScript, from: number, word: ShellWord): ShellCommand | null {
  for (let i = from + 1; i < script.commands.length; i++) {
    const c = script.commands[i] as ShellCommand;
    if (c.via !== '$(…)') break;
    const n = effective(c).name;
    if (n !== null && FETCHERS.has(n) && within(word, c)) return c;
  }
  return null;
}

/** The file a fetcher writes (-o/-O/--output/--output-document/redirect), by base name; null for stdout. */
function downloadTarget(name: string, cmd: ShellCommand, args: readonly ShellWord[]): string | null {
  const redirect = cmd.redirects.find((r) => (r.op === '>' || r.op === '>>') && r.target);
  if (redirect?.target) return baseName(redirect.target);
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value;
    const nextV = args[i + 1]?.value;
    if (name === 'curl') {
      if ((v === '-o' || v === '--output') && nextV && nextV !== '-') return baseName(nextV);
      if (v.startsWith('--output=')) return baseName(v.slice(9));
      if (/^-[a-zA-Z]*o$/.test(v) && nextV && nextV !== '-') return baseName(nextV);
      if (/^-[a-zA-Z]*O[a-zA-Z]*$/.test(v) || v === '--remote-name') {
        const u = operands(args).find((a) => /^[a-z]+:\/\//i.test(a.value));
        if (u) return baseName(u.value.replace(/[?#].*$/, ''));
      }
    } else if (name === 'wget') {
      if ((v === '-O' || v === '--output-document') && nextV) return nextV === '-' ? null : baseName(nextV);
      if (v.startsWith('--output-document=')) return v.endsWith('=-') ? null : baseName(v.slice(18));
      if (/^-[a-zA-Z]*O$/.test(v) && nextV) return nextV === '-' ? null : baseName(nextV);
      if (/^-[a-zA-Z]*O-$|^-O-$/.test(v)) return null;
    }
  }
  if (name === 'wget') {
    const u = operands(args, ['-O', '-P', '-o', '-a', '-e', '-T', '-t', '-U']).find((a) =>
      /^[a-z]+:\/\//i.test(a.value),
    );
    if (u) return baseName(u.value.replace(/[?#].*$/, ''));
  }
  return null;
}

export default defineCheck({
  id: 'BH-DKF-025',
  slug: 'pipe-to-shell',
  title: 'Downloaded scripts are verified before they run',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Piping a download into an interpreter (`curl … | sh`, `wget -qO- … | sudo bash`, `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(curl …)"`) runs whatever the server sends on that day, as root, with no record of what it was: a compromised host, a hijacked domain or a truncated transfer becomes code in the image. Downloading to a file and running it in the same RUN is the same unless the RUN checks a checksum or signature (`sha256sum -c`, `gpg --verify`, `cosign verify-blob`). Judged on parsed commands: `python3 -c "…json…"` reading a download as data is not flagged. Equivalent: no hadolint rule; Semgrep "curl-pipe-bash"; OpenSSF Scorecard Pinned-Dependencies flags the same shapes.',
  remediation:
    'Pin and verify: `RUN curl -fsSLo /tmp/install.sh https://example.com/install-1.2.3.sh && echo "<sha256>  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh && rm /tmp/install.sh`, or install a signed package instead.',
  refs: [
    practice('P-IMG-2'),
    url('https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies'),
  ],
  evaluate: (df) => {
    const found: Outcome[] = [];
    let lastIns: unknown = null;
    let downloads = new Map<string, ShellCommand>();
    let verified = false;
    for (const { ins, script, cmd, eff } of runCommands(df)) {
      if (ins !== lastIns) {
        lastIns = ins;
        downloads = new Map();
        verified = script.commands.some((c) => {
          const n = effective(c).name;
          return n !== null && VERIFIERS.has(n);
        });
      }
      const name = eff.name;
      if (name === null) continue;
      // curl … | [tee …|] sh
      if (cmd.pipeline >= 0 && cmd.pipeIndex > 0 && readsStdin(name, eff.args)) {
        const members = script.pipelines[cmd.pipeline]?.commands ?? [];
        const fetcher = members
          .slice(0, cmd.pipeIndex)
          .map((i) => script.commands[i] as ShellCommand)
          .find((c) => {
            const n = effective(c).name;
            return n !== null && FETCHERS.has(n);
          });
        if (fetcher) {
          found.push(
            finding(
              df,
              ins,
              `download piped into ${name}: ${script.pipelines[cmd.pipeline]?.text ?? cmd.text}`,
              cmd,
            ),
          );
          continue;
        }
      }
      // sh -c "$(curl …)", eval "$(curl …)", bash <(curl …), source <(curl …)
      if (INTERPRETERS.has(name) || SOURCE.has(name)) {
        const idx = script.commands.indexOf(cmd);
        const hit = eff.args.find(
          (a) =>
            a.dynamic &&
            (a.raw.includes('$(') || a.raw.includes('<(') || a.raw.includes('`')) &&
            fetchesInside(script, idx, a),
        );
        if (hit) {
          found.push(finding(df, ins, `downloaded code run by ${name}: ${cmd.text}`, cmd));
          continue;
        }
      }
      if (FETCHERS.has(name)) {
        const file = downloadTarget(name, cmd, eff.args);
        if (file) downloads.set(file, cmd);
        continue;
      }
      if (verified || downloads.size === 0) continue;
      // curl -o x.sh … && sh x.sh / chmod +x x.sh && ./x.sh
      const runs =
        cmd.name?.includes('/') && eff.word?.value === cmd.name
          ? baseName(cmd.name)
          : INTERPRETERS.has(name)
            ? (() => {
                if (eff.args.some((a) => INLINE_CODE.test(a.value))) return null;
                const op = operands(name === 'busybox' ? eff.args.slice(1) : eff.args)[0];
                return op ? baseName(stripQuotes(op.value)) : null;
              })()
            : null;
      if (runs && downloads.has(runs))
        found.push(
          finding(df, ins, `downloaded script run without a checksum or signature check: ${cmd.text}`, cmd),
        );
    }
    return verdict(found, 'no download is run without verification');
  },
});
