// The SQLite file behind `bulkhead db`: node-sqlite3-wasm (pure wasm, no native build), opened with an
// exclusive lock because without it every statement re-acquires the file lock (~0.3 ms a lookup instead of
// ~10 µs). Third-party types stay in this file.

import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Database as SqliteDatabase } from 'node-sqlite3-wasm';
import { BulkheadError } from '../core/errors.js';

type SqliteModule = typeof import('node-sqlite3-wasm');
// Loaded on first use (~30 ms and its wasm): a scan without a database never needs it.
let sqlite: SqliteModule | undefined;
const sqliteModule = (): SqliteModule => {
  if (!sqlite) {
    keepWasmBaselineTier();
    sqlite = createRequire(import.meta.url)('node-sqlite3-wasm') as SqliteModule;
  }
  return sqlite;
};

/**
 * V8 compiles wasm with its baseline compiler (Liftoff) first and re-compiles a function with TurboFan once
 * it has run about 1.8 MB of code (--wasm-tiering-budget). SQLite's interpreter loop is one huge function
 * that crosses that budget within the first few queries, and optimising it costs ~0.4 s of CPU on a
 * background thread on every run: on a 2-core machine that time is taken from the image walk, and the
 * process waits for the compile before it exits. Imports and lookups are as fast on the baseline code
 * (BENCHMARKS.md), so the budget is raised a thousandfold: only a process that loops in SQLite for a long
 * time still gets optimised code. V8 reads the budget when it compiles a module, so it is set before the
 * first load; Node keeps V8's flags writable after start-up for v8.setFlagsFromString. The flag is
 * process-wide and concerns wasm only (bulkhead runs no other hot wasm).
 */
export const WASM_TIERING_FLAG = '--wasm-tiering-budget=1800000000';
function keepWasmBaselineTier(): void {
  try {
    setFlagsFromString(WASM_TIERING_FLAG);
  } catch {
    // An engine without the flag tiers up as before: a slower start, the same results.
  }
}

/** Bumped when stored rows change meaning; an older bulkhead refuses a newer file. */
export const SCHEMA_VERSION = 1;

export class VulnDbError extends BulkheadError {}

