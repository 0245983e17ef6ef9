// rpm's SQLite database (/var/lib/rpm/rpmdb.sqlite, rpm >= 4.16: Fedora 33+, RHEL/UBI 9, Rocky/Alma 9):
// table Packages(hnum, blob), each blob an rpm header without its 8-byte magic. The older BerkeleyDB
// (`Packages`) and ndb (`Packages.db`) formats are not read; the analyzer reports them as a problem.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawPackage } from './types.js';

type SqliteModule = typeof import('node-sqlite3-wasm');

const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  license: 1014,
  arch: 1022,
  sourcerpm: 1044,
};
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_I18NSTRING = 9;

export interface RpmHeader {
  name?: string;
  version?: string;
  release?: string;
  epoch?: number;
  arch?: string;
  license?: string;
  sourcerpm?: string;
}

/** Reads the tags we need from a header blob; bounds-checked, an out-of-range entry is skipped. */
export function parseRpmHeader(blob: Uint8Array): RpmHeader | undefined {
  if (blob.length < 8) return undefined;
  const v = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const il = v.getUint32(0);
  const dl = v.getUint32(4);
  const dataStart = 8 + il * 16;
  if (il > 0x10000 || dataStart + dl > blob.length) return undefined;
  const str = (off: number): string | undefined => {
    if (off < 0 || off >= dl) return undefined;
    const at = dataStart + off;
    let end = at;
    while (end < dataStart + dl && blob[end] !== 0) end++;
    return Buffer.from(blob.buffer, blob.byteOffset + at, end - at).toString('utf8');
  };
  const h: RpmHeader = {};
  for (let i = 0; i < il; i++) {
    const e = 8 + i * 16;
    const tag = v.getInt32(e);
    const type = v.getUint32(e + 4);
    const off = v.getInt32(e + 8);
    const key = (Object.keys(TAG) as (keyof typeof TAG)[]).find((k) => TAG[k] === tag);
    if (!key) continue;
    if (key === 'epoch') {
      if (type === TYPE_INT32 && off >= 0 && off + 4 <= dl) h.epoch = v.getInt32(dataStart + off);
    } else if (type === TYPE_STRING || type === TYPE_I18NSTRING) {
      const s = str(off);
      if (s !== undefined) h[key] = s;
    }
  }
  return h;
}

/** `openssl-3.0.7-27.el9.src.rpm` → name openssl, version 3.0.7, release 27.el9. */
export function splitSourceRpm(srpm: string): { name: string; version: string; release: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(srpm);
  return m ? { name: m[1] as string, version: m[2] as string, release: m[3] as string } : undefined;
}

export function rpmPackage(h: RpmHeader): RawPackage | undefined {
  // gpg-pubkey "packages" are imported signing keys, not software.
  if (!h.name || !h.version || h.name === 'gpg-pubkey') return undefined;
  const vr = h.release ? `${h.version}-${h.release}` : h.version;
  const ep = h.epoch ? `${h.epoch}:` : '';
  const pkg: RawPackage = {
    ecosystem: 'rpm',
    name: h.name,
    version: `${ep}${vr}`,
    rpm: { versionRelease: vr },
  };
  if (h.epoch) pkg.rpm = { epoch: h.epoch, versionRelease: vr };
  if (h.arch) pkg.arch = h.arch;
  if (h.license) pkg.licenses = [h.license];
  const src = h.sourcerpm ? splitSourceRpm(h.sourcerpm) : undefined;
  if (src) {
    pkg.sourceName = src.name;
    pkg.sourceVersion = `${ep}${src.version}-${src.release}`;
  }
  return pkg;
}

const MAX_ROWS = 200_000;

/**
 * Packages of an rpmdb.sqlite image copy. The bytes go to a private temp dir under os.tmpdir() (the wasm
 * SQLite reads files only) that is removed before returning; the WAL flag in the header is cleared so the
 * copy opens without its -wal/-shm companions (un-checkpointed WAL content is not seen).
 */
export function parseRpmSqlite(bytes: Buffer): RawPackage[] {
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
    throw new Error('not an SQLite database');
  const copy = Buffer.from(bytes);
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  const dir = mkdtempSync(join(tmpdir(), `bulkhead-rpmdb-${randomBytes(4).toString('hex')}-`));
  try {
    const file = join(dir, 'rpmdb.sqlite');
    writeFileSync(file, copy, { mode: 0o600 });
    const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as SqliteModule;
    const db = new Database(file, { fileMustExist: true, readOnly: true });
    try {
      const out: RawPackage[] = [];
      for (const row of db.all(`SELECT blob FROM Packages LIMIT ${MAX_ROWS}`)) {
        const blob = (row as Record<string, unknown>).blob;
        if (!(blob instanceof Uint8Array)) continue;
        const h = parseRpmHeader(blob);
        const pkg = h ? rpmPackage(h) : undefined;
        if (pkg) out.push(pkg);
      }
      return out;
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
