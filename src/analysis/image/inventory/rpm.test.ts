import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpmHeaderBlob } from '../testing/entries.js';
import { parseRpmHeader, parseRpmSqlite, splitSourceRpm } from './rpm.js';

type SqliteModule = typeof import('node-sqlite3-wasm');
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as SqliteModule;

const OPENSSL = {
  1000: 'openssl-libs',
  1001: '3.0.7',
  1002: '27.el9',
  1003: 1,
  1014: 'Apache-2.0',
  1022: 'x86_64',
  1044: 'openssl-3.0.7-27.el9.src.rpm',
};
const BASH = { 1000: 'bash', 1001: '5.1.8', 1002: '9.el9', 1022: 'x86_64', 1044: 'bash-5.1.8-9.el9.src.rpm' };
const GPG = { 1000: 'gpg-pubkey', 1001: 'fd431d51', 1002: '4ae0493b' };

/** An rpmdb.sqlite shaped like rpm 4.16's (Packages table of header blobs), as bytes. */
function rpmdb(headers: Record<number, string | number>[], wal = false): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'bh-rpmdb-test-'));
  try {
    const file = join(dir, 'rpmdb.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
    for (const h of headers) db.run('INSERT INTO Packages (blob) VALUES (?)', [rpmHeaderBlob(h)]);
    db.close();
    const bytes = readFileSync(file);
    if (wal) {
      bytes[18] = 2;
      bytes[19] = 2;
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rpm', () => {
  it('parses a header blob', () => {
    expect(parseRpmHeader(rpmHeaderBlob(OPENSSL))).toEqual({
      name: 'openssl-libs',
      version: '3.0.7',
      release: '27.el9',
      epoch: 1,
      license: 'Apache-2.0',
      arch: 'x86_64',
      sourcerpm: 'openssl-3.0.7-27.el9.src.rpm',
    });
  });

  it('rejects truncated and lying headers', () => {
    const blob = rpmHeaderBlob(BASH);
    expect(parseRpmHeader(blob.subarray(0, 20))).toBeUndefined();
    const lie = Buffer.from(blob);
    lie.writeUInt32BE(0xffff, 0);
    expect(parseRpmHeader(lie)).toBeUndefined();
  });

  it('splits source rpm names', () => {
    expect(splitSourceRpm('openssl-3.0.7-27.el9.src.rpm')).toEqual({
      name: 'openssl',
      version: '3.0.7',
      release: '27.el9',
    });
    expect(splitSourceRpm('python3.11-3.11.5-1.el9.nosrc.rpm')).toEqual({
      name: 'python3.11',
      version: '3.11.5',
      release: '1.el9',
    });
    expect(splitSourceRpm('garbage')).toBeUndefined();
  });

  it.each([false, true])('reads packages from rpmdb.sqlite (WAL flag %s), skipping gpg-pubkey', (wal) => {
    expect(parseRpmSqlite(rpmdb([OPENSSL, BASH, GPG], wal))).toEqual([
      {
        ecosystem: 'rpm',
        name: 'openssl-libs',
        version: '1:3.0.7-27.el9',
        rpm: { epoch: 1, versionRelease: '3.0.7-27.el9' },
        arch: 'x86_64',
        licenses: ['Apache-2.0'],
        sourceName: 'openssl',
        sourceVersion: '1:3.0.7-27.el9',
      },
      {
        ecosystem: 'rpm',
        name: 'bash',
        version: '5.1.8-9.el9',
        rpm: { versionRelease: '5.1.8-9.el9' },
        arch: 'x86_64',
        sourceName: 'bash',
        sourceVersion: '5.1.8-9.el9',
      },
    ]);
  });

  it('throws on a file that is not SQLite (the analyzer turns it into a problem)', () => {
    expect(() => parseRpmSqlite(Buffer.alloc(4096, 0x41))).toThrow(/not an SQLite/);
  });
});