/** $BULKHEAD_DB, else ${XDG_CACHE_HOME:-~/.cache}/bulkhead/vulndb.sqlite. */
export function defaultDbPath(env: Record<string, string | undefined> = process.env): string {
  if (env.BULKHEAD_DB) return env.BULKHEAD_DB;
  const cache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(cache, 'bulkhead', 'vulndb.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (id TEXT PRIMARY KEY, modified TEXT NOT NULL);
-- data: JSON StoredRow (src/vulndb/osv.ts), self-contained so a lookup needs no join.
CREATE TABLE IF NOT EXISTS affected (
  advisory_id TEXT NOT NULL, ecosystem TEXT NOT NULL, package TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, package);
CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory_id);
CREATE TABLE IF NOT EXISTS ecosystems (ecosystem TEXT PRIMARY KEY, imported_at TEXT NOT NULL, source TEXT NOT NULL);
`;

export interface Store {
  db: SqliteDatabase;
  path: string;
  close(): void;
}

function readSchemaVersion(db: SqliteDatabase, path: string): number | undefined {
  const tables = db.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name);
  if (tables.length === 0) return undefined;
  if (!tables.includes('meta')) {
    throw new VulnDbError(`${path} is not a bulkhead vulnerability database`, 'pass another path with --db');
  }
  const row = db.get("SELECT value FROM meta WHERE key = 'schema_version'");
  const version = Number(row?.value);
  if (!Number.isInteger(version))
    throw new VulnDbError(`${path}: vulnerability database has no schema version`);
  if (version > SCHEMA_VERSION) {
    throw new VulnDbError(
      `${path} was written by a newer bulkhead (database schema ${version}; this version reads ${SCHEMA_VERSION})`,
      'upgrade bulkhead, or import into another path with --db',
    );
  }
  return version;
}

/**
 * Opens (and with `create`, creates) the database. Throws VulnDbError when it is missing (without
 * `create`), not SQLite, not ours, or from a newer schema.
 */
export function openStore(path: string, opts: { create: boolean }): Store {
  if (!opts.create && !existsSync(path)) {
    throw new VulnDbError(
      `no vulnerability database at ${path}`,
      'load advisories with `bulkhead db import PATH`',
    );
  }
  if (opts.create) mkdirSync(dirname(path), { recursive: true });
  else if (!statSync(path).isFile()) throw new VulnDbError(`${path} is not a file`);
  const isLocked = (e: unknown): boolean => e instanceof Error && /database is locked/i.test(e.message);
  let db: SqliteDatabase;
  try {
    db = openLocked(path, opts.create);
  } catch (e) {
    if (!isLocked(e)) throw e;
    if (!clearStaleLock(path)) throw lockedError(path);
    // A killed bulkhead left its lock behind: cleared, so try once more.
    try {
      db = openLocked(path, opts.create);
    } catch (again) {
      throw isLocked(again) ? lockedError(path) : again;
    }
  }
  // Who holds the lock, so that a later open can tell a live lock from one a killed process left.
  try {
    writeFileSync(ownerFile(path), String(process.pid));
  } catch {
    // Read-only directory: stale-lock recovery then falls back to the lock's age.
  }
  return {
    db,
    path,
    close: () => {
      if (!db.isOpen) return;
      db.close();
      rmSync(ownerFile(path), { force: true });
    },
  };
}

const ownerFile = (path: string): string => `${path}.lock-owner`;

/** Opens the database and reads its schema (which takes node-sqlite3-wasm's lock, held until close). */
function openLocked(path: string, create: boolean): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new (sqliteModule().Database)(path, { fileMustExist: !create });
  } catch (e) {
    throw new VulnDbError(`cannot open vulnerability database ${path}: ${(e as Error).message}`);
  }
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    const version = readSchemaVersion(db, path);
    if (version === undefined) {
      if (!create) throw new VulnDbError(`${path} is an empty vulnerability database`);
      db.exec('BEGIN');
      db.exec(SCHEMA);
      db.run('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)', [
        'schema_version',
        String(SCHEMA_VERSION),
        'created_at',
        new Date().toISOString(),
      ]);
      db.exec('COMMIT');
    }
  } catch (e) {
    db.close();
    if (e instanceof VulnDbError) throw e;
    throw new VulnDbError(`cannot read vulnerability database ${path}: ${(e as Error).message}`);
  }
  return db;
}

function lockedError(path: string): VulnDbError {
  let pid = '';
  try {
    pid = readFileSync(ownerFile(path), 'utf8').trim();
  } catch {}
  return new VulnDbError(
    `vulnerability database ${path} is in use${pid ? ` by process ${pid}` : ''}`,
    `wait for that bulkhead to finish; if none is running, remove ${path}.lock`,
  );
}

/**
 * node-sqlite3-wasm locks a database with a `PATH.lock` directory, which a process that is killed (Ctrl-C
 * during an import or a scan) leaves behind, locking everyone out for good. The lock is stale when the
 * process recorded in `PATH.lock-owner` is gone, or, with no owner recorded, when it is over a minute old.
 * Returns whether a stale lock was removed.
 */
export function clearStaleLock(path: string): boolean {
  const lock = `${path}.lock`;
  let lockStat: ReturnType<typeof statSync> | undefined;
  try {
    lockStat = statSync(lock);
  } catch {
    return false;
  }
  let pid: number | undefined;
  try {
    pid = Number.parseInt(readFileSync(ownerFile(path), 'utf8'), 10);
  } catch {}
  if (pid !== undefined && Number.isInteger(pid) && pid > 0) {
    if (pid !== process.pid && processAlive(pid)) return false;
  } else if (Date.now() - lockStat.mtimeMs < 60_000) return false;
  rmSync(lock, { recursive: true, force: true });
  rmSync(ownerFile(path), { force: true });
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
