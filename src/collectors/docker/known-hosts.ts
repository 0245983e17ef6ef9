// Host key verification for ssh:// endpoints, as OpenSSH does it with StrictHostKeyChecking=yes: the key
// the server presents must be listed for that host in ~/.ssh/known_hosts or /etc/ssh/ssh_known_hosts.
// ssh2 accepts any host key unless told otherwise, which would let anyone on the path
// impersonate the daemon and feed the audit a clean bill of health.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface KnownHost {
  /** Host patterns (plain, `[host]:port`, wildcards) or one hashed `|1|salt|hash` entry. */
  patterns: string[];
  /** Base64-decoded public key blob. */
  key: Buffer;
  keyType: string;
  marker?: 'revoked' | 'cert-authority';
  source: string;
}

/** Parses known_hosts text; malformed lines are skipped, as ssh does. */
export function parseKnownHosts(text: string, source: string): KnownHost[] {
  const out: KnownHost[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: KnownHost['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    const [hosts, keyType, b64] = fields;
    if (!hosts || !keyType || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) continue;
    out.push({
      patterns: hosts.split(','),
      key: Buffer.from(b64, 'base64'),
      keyType,
      ...(marker ? { marker } : {}),
      source,
    });
  }
  return out;
}

const wildcard = (pattern: string, name: string): boolean => {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
};

/** True when one of the entry's patterns names HOST (the `[host]:port` form when port is not 22). */
export function entryMatches(entry: KnownHost, host: string, port: number): boolean {
  const name = port === 22 ? host : `[${host}]:${port}`;
  let positive = false;
  for (const p of entry.patterns) {
    if (p.startsWith('|1|')) {
      const [, , salt, hash] = p.split('|');
      if (!salt || !hash) continue;
      const got = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
      if (got === hash) positive = true;
      continue;
    }
    const negated = p.startsWith('!');
    if (wildcard(negated ? p.slice(1) : p, name)) {
      if (negated) return false;
      positive = true;
    }
  }
  return positive;
}

export type HostKeyVerdict =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'changed' | 'revoked'; message: string; hint: string };

/** Judges the key a server presented against the known_hosts entries. */
export function verifyHostKey(
  entries: readonly KnownHost[],
  host: string,
  port: number,
  key: Buffer,
): HostKeyVerdict {
  const target = port === 22 ? host : `[${host}]:${port}`;
  const accept = port === 22 ? `ssh ${host}` : `ssh -p ${port} ${host}`;
  if (entries.some((e) => e.marker === 'revoked' && e.key.equals(key)))
    return {
      ok: false,
      reason: 'revoked',
      message: `the ssh host key of ${target} is marked @revoked in known_hosts`,
      hint: 'the host uses a revoked key: do not connect until its key is replaced',
    };
  const mine = entries.filter((e) => !e.marker && entryMatches(e, host, port));
  if (mine.some((e) => e.key.equals(key))) return { ok: true };
  if (mine.length > 0)
    return {
      ok: false,
      reason: 'changed',
      message: `the ssh host key of ${target} does not match known_hosts (${mine[0]?.source}): possible man-in-the-middle`,
      hint: `if the host was reinstalled, remove the old key (ssh-keygen -R '${target}') and connect once with ${accept}`,
    };
  return {
    ok: false,
    reason: 'unknown',
    message: `the ssh host key of ${target} is not in known_hosts`,
    hint: `connect once with \`${accept}\` and check the fingerprint, so its key is recorded in ~/.ssh/known_hosts`,
  };
}

/** The user's and the system's known_hosts entries (missing files are empty). */
export function loadKnownHosts(env: NodeJS.ProcessEnv = process.env): KnownHost[] {
  const home = env.HOME || homedir();
  const files = [join(home, '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];
  return files.flatMap((f) => {
    try {
      return parseKnownHosts(readFileSync(f, 'utf8'), f);
    } catch {
      return [];
    }
  });
}
