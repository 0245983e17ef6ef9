// Shared by group b's secret rules: what a secret looks like (by name and by value), where a value comes
// from (written in the file, a build arg, or computed at build time), credential files, and paths.
import type { DockerfileFacts, Instruction, ShellCommand, ShellWord } from '../../facts/dockerfile.js';

// ---------------------------------------------------------------------------------------------------------
// ARG / ENV / LABEL key-value pairs

export interface KeyValue {
  name: string;
  /** The value as written, quotes removed but `$VAR` kept; null for `ARG NAME` without a default. */
  value: string | null;
}

/** Splits `a=b c="d e"` (and legacy `ENV k v w`) into pairs with quotes removed, `$` references kept. */
export function keyValues(ins: Instruction, esc: string): KeyValue[] {
  const args = ins.args;
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let inWord = false;
  for (let i = 0; i < args.length; i++) {
    const ch = args[i] as string;
    if (quote) {
      if (ch === esc && quote === '"' && i + 1 < args.length && args[i + 1] !== '$') cur += args[++i];
      else if (ch === quote) quote = null;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === esc && i + 1 < args.length && args[i + 1] !== '$') {
      cur += args[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  const first = words[0];
  if (ins.keyword !== 'ARG' && first !== undefined && !first.includes('=') && words.length >= 2)
    return [{ name: first, value: words.slice(1).join(' ') }];
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { name: w, value: null } : { name: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

/** The instruction itself, or an ONBUILD's trigger (judged as part of the stage that declares it). */
export const target = (ins: Instruction): Instruction => ins.onbuild ?? ins;

// ---------------------------------------------------------------------------------------------------------
// Secrets by name and by value

const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|(^|_)PASS$|_PWD$|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?$|AUTH_?KEY|_AUTH$|^AUTH$|CLIENT_SECRET)/i;
/** *_FILE variables point at a mounted secret (the official images' convention): that is the fix. */
const POINTER = /_(FILE|PATH|DIR|LOCATION)$/i;
/** Settings about a secret, not the secret: PASSWORD_MIN_LENGTH, TOKEN_TTL, AWS_ACCESS_KEY_ID… */
const ABOUT_A_SECRET =
  /_(LENGTH|LEN|MIN|MAX|POLICY|ENABLED|DISABLED|REQUIRED|EXPIRY|EXPIRES|EXPIRATION|TTL|TIMEOUT|URL|URI|ENDPOINT|HEADER|TYPE|ALGORITHM|ALG|ROTATION|ID|NAME|USER|USERNAME|HOST|PORT|PREFIX|ENV|VAR|MODE|SIZE|COUNT|RETRIES)$/i;
const NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|none|null|nil|undefined|\d{1,3})$/i;
const SECRET_MOUNT_PATH = /^\/run\/secrets\//;

export const isSecretName = (name: string): boolean =>
  SECRET_NAME.test(name) && !POINTER.test(name) && !ABOUT_A_SECRET.test(name);

/** A value under a secret name that is a real value: not empty, not a switch, not a path to a secret mount. */
export const isSecretValue = (value: string): boolean => {
  const v = value.trim();
  return v !== '' && !NOT_A_SECRET_VALUE.test(v) && !SECRET_MOUNT_PATH.test(v);
};

/** Values that are secrets whatever the variable is called (vendor token formats, key headers). */
const VALUE_PATTERNS: readonly [RegExp, string][] = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, 'a private key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JSON web token'],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, 'a Stripe live key'],
  [/\bAIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, 'a SendGrid key'],
];

/** `scheme://user:password@` (or `scheme://token@` for a token-shaped user) in a URL. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^/\s@]+)@/i;

export interface ValueSecret {
  what: string;
  /** The secret part of the value (what gets masked). */
  secret: string;
}

