// Secret detection over the text files of a layer: credential files in their usual places (docker, npm, PyPI,
// AWS, kubeconfig, git, netrc, .env) and token rules over any text file that can matter.
//
// Rule set: ours. The maintained JS set (@secretlint/secretlint-rule-preset-recommend) needs Node >= 22 from
// v10 on and its rules are code bound to the secretlint engine, not data we could load; the token patterns
// below follow the public formats documented by each vendor and the gitleaks rule set (MIT) where noted.
// Allow-rules keep noise down: test fixtures, docs, CA bundles, vendors' published example keys, placeholders.

export interface SecretHit {
  rule: string;
  description: string;
  line?: number;
  masked: string;
}

/** Never the whole secret: a short prefix (enough to recognise the kind of token), then stars. */
export function mask(secret: string): string {
  const s = secret.trim();
  const keep = Math.min(6, Math.floor(s.length / 4));
  return `${s.slice(0, keep)}${'*'.repeat(Math.max(4, Math.min(12, s.length - keep)))}`;
}

// Paths whose content is someone else's documentation, data or test material.
const SKIP_DIRS =
  /^\/(?:proc|sys|dev|usr\/share|usr\/include|usr\/src|usr\/lib\/debug|lib\/modules|usr\/lib\/modules|var\/lib\/dpkg|var\/lib\/apt|var\/lib\/rpm|var\/cache|usr\/lib\/locale|usr\/local\/go|usr\/lib\/go[^/]*|etc\/ssl\/certs|etc\/pki|usr\/local\/share\/ca-certificates|etc\/ca-certificates)(?:\/|$)/;
const ALLOW_PATH =
  /\/(?:tests?|testdata|test-data|__tests__|spec|specs|fixtures?|examples?|samples?|docs?|man|testing)\/|\/node_modules\/|\/(?:site|dist)-packages\/|\/vendor\/|\/\.git\//;
// Extensions of binary, archive and media files (looked up in a Set: a `\.(…)$` regex would be tried at
// every position of every path of the image).
const SKIP_EXT = new Set(
  'so a o ko pyc pyo class jar war zip gz tgz bz2 xz zst 7z png jpg jpeg gif ico webp svg woff woff2 ttf otf eot mp3 mp4 wasm mo db sqlite crt cer pub map lock sum'.split(
    ' ',
  ),
);

function skipByName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  const ext = name.slice(dot + 1).toLowerCase();
  // Versioned shared libraries: libssl.so.3, libc.so.6.
  return SKIP_EXT.has(ext) || /\.so(?:\.\d+)+$/.test(name) || name.endsWith('.min.js');
}

/** Whether a file at this path is worth reading for secrets (size and text-ness are checked after). */
export function secretCandidate(path: string): boolean {
  if (SKIP_DIRS.test(path) || skipByName(path)) return false;
  if (ALLOW_PATH.test(path)) return false;
  return !/\/ca-certificates\.crt$|\/ca-bundle[^/]*$|\/cacert\.pem$/.test(path);
}

/** Binary files carry a NUL byte early; text files do not. */
export function looksText(buf: Buffer): boolean {
  return buf.subarray(0, 8192).indexOf(0) === -1;
}

const PLACEHOLDER =
  /^(?:\$\{?[A-Za-z_][\w:-]*\}?|\{\{.*\}\}|<[^>]*>|%\(?[\w]*\)?s?|\*+|x{3,}|\.{3,}|changeme|change_me|password|passwd|secret|example|placeholder|your[_-]?\w*|null|none|nil|true|false|undefined|todo|redacted|dummy|test|string|str|bool|boolean|int|integer|number|required|optional|hidden|masked|sensitive|yes|no|on|off|empty|default|auto|prompt|\[\w*\]|(?:process\.env|os\.environ|getenv).*)$/i;
const isPlaceholder = (v: string): boolean => v.length < 4 || PLACEHOLDER.test(v) || /EXAMPLE/.test(v);

