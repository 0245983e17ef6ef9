import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, VulnDbError } from './store.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulkhead-store-'));
  db = join(dir, 'vulndb.sqlite');
  openStore(db, { create: true }).close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('the database lock (node-sqlite3-wasm: a PATH.lock directory)', () => {
  it('is taken on open with the owner recorded, and released on close', () => {
    const s = openStore(db, { create: false });
    expect(existsSync(`${db}.lock`)).toBe(true);
    expect(readFileSync(`${db}.lock-owner`, 'utf8')).toBe(String(process.pid));
    s.close();
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(existsSync(`${db}.lock-owner`)).toBe(false);
  });

  it('left behind by a killed process (owner gone) is cleared and the open succeeds', () => {
    mkdirSync(`${db}.lock`);
    writeFileSync(`${db}.lock-owner`, String(deadPid()));
    const s = openStore(db, { create: false });
    expect(readFileSync(`${db}.lock-owner`, 'utf8')).toBe(String(process.pid));
    s.close();
  });

  it('left behind with no owner recorded is cleared once it is over a minute old, not before', () => {
    mkdirSync(`${db}.lock`);
    expect(() => openStore(db, { create: false })).toThrow(/is in use/);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(`${db}.lock`, old, old);
    openStore(db, { create: false }).close();
  });

  it('held by a live process is refused with who holds it and what to do', () => {
    mkdirSync(`${db}.lock`);
    // This test process is alive for sure; record another live pid: our parent's.
    writeFileSync(`${db}.lock-owner`, String(process.ppid));
    let err: unknown;
    try {
      openStore(db, { create: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VulnDbError);
    expect((err as VulnDbError).message).toBe(
      `vulnerability database ${db} is in use by process ${process.ppid}`,
    );
    expect((err as VulnDbError).hint).toMatch(/remove .*vulndb\.sqlite\.lock/);
    expect(existsSync(`${db}.lock`)).toBe(true);
  });
});
