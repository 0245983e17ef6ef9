// Telling secret-bearing variable names and values from ordinary ones, without ever echoing a value.

/** Suffixes that make a secret-sounding name describe the secret rather than hold it. */
const DESCRIPTIVE_SUFFIX =
  /_(FILE|PATH|DIR|URL|URI|HOST|PORT|USER|USERNAME|NAME|LENGTH|LEN|TTL|EXPIRY|EXPIRES|EXPIRATION|TIMEOUT|ENABLED|DISABLED|REQUIRED|HEADER|TYPE|ALGORITHM|ALG|FORMAT|SIZE|BITS|LIFETIME|POLICY|MODE|ID|VERSION|FIELD|PARAM|PREFIX)$/;
/** Public material that only looks secret: GPG key ids, public keys, fingerprints. */
const PUBLIC_MATERIAL = /(GPG|PGP|PUBLIC|PUBKEY|FINGERPRINT|KEYSERVER|KEYRING)/;
const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|APIKEY|API_KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_?KEY|(^|_)KEY$|_PASS$|_PWD$|^PASS$)/;

export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  if (PUBLIC_MATERIAL.test(n) || DESCRIPTIVE_SUFFIX.test(n)) return false;
  return SECRET_NAME.test(n);
}

/** A value that could be a secret: not empty, not a flag word, not a path to a secret file or a reference. */
export function isSecretValue(value: string): boolean {
  const v = value.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (v.length === 0) return false;
  if (/^(true|false|yes|no|on|off|0|1|none|null|nil|disabled|enabled|required|optional)$/i.test(v))
    return false;
  // A variable reference or command substitution (RUN lines are recorded unexpanded), or a path to a
  // mounted secret file.
  if (/^[$`]/.test(v)) return false;
  if (/^\/[\w./-]*$/.test(v)) return false;
  return true;
}

/** NAME=value pairs in ENV/ARG instruction text ("A=1 B=2", legacy ENV form "A 1" when `legacy`). */
export function assignments(text: string, legacy = true): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const re = /(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ name: m[1]!, value: m[2]! });
  if (out.length === 0 && legacy) {
    const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/.exec(text.trim());
    if (legacy) out.push({ name: legacy[1]!, value: legacy[2]! });
  }
  return out;
}

/** Command-line options that carry a secret value: --password=x, --token x. */
export function secretOptions(line: string): string[] {
  const found: string[] = [];
  const re =
    /(?:^|\s)--(password|passwd|pass|token|secret|api-key|apikey|access-key|secret-key|auth-token|client-secret)(?:=|\s+)(\S+)/gi;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const value = m[2]!;
    if (!value.startsWith('-') && value !== '--password-stdin' && isSecretValue(value))
      found.push(`--${m[1]!.toLowerCase()}`);
  }
  return found;
}

/** Hosts of URLs that embed a password (scheme://user:pass@host). */
export function credentialUrlHosts(line: string): string[] {
  const hosts: string[] = [];
  const re = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@([^/\s:?#]+)/gi;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) if (isSecretValue(m[1]!)) hosts.push(m[2]!);
  return hosts;
}