interface TokenRule {
  id: string;
  description: string;
  /**
   * Cheap pre-filter: the regex runs only when one of these occurs in the text (or this regex matches). Each
   * is a part of what the regex needs that starts with a rare character where there is one: V8 looks for a
   * pattern's first character, so `yJ` is four times cheaper than `eyJ` over source code.
   */
  keywords: string[] | RegExp;
  re: RegExp;
  /** Capture group holding the secret (default 0). */
  group?: number;
  allow?: (secret: string) => boolean;
}

const TOKEN_RULES: readonly TokenRule[] = [
  {
    // Header plus a line of key material, so source code naming the header (parsers, docs) does not match.
    id: 'private-key',
    description: 'Private key',
    keywords: ['PRIVATE KEY'],
    re: /-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----\r?\n(?:[A-Za-z-]+: [^\n]*\r?\n)*\r?\n?([A-Za-z0-9+/=]{40,})/g,
    group: 2,
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    group: 1,
    allow: (s) => s.endsWith('EXAMPLE'),
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: ['_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'SecretAccessKey'],
    re: /(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|SecretAccessKey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/g,
    group: 1,
    allow: (s) => s.includes('EXAMPLEKEY'),
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: /gh[pousr]_/,
    re: /\b(gh[pousr]_[A-Za-z0-9]{36})\b/g,
    group: 1,
  },
  {
    id: 'github-fine-grained-token',
    description: 'GitHub fine-grained personal access token',
    keywords: ['_pat_'],
    re: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
    group: 1,
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal access token',
    keywords: ['glpat-'],
    re: /\b(glpat-[A-Za-z0-9_-]{20,})/g,
    group: 1,
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    keywords: ['xox'],
    re: /\b(xox[abprs]-[0-9]{8,13}-[0-9A-Za-z-]{8,})/g,
    group: 1,
  },
  {
    id: 'slack-webhook',
    description: 'Slack incoming webhook',
    keywords: ['.slack.com'],
    re: /(https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/g,
    group: 1,
  },
  {
    id: 'stripe-secret-key',
    description: 'Stripe live secret key',
    keywords: ['k_live_'],
    re: /\b([sr]k_live_[A-Za-z0-9]{20,})\b/g,
    group: 1,
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    keywords: ['AIza'],
    re: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    group: 1,
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    keywords: ['pm_'],
    re: /\b(npm_[A-Za-z0-9]{36})\b/g,
    group: 1,
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['yJ'],
    re: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})/g,
    group: 1,
  },
];

// Generic `password = value` assignments, only in configuration files where they mean a credential.
const CONFIG_FILE = /(?:\.(?:conf|cfg|cnf|ini|ya?ml|properties|toml|json|xml|env)|\/\.env(?:\.[\w-]+)?)$/i;
const GENERIC =
  /^[ \t]*["']?([\w.-]*(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token|client_?secret))["']?[ \t]*[:=][ \t]*["']?([^\s"'#;,]{6,})/gim;

const lineOf = (text: string, index: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Findings of the credential files, by where they live. */
function credentialFile(path: string, text: string): SecretHit[] | undefined {
  const name = base(path);
  const hits: SecretHit[] = [];
  const each = (re: RegExp, rule: string, description: string, group = 1): void => {
    for (const m of text.matchAll(re)) {
      const v = (m[group] ?? '').trim();
      if (!isPlaceholder(v)) hits.push({ rule, description, line: lineOf(text, m.index), masked: mask(v) });
    }
  };
  if (/\/\.docker\/config\.json$/.test(path) || name === '.dockercfg') {
    try {
      const doc = JSON.parse(text) as { auths?: Record<string, { auth?: unknown; identitytoken?: unknown }> };
      const auths = doc.auths ?? (doc as Record<string, { auth?: unknown }>);
      for (const [registry, v] of Object.entries(auths ?? {})) {
        const secret = [v?.auth, (v as { identitytoken?: unknown })?.identitytoken].find(
          (x): x is string => typeof x === 'string' && x.length > 0,
        );
        if (secret)
          hits.push({
            rule: 'docker-config-auth',
            description: `Registry credentials for ${registry.slice(0, 100)}`,
            masked: mask(secret),
          });
      }
    } catch {
      // Not JSON: the token rules still run over it.
    }
    return hits;
  }
  if (name === '.npmrc') {
    each(
      /^[ \t]*(?:\/\/[^\s=]*:)?_(?:authToken|auth|password)[ \t]*=[ \t]*["']?([^\s"']+)/gm,
      'npmrc-auth-token',
      'npm registry credentials',
    );
    return hits;
  }
  if (name === '.pypirc') {
    each(/^[ \t]*password[ \t]*[:=][ \t]*(\S+)/gm, 'pypirc-password', 'PyPI upload password');
    return hits;
  }
  if (/\/\.aws\/credentials$/.test(path)) {
    each(/^[ \t]*aws_secret_access_key[ \t]*=[ \t]*(\S+)/gm, 'aws-credentials', 'AWS secret access key');
    return hits;
  }
  if (name === '.git-credentials') {
    each(/^[ \t]*https?:\/\/[^:\s/]+:([^@\s]+)@/gm, 'git-credentials', 'Git credentials');
    return hits;
  }
  if (name === '.netrc' || name === '_netrc') {
    each(/\bpassword\s+(\S+)/g, 'netrc-password', 'netrc password');
    return hits;
  }
  if (
    name === '.env' ||
    (/^\.env\.[\w-]+$/.test(name) && !/\.(?:example|sample|template|dist|defaults?)$/.test(name))
  ) {
    each(
      /^[ \t]*(?:export[ \t]+)?[A-Za-z0-9_]*(?:_KEY|_SECRET|_TOKEN|PASSWORD|PASSWD)[ \t]*=[ \t]*["']?([^\s"'#]+)/gm,
      'dotenv-secret',
      'Secret in .env file',
    );
    return hits;
  }
  if (
    /\/\.kube\/config$/.test(path) ||
    /^kubeconfig/i.test(name) ||
    (text.includes('kind:') && /^kind:[ \t]*Config[ \t]*$/m.test(text))
  ) {
    if (!/^kind:[ \t]*Config[ \t]*$/m.test(text)) return undefined;
    each(/^[ \t]*client-key-data:[ \t]*(\S+)/gm, 'kubeconfig-client-key', 'Kubernetes client key');
    each(/^[ \t]*token:[ \t]*(\S+)/gm, 'kubeconfig-token', 'Kubernetes bearer token');
    return hits;
  }
  return undefined;
}

const MAX_HITS_PER_FILE = 20;

/** Every secret in one text file. */
export function scanSecrets(path: string, text: string): SecretHit[] {
  const hits = credentialFile(path, text) ?? [];
  for (const rule of TOKEN_RULES) {
    const k = rule.keywords;
    if (!(Array.isArray(k) ? k.some((w) => text.includes(w)) : k.test(text))) continue;
    for (const m of text.matchAll(rule.re)) {
      const v = m[rule.group ?? 0] ?? '';
      if (rule.allow?.(v)) continue;
      // A credential file rule already reported this value.
      const masked = mask(v);
      if (hits.some((h) => h.masked === masked)) continue;
      const description =
        rule.id === 'private-key' ? `Private key (${m[1] ?? 'PRIVATE KEY'})` : rule.description;
      hits.push({ rule: rule.id, description, line: lineOf(text, m.index), masked });
      if (hits.length >= MAX_HITS_PER_FILE) return hits;
    }
  }
  if (CONFIG_FILE.test(path) && !/^\.env/.test(base(path))) {
    for (const m of text.matchAll(GENERIC)) {
      const v = m[2] ?? '';
      if (isPlaceholder(v) || /^[\d.]+$/.test(v) || /^(?:\/|\.\/|https?:\/\/[^@]*$)/.test(v)) continue;
      const masked = mask(v);
      if (hits.some((h) => h.masked === masked)) continue;
      hits.push({
        rule: 'generic-password',
        description: `Credential in configuration (${(m[1] ?? '').slice(0, 40)})`,
        line: lineOf(text, m.index),
        masked,
      });
      if (hits.length >= MAX_HITS_PER_FILE) return hits;
    }
  }
  return hits;
}
