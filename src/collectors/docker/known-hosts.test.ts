import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryMatches, loadKnownHosts, parseKnownHosts, verifyHostKey } from './known-hosts.js';

/** An ssh-ed25519 public key blob (string "ssh-ed25519", then the 32-byte key), as servers present it. */
const ed25519Blob = (): Buffer => {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
};
const KEY = ed25519Blob();
const OTHER = ed25519Blob();
const THIRD = ed25519Blob();
const line = (hosts: string, key = KEY, marker = '') =>
  `${marker ? `${marker} ` : ''}${hosts} ssh-ed25519 ${key.toString('base64')}`;
const hashed = (name: string): string => {
  const salt = Buffer.from('0123456789abcdef0123');
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

describe('parseKnownHosts', () => {
  it('reads plain, hashed and marked entries and skips comments and junk', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        '',
        line('node-3,10.0.0.5'),
        line(hashed('node-4')),
        line('*.example.com', OTHER, '@revoked'),
        'garbage',
        'host ssh-ed25519 not*base64',
      ].join('\n'),
      'known_hosts',
    );
    expect(entries.map((e) => [e.patterns, e.marker ?? ''])).toEqual([
      [['node-3', '10.0.0.5'], ''],
      [[hashed('node-4')], ''],
      [['*.example.com'], 'revoked'],
    ]);
    expect(entries[0]?.key.equals(KEY)).toBe(true);
  });
});

describe('entryMatches', () => {
  const [plain, withPort, hash, neg] = parseKnownHosts(
    [line('node-3'), line('[127.0.0.1]:2222'), line(hashed('[node-4]:2200')), line('*.lan,!evil.lan')].join(
      '\n',
    ),
    'f',
  );
  it('uses the bare name on port 22 and [host]:port elsewhere', () => {
    expect(entryMatches(plain!, 'node-3', 22)).toBe(true);
    expect(entryMatches(plain!, 'node-3', 2222)).toBe(false);
    expect(entryMatches(withPort!, '127.0.0.1', 2222)).toBe(true);
    expect(entryMatches(withPort!, '127.0.0.1', 22)).toBe(false);
  });
  it('matches hashed names by HMAC-SHA1, and honours wildcards and negations', () => {
    expect(entryMatches(hash!, 'node-4', 2200)).toBe(true);
    expect(entryMatches(hash!, 'node-4', 22)).toBe(false);
    expect(entryMatches(neg!, 'db.lan', 22)).toBe(true);
    expect(entryMatches(neg!, 'evil.lan', 22)).toBe(false);
  });
});

describe('verifyHostKey', () => {
  const entries = parseKnownHosts([line('node-3'), line('node-5', OTHER, '@revoked')].join('\n'), 'kh');
  it('accepts the recorded key', () => {
    expect(verifyHostKey(entries, 'node-3', 22, KEY)).toEqual({ ok: true });
  });
  it('refuses a changed key as a possible man-in-the-middle', () => {
    const v = verifyHostKey(entries, 'node-3', 22, THIRD);
    expect(v).toMatchObject({ ok: false, reason: 'changed' });
    if (!v.ok) expect(v.hint).toContain("ssh-keygen -R 'node-3'");
  });
  it('refuses an unknown host with the command that records its key', () => {
    const v = verifyHostKey(entries, '127.0.0.1', 2222, KEY);
    expect(v).toMatchObject({
      ok: false,
      reason: 'unknown',
      message: expect.stringContaining('[127.0.0.1]:2222'),
    });
    if (!v.ok) expect(v.hint).toContain('ssh -p 2222 127.0.0.1');
  });
  it('refuses a revoked key even where another entry lists it', () => {
    const both = [...entries, ...parseKnownHosts(line('node-6', OTHER), 'kh')];
    expect(verifyHostKey(both, 'node-6', 22, OTHER)).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('loadKnownHosts', () => {
  const home = mkdtempSync(join(tmpdir(), 'bulkhead-kh-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  it('reads $HOME/.ssh/known_hosts and tolerates a missing file', () => {
    expect(loadKnownHosts({ HOME: home }).filter((e) => e.source.startsWith(home))).toEqual([]);
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${line('node-3')}\n`);
    const mine = loadKnownHosts({ HOME: home }).filter((e) => e.source.startsWith(home));
    expect(mine).toHaveLength(1);
  });
});