/** The userinfo's secret part of a URL (`pass` in user:pass@, a bare token user), or null. */
export function urlSecret(s: string): { user: string; secret: string } | null {
  const m = URL_USERINFO.exec(s);
  if (!m) return null;
  const info = m[2] as string;
  const colon = info.indexOf(':');
  if (colon >= 0) {
    const secret = info.slice(colon + 1);
    return secret === '' ? null : { user: info.slice(0, colon), secret };
  }
  // `https://$GITHUB_TOKEN@github.com`, `https://ghp_…@github.com`: the user is the token.
  if (/^\$\{?\w*(TOKEN|SECRET|PASS|KEY|PAT)/i.test(info) || VALUE_PATTERNS.some(([re]) => re.test(info)))
    return { user: '', secret: info };
  return null;
}

/** A secret recognised by its shape anywhere in a value, or null. */
export function valueSecret(value: string): ValueSecret | null {
  for (const [re, what] of VALUE_PATTERNS) {
    const m = re.exec(value);
    if (m) return { what, secret: m[0] };
  }
  const u = urlSecret(value);
  if (u && !u.secret.includes('$')) return { what: 'a URL with an embedded password', secret: u.secret };
  return null;
}

/** Never print a secret: short ones not at all, long ones by their first 4 characters. */
export const mask = (secret: string): string => (secret.length >= 8 ? `${secret.slice(0, 4)}***` : '***');

// ---------------------------------------------------------------------------------------------------------
// Where a value comes from

export type Source =
  | { kind: 'literal' }
  | { kind: 'build arg' | 'env'; name: string }
  /** Computed in the RUN ($(…), a variable the RUN sets, a secret mount): not a leak by itself. */
  | { kind: 'runtime' };

const GENERATED = /\$\(|`/;
const VAR_REF = /\$\{?(\w+)/g;

/** Names an ARG or ENV declares anywhere in the file, with the kind that declared it first. */
export function declaredVars(df: DockerfileFacts): Map<string, 'build arg' | 'env'> {
  const out = new Map<string, 'build arg' | 'env'>();
  for (const i of df.instructions) {
    const t = target(i);
    if (t.keyword !== 'ARG' && t.keyword !== 'ENV') continue;
    for (const kv of keyValues(t, df.escape))
      if (!out.has(kv.name)) out.set(kv.name, t.keyword === 'ARG' ? 'build arg' : 'env');
  }
  return out;
}

/** Where a raw (as written) value comes from; null when it is empty. */
export function sourceOf(
  raw: string,
  declared: ReadonlyMap<string, 'build arg' | 'env'>,
  fromSecrets: ReadonlySet<string> = NONE,
): Source | null {
  const v = raw.replace(/^["']|["']$/g, '');
  if (v === '') return null;
  if (GENERATED.test(v)) return { kind: 'runtime' };
  let found: Source | null = null;
  for (const m of v.matchAll(VAR_REF)) {
    const name = m[1] as string;
    const kind = declared.get(name);
    if (kind === undefined || fromSecrets.has(name)) return { kind: 'runtime' };
    found ??= { kind, name };
  }
  return found ?? { kind: 'literal' };
}

const NONE: ReadonlySet<string> = new Set();

export const describeSource = (s: Source): string =>
  s.kind === 'build arg'
    ? `from build arg ${s.name} (kept in the image history)`
    : s.kind === 'env'
      ? `from ENV ${s.name}`
      : 'written in the Dockerfile';

// ---------------------------------------------------------------------------------------------------------
// RUN --mount flags

export interface Mount {
  type: string;
  id: string | null;
  target: string | null;
  env: string | null;
  from: string | null;
}

/** The `--mount=` flags of a RUN, parsed (`type=secret,id=npm,target=/root/.npmrc`). */
export function mountsOf(ins: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const m: Mount = { type: 'bind', id: null, target: null, env: null, from: null };
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const v = eq < 0 ? '' : part.slice(eq + 1).trim();
      if (k === 'type') m.type = v.toLowerCase();
      else if (k === 'id') m.id = v;
      else if (k === 'target' || k === 'dst' || k === 'destination') m.target = v;
      else if (k === 'env') m.env = v;
      else if (k === 'from') m.from = v;
    }
    if (m.type === 'secret' && m.target === null && m.env === null && m.id) m.target = `/run/secrets/${m.id}`;
    out.push(m);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Credential files

const CREDENTIAL_NAMES = new Set([
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'id_ecdsa_sk',
  'id_ed25519_sk',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.pgpass',
  '.my.cnf',
  '.dockercfg',
  'kubeconfig',
  'credentials.json',
  'client_secret.json',
  'terraform.tfstate',
  'terraform.tfstate.backup',
  '.htpasswd',
  '.vault-token',
  '.s3cfg',
  '.boto',
  '.ssh',
  '.aws',
  '.gnupg',
]);
/** Paths whose last two parts name a credential store. */
const CREDENTIAL_SUFFIXES = [
  '.aws/credentials',
  '.docker/config.json',
  '.kube/config',
  '.azure/accesstokens.json',
];
const KEY_EXT = /\.(key|p12|pfx|kdbx|jks|keystore|ppk|pem)$/i;
/** Public material that shares the key extensions: CA bundles, certificates, signing keys for apt/yum. */
const PUBLIC_KEY_NAME =
  /(cert|crt|\bca\b|^ca[-_.]|cacert|chain|bundle|pub|public|root|trust|gpg|apt|repo|sign|release|archive|keyring)/i;
const DOTENV = /^\.env(\.[\w-]+)?$/;
const DOTENV_SAMPLE = /\.(example|sample|template|dist|defaults?|tpl|tmpl)$/i;
const SERVICE_ACCOUNT = /^service[-_]?account.*\.json$/i;
const GLOB = /[*?[]/;

const lastPart = (p: string): string => {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
};

/** Why a path names a credential file (`a private key`, `.npmrc`), or null. Globs match by their shape. */
export function credentialFile(path: string): string | null {
  const name = lastPart(path);
  if (name === '' || name === '.' || name === '..') return null;
  const lower = name.toLowerCase();
  if (CREDENTIAL_NAMES.has(lower)) return name;
  for (const s of CREDENTIAL_SUFFIXES) if (path.toLowerCase().replace(/\/+$/, '').endsWith(s)) return s;
  if (DOTENV.test(name) && !DOTENV_SAMPLE.test(name)) return `${name} (environment file)`;
  if (SERVICE_ACCOUNT.test(name)) return `${name} (service account key)`;
  if (/^id_(rsa|dsa|ecdsa|ed25519)\*?$/.test(lower)) return name;
  const ext = KEY_EXT.exec(name);
  if (ext && !PUBLIC_KEY_NAME.test(name.slice(0, -ext[0].length))) return `${name} (key file)`;
  // `COPY *.pem` copies whatever keys sit in the context; `*.key` is the same.
  if (GLOB.test(name) && ext) return `${name} (key file)`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Paths

/** Normalises `a/./b/../c` and joins a relative path to a directory. */
export function resolvePath(dir: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${dir.replace(/\/+$/, '')}/${p}`;
  const parts: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Whether a COPY source path (possibly a directory or a glob on the last part) includes `file`. */
export function covers(src: string, file: string): boolean {
  if (src === '/' || src === file) return true;
  if (file.startsWith(`${src}/`)) return true;
  if (!GLOB.test(src)) return false;
  const re = new RegExp(
    `^${src
      .split('')
      .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}(/.*)?$`,
  );
  return re.test(file);
}

/** The WORKDIR in effect at each instruction of a stage (inherited from a base stage), default `/`. */
export function workdirs(df: DockerfileFacts): Map<Instruction, string> {
  const out = new Map<Instruction, string>();
  const end = new Map<number, string>();
  for (const s of df.stages) {
    let dir = s.baseStage !== null ? (end.get(s.baseStage) ?? '/') : '/';
    for (const i of s.instructions) {
      const ins = df.instructions[i] as Instruction;
      if (ins.keyword === 'WORKDIR' && ins.words.length > 0) dir = resolvePath(dir, ins.words.join(' '));
      out.set(ins, dir);
    }
    end.set(s.index, dir);
  }
  return out;
}

/** `~/x` and `$HOME/x` as root's home, the usual case in a build. */
export const homePath = (p: string): string => p.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root');

/** The sources and destination of a COPY/ADD (exec or shell form), heredoc sources left out. */
export function copyPaths(ins: Instruction): { sources: string[]; dest: string } | null {
  const words = ins.json ?? ins.words;
  if (words.length < 2) return null;
  const dest = words[words.length - 1] as string;
  const sources = words.slice(0, -1).filter((w) => !w.startsWith('<<'));
  return { sources, dest };
}

/** The value of a flag such as `--from`, or undefined. */
export const flagValue = (ins: Instruction, name: string): string | null | undefined =>
  ins.flags.find((f) => f.name === name)?.value;

/** Text of a command for messages, with a secret replaced by its mask. */
export const maskedText = (cmd: ShellCommand, secrets: readonly string[]): string => {
  let t = cmd.text.replace(/\s*\\\n\s*/g, ' ');
  for (const s of secrets) if (s.length > 0) t = t.split(s).join(mask(s));
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
};

/** A value given to an option (`--name=v`, `--name v`, `-xv`, `-x v`) with its raw text as written. */
export interface OptionWord {
  word: ShellWord;
  /** The value as written (quotes and `$VAR` kept). */
  raw: string;
  value: string;
}

/** Like optionValues, but keeps the words (for positions and for telling literals from `$VAR`). */
export function optionWords(
  args: readonly ShellWord[],
  short: readonly string[],
  long: readonly string[],
  attachedOnly: readonly string[] = [],
): OptionWord[] {
  const out: OptionWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    const v = w.value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (!long.includes(name)) continue;
      if (eq >= 0) out.push({ word: w, raw: afterEq(w.raw), value: v.slice(eq + 1) });
      else if (args[i + 1]) {
        const n = args[++i] as ShellWord;
        out.push({ word: n, raw: n.raw, value: n.value });
      }
    } else if (v.startsWith('-') && v.length > 1 && short.includes(v[1] as string)) {
      if (v.length > 2) out.push({ word: w, raw: w.raw.replace(/^(["']?)-./, '$1'), value: v.slice(2) });
      else if (!attachedOnly.includes(v[1] as string) && args[i + 1]) {
        const n = args[++i] as ShellWord;
        out.push({ word: n, raw: n.raw, value: n.value });
      }
    }
  }
  return out;
}

const afterEq = (raw: string): string => {
  const eq = raw.indexOf('=');
  return eq < 0 ? raw : `${/^["']/.test(raw) ? raw[0] : ''}${raw.slice(eq + 1)}`;
};

/** Removes quote characters from a raw word (enough to read `$VAR` references and literals). */
export const unquote = (raw: string): string => raw.replace(/["']/g, '');

/**
 * The first COPY --from in a shipped stage (or in a stage that is itself forwarded) whose source covers
 * `file` of stage `from`, or null. COPY --from sources are relative to the source stage's root.
 */
export function forwardedBy(df: DockerfileFacts, from: number, file: string, depth = 0): Instruction | null {
  if (depth > 8) return null;
  const shipped = layerStages(df);
  for (const s of df.stages) {
    if (!s.copiesFrom.includes(from)) continue;
    for (const i of s.instructions) {
      const ins = df.instructions[i] as Instruction;
      if (ins.keyword !== 'COPY' || fromStage(df, ins) !== from) continue;
      const paths = copyPaths(ins);
      if (!paths) continue;
      for (const src of paths.sources) {
        const abs = resolvePath('/', src);
        if (!covers(abs, file)) continue;
        if (shipped.has(s.index)) return ins;
        // One more hop: builder -> assembler -> final.
        const dest = resolvePath(workdirs(df).get(ins) ?? '/', paths.dest);
        const rel = file === abs ? lastPart(file) : file.slice(abs === '/' ? 1 : abs.length + 1);
        const landed = paths.dest.endsWith('/') || file !== abs ? `${dest}/${rel}` : dest;
        const next = forwardedBy(df, s.index, landed.replace(/\/+/g, '/'), depth + 1);
        if (next) return next;
      }
    }
  }
  return null;
}

/** The stage index a COPY --from names, or null (an image, or no --from). */
export function fromStage(df: DockerfileFacts, ins: Instruction): number | null {
  const v = ins.flags.find((f) => f.name === 'from')?.value?.toLowerCase();
  if (!v) return null;
  const named = df.stages.find((s) => s.name === v && s.index < ins.stage);
  if (named) return named.index;
  return /^\d+$/.test(v) && Number(v) < ins.stage ? Number(v) : null;
}

/**
 * Stages whose layers make up the final image: the final stage and the stages it is built FROM. Computed
 * here because df.shippedStages has meant both this and "…and what they copy from" while the parser changed.
 */
export function layerStages(df: DockerfileFacts): Set<number> {
  const out = new Set<number>();
  for (
    let s: number | null = df.finalStage;
    s !== null && s >= 0 && !out.has(s);
    s = df.stages[s]?.baseStage ?? null
  )
    out.add(s);
  return out;
}
