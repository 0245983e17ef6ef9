import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { Instruction, Pos, ShellCommand, ShellWord } from '../../facts/dockerfile.js';
import {
  credentialFile,
  declaredVars,
  describeSource,
  isSecretName,
  isSecretValue,
  maskedText,
  mountsOf,
  optionWords,
  type Source,
  sourceOf,
  unquote,
  urlSecret,
} from './_b-secrets.js';
import { type Effective, finding, operands, runCommands, verdict } from './_lib.js';

/** `key=value` / `key: value` inside text written to a config file (.npmrc, .pypirc, pip.conf, .yarnrc…). */
const KEYED =
  /(?:^|[\s/:;,{"'])(_authToken|_auth|_password|npmAuthToken|npmAuthIdent|password|passwd|token|secret|api[_-]?key)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s"',;}]+)/i;
/** `.netrc`: `machine h login u password p`. */
const NETRC = /\bpassword\s+(\S+)/;
const WRITERS = new Set(['echo', 'printf']);
const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl', 'crane', 'oras']);
const MYSQL = new Set([
  'mysql',
  'mysqldump',
  'mysqladmin',
  'mariadb',
  'mariadb-dump',
  'mysqlimport',
  'mysqlsh',
]);
const PKG_CONFIG = new Set(['npm', 'pnpm', 'yarn']);
const NPM_SECRET_KEY = /(_authToken|_auth|_password|npmAuthToken|npmAuthIdent)$/;
const AWS_SECRET_KEY = /(^|\.)(aws_secret_access_key|aws_session_token)$/;
const EXPORTS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const AUTH_HEADER =
  /^\s*(authorization|proxy-authorization|private-token|x-api-key|api-key|x-auth-token|x-vault-token)\s*:\s*(?:(?:bearer|token|basic)\s+)?(.+)$/i;

interface Hit {
  what: string;
  /** The secret as written (a literal or `$VAR`). */
  raw: string;
  at: Pos;
}

const writeTargets = (cmd: ShellCommand, next: ShellCommand | undefined): string[] => {
  const out: string[] = [];
  for (const r of cmd.redirects)
    if ((r.op === '>' || r.op === '>>' || r.op === '>|') && r.target) out.push(r.target);
  if (next && next.name !== null && /(^|\/)tee$/.test(next.name))
    for (const w of operands(next.argv.slice(1))) out.push(w.value);
  return out;
};

/** A credential inside text written to a file: `_authToken=…`, `password …`, a whole .pgpass line. */
function inWrittenText(words: readonly ShellWord[], file: string | null): Hit | null {
  for (const w of words) {
    const raw = w.raw;
    const k = KEYED.exec(raw);
    if (k) return { what: `${k[1]} written to ${file ?? 'a file'}`, raw: k[2] as string, at: w };
    const n = NETRC.exec(raw);
    if (n && file !== null && /netrc$/.test(file))
      return { what: `password written to ${file}`, raw: n[1] as string, at: w };
    if (file !== null && /\.pgpass$/.test(file)) {
      const parts = unquote(raw).split(':');
      if (parts.length >= 5)
        return { what: `password written to ${file}`, raw: parts.slice(4).join(':'), at: w };
    }
  }
  return null;
}

function detect(cmd: ShellCommand, eff: Effective, next: ShellCommand | undefined, ins: Instruction): Hit[] {
  const name = eff.name;
  const args = eff.args;
  const hits: Hit[] = [];
  // Credentials in URLs: git clone https://u:tok@…, pip install https://…, git config url.….insteadOf.
  for (const w of args) {
    const u = urlSecret(unquote(w.raw));
    if (u) hits.push({ what: 'credential in a URL', raw: u.secret, at: w });
  }
  for (const a of cmd.assigns)
    if (isSecretName(a.name) && isSecretValue(a.value))
      hits.push({ what: `${a.name} set for the command`, raw: a.value, at: a });
  if (name === null) return hits;
  if (EXPORTS.has(name))
    for (const w of args) {
      const eq = w.value.indexOf('=');
      if (eq > 0 && isSecretName(w.value.slice(0, eq)) && isSecretValue(w.value.slice(eq + 1)))
        hits.push({
          what: `${name} ${w.value.slice(0, eq)}`,
          raw: unquote(w.raw).slice(unquote(w.raw).indexOf('=') + 1),
          at: w,
        });
    }
  if (WRITERS.has(name) || name === 'cat') {
    const targets = writeTargets(cmd, next);
    if (targets.length > 0) {
      const file = targets.find((t) => credentialFile(t) !== null) ?? targets[0] ?? null;
      const heredoc = cmd.redirects.some((r) => r.op === '<<' || r.op === '<<-')
        ? ins.heredocs.map((h) => h.content).join('\n')
        : null;
      const words =
        name === 'cat' && heredoc !== null
          ? [{ raw: heredoc, value: heredoc, dynamic: false, line: cmd.line, column: cmd.column }]
          : args;
      const h = inWrittenText(words, file);
      if (h) hits.push(h);
    }
  }
  const sub = args[0]?.value;
  if (LOGIN_TOOLS.has(name) && (sub === 'login' || (sub === 'registry' && args[1]?.value === 'login'))) {
    for (const o of optionWords(args, ['p'], ['password']))
      hits.push({ what: `${name} login password`, raw: o.raw, at: o.word });
  }
  if (name === 'helm' && sub === 'registry' && args[1]?.value === 'login')
    for (const o of optionWords(args, ['p'], ['password']))
      hits.push({ what: 'helm registry login password', raw: o.raw, at: o.word });
  if (name === 'curl') {
    for (const o of optionWords(args, ['u', 'U'], ['user', 'proxy-user'])) {
      const colon = o.raw.indexOf(':');
      if (colon >= 0 && colon < o.raw.length - 1)
        hits.push({ what: 'curl user:password', raw: o.raw.slice(colon + 1), at: o.word });
    }
    for (const o of optionWords(args, ['H'], ['header'])) {
      const m = AUTH_HEADER.exec(unquote(o.raw));
      if (m) hits.push({ what: `curl ${m[1]} header`, raw: m[2] as string, at: o.word });
    }
  }
  if (name === 'wget') {
    for (const o of optionWords(args, [], ['password', 'http-password', 'ftp-password', 'proxy-password']))
      hits.push({ what: 'wget password', raw: o.raw, at: o.word });
    for (const o of optionWords(args, [], ['header'])) {
      const m = AUTH_HEADER.exec(unquote(o.raw));
      if (m) hits.push({ what: `wget ${m[1]} header`, raw: m[2] as string, at: o.word });
    }
  }
  if (
    name === 'aws' &&
    sub === 'configure' &&
    args[1]?.value === 'set' &&
    AWS_SECRET_KEY.test(args[2]?.value ?? '')
  ) {
    const v = args[3];
    if (v) hits.push({ what: `aws configure set ${args[2]?.value}`, raw: v.raw, at: v });
  }
  if (PKG_CONFIG.has(name)) {
    const i = sub === 'config' && args[1]?.value === 'set' ? 2 : sub === 'set' ? 1 : -1;
    const key = i > 0 ? args[i] : undefined;
    if (key) {
      const eq = key.value.indexOf('=');
      const k = eq < 0 ? key.value : key.value.slice(0, eq);
      if (NPM_SECRET_KEY.test(k)) {
        const raw = eq < 0 ? args[i + 1]?.raw : unquote(key.raw).slice(unquote(key.raw).indexOf('=') + 1);
        if (raw !== undefined) hits.push({ what: `${name} config ${k}`, raw, at: key });
      }
    }
  }
  if (MYSQL.has(name))
    for (const o of optionWords(args, ['p'], ['password'], ['p']))
      hits.push({ what: `${name} password`, raw: o.raw, at: o.word });
  if (name === 'sshpass')
    for (const o of optionWords(args, ['p'], [])) hits.push({ what: 'sshpass -p', raw: o.raw, at: o.word });
  if (name === 'htpasswd' && args.some((a) => /^-[a-zA-Z]*b/.test(a.value))) {
    const ops = operands(args);
    const pw = ops[ops.length - 1];
    if (pw && ops.length >= 2) hits.push({ what: 'htpasswd -b password', raw: pw.raw, at: pw });
  }
  return hits;
}

export default defineCheck({
  id: 'BH-DKF-021',
  slug: 'credential-in-run',
  title: 'RUN does not handle credentials from the Dockerfile or build args',
  severity: 'critical',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A credential a RUN uses is leaked when it is written in the Dockerfile or comes from an ARG/ENV: the RUN line and the build args it saw are stored in the image history (`docker history --no-trunc`), and a file it writes (.npmrc, .pypirc, .netrc, .pgpass, .git-credentials, ~/.docker/config.json, ~/.aws/credentials) stays in the layer even if a later RUN deletes it. Flagged, judged by the parsed command: credentials written into config files (`echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc`, heredocs too), `docker login -p`, `curl -u user:pass` and Authorization headers, `wget --password=`, `aws configure set aws_secret_access_key`, `npm/yarn config set …_authToken`, `mysql -pPASS`, `sshpass -p`, `htpasswd -b`, URLs with user:token@ (`git clone`, `pip install`, `git config url.….insteadOf`), and secret-named variables assigned or exported with a literal value. Not flagged: values read from a BuildKit secret mount (`$(cat /run/secrets/…)`, `--mount=type=secret,env=NAME`) or computed in the RUN. Equivalent: CIS Docker 4.10, Docker build check SecretsUsedInArgOrEnv (for the ARG half), Trivy secret scanning, KICS "Passwords And Secrets".',
  remediation:
    'Mount the secret for the one RUN that needs it and do not write it into the image: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` (built with `docker build --secret id=npmrc,src=$HOME/.npmrc .`), or `RUN --mount=type=secret,id=gh,env=GH_TOKEN git clone https://x-access-token:$GH_TOKEN@github.com/org/repo` for tools that read the environment.',
  refs: [cis('4.10'), practice('P-IMG-5'), url('https://docs.docker.com/build/building/secrets/')],
  evaluate: (df) => {
    const declared = declaredVars(df);
    const found: Outcome[] = [];
    const secretEnvs = new Map<Instruction, Set<string>>();
    for (const { ins, script, cmd, eff } of runCommands(df)) {
      let fromSecrets = secretEnvs.get(ins);
      if (!fromSecrets) {
        fromSecrets = new Set(mountsOf(ins).flatMap((m) => (m.type === 'secret' && m.env ? [m.env] : [])));
        secretEnvs.set(ins, fromSecrets);
      }
      const nextIdx =
        cmd.pipeline >= 0 ? script.pipelines[cmd.pipeline]?.commands[cmd.pipeIndex + 1] : undefined;
      const next = nextIdx === undefined ? undefined : script.commands[nextIdx];
      for (const h of detect(cmd, eff, next, ins)) {
        const src: Source | null = sourceOf(h.raw, declared, fromSecrets);
        if (!src || src.kind === 'runtime') continue;
        const secret = unquote(h.raw);
        found.push(
          finding(
            df,
            ins,
            `${h.what}, ${describeSource(src)}: ${maskedText(cmd, src.kind === 'literal' ? [secret] : [])}`,
            h.at,
          ),
        );
        break;
      }
    }
    return verdict(found, 'no RUN handles a credential written in the Dockerfile or passed as a build arg');
  },
});
