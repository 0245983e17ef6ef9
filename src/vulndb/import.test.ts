import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOsv } from './import.js';
import { openDb } from './match.js';
import { dbStatus } from './status.js';
import { defaultDbPath, openStore, VulnDbError } from './store.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/osv');
const FIXTURE_COUNT = 12;

/** A minimal zip writer (deflate, no zip64): enough to build osv.dev-shaped all.zip files in tests. */
function makeZip(entries: { name: string; data: string | Buffer; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const isDir = e.name.endsWith('/');
    const body = isDir || e.store ? raw : deflateRawSync(raw);
    const method = isDir || e.store ? 0 : 8;
    const name = Buffer.from(e.name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const advisory = (
  id: string,
  modified: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  id,
  modified,
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'zlib' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:1.2.13.dfsg-1+deb12u1' }] }],
    },
  ],
  ...extra,
});
const zlibPkg = {
  ecosystem: 'deb' as const,
  name: 'zlib1g',
  version: '1:1.2.13.dfsg-1',
  sourceName: 'zlib',
  purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1',
  layer: 0,
  foundIn: '/var/lib/dpkg/status',
};
const bookworm = { id: 'debian', versionId: '12' };

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulkhead-vulndb-'));
  db = join(dir, 'cache', 'vulndb.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  return path;
};

describe('importOsv', () => {
  it('loads a directory tree, then re-imports incrementally', async () => {
    const first = await importOsv(db, FIXTURES, { now: () => new Date('2025-01-01T00:00:00Z') });
    expect(first).toMatchObject({
      read: FIXTURE_COUNT,
      added: FIXTURE_COUNT,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      problems: [],
    });
    expect(first.ecosystems).toEqual(
      expect.arrayContaining(['Debian:11', 'Alpine:v3.19', 'npm', 'PyPI', 'Go']),
    );
    const again = await importOsv(db, FIXTURES);
    expect(again).toMatchObject({ read: FIXTURE_COUNT, added: 0, updated: 0, unchanged: FIXTURE_COUNT });
  });

  it('updates only what is newer, removes what is withdrawn', async () => {
    write(
      'v1/DEBIAN-CVE-2023-45853.json',
      advisory('DEBIAN-CVE-2023-45853', '2024-01-01T00:00:00Z', { upstream: ['CVE-2023-45853'] }),
    );
    write('v1/DLA-1-1.json', advisory('DLA-1-1', '2024-01-01T00:00:00Z'));
    expect(await importOsv(db, join(dir, 'v1'))).toMatchObject({ added: 2 });
    expect(openDbMatch()).toEqual(['CVE-2023-45853', 'DLA-1-1']);

    // Same time written differently (fraction, offset): not newer.
    write(
      'v2/a.json',
      advisory('DEBIAN-CVE-2023-45853', '2024-01-01T01:00:00.000+01:00', { upstream: ['CVE-2023-45853'] }),
    );
    write('v2/b.json', advisory('DLA-1-1', '2024-03-01T00:00:00.5Z', { summary: 'zlib - security update' }));
    expect(await importOsv(db, join(dir, 'v2'))).toMatchObject({ added: 0, updated: 1, unchanged: 1 });

    write(
      'v3/a.json',
      advisory('DEBIAN-CVE-2023-45853', '2024-05-01T00:00:00Z', { withdrawn: '2024-05-01T00:00:00Z' }),
    );
    expect(await importOsv(db, join(dir, 'v3'))).toMatchObject({ withdrawn: 1, added: 0, updated: 0 });
    expect(openDbMatch()).toEqual(['DLA-1-1']);
  });

  it('skips malformed advisories with a reason and keeps the rest', async () => {
    write('src/good.json', advisory('DLA-2-1', '2024-01-01T00:00:00Z'));
    write('src/broken.json', '{"id": "DLA-3-1", "modified": ');
    write('src/no-modified.json', { id: 'DLA-4-1', affected: [] });
    write(
      'src/bad-event.json',
      advisory('DLA-5-1', '2024-01-01T00:00:00Z', {
        affected: [
          {
            package: { ecosystem: 'Debian:12', name: 'x' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '1' }] }],
          },
        ],
      }),
    );
    write('src/notes.txt', 'ignored');
    const s = await importOsv(db, join(dir, 'src'));
    expect(s).toMatchObject({ read: 4, added: 1, skipped: 3 });
    expect(s.problems).toEqual([
      {
        where: join(dir, 'src/bad-event.json'),
        id: 'DLA-5-1',
        reason: expect.stringMatching(/events\[0\]: needs exactly one/),
      },
      { where: join(dir, 'src/broken.json'), reason: expect.stringMatching(/^not JSON/) },
      {
        where: join(dir, 'src/no-modified.json'),
        id: 'DLA-4-1',
        reason: expect.stringMatching(/^modified: /),
      },
    ]);
  });

  it('caps the problems listed but counts them all', async () => {
    for (let i = 0; i < 5; i++) write(`bad/${i}.json`, { id: `X-${i}` });
    const s = await importOsv(db, join(dir, 'bad'), { maxProblems: 2 });
    expect(s.skipped).toBe(5);
    expect(s.problems).toHaveLength(2);
  });

  it('reads a file holding a list of advisories', async () => {
    const path = write('list.json', [
      advisory('DLA-6-1', '2024-01-01T00:00:00Z'),
      advisory('DLA-7-1', '2024-01-01T00:00:00Z'),
    ]);
    expect(await importOsv(db, path)).toMatchObject({ read: 2, added: 2 });
  });

  it('streams an osv.dev all.zip, incrementally, and survives bad entries', async () => {
    const zip = makeZip([
      {
        name: 'DEBIAN-CVE-2023-45853.json',
        data: JSON.stringify(advisory('DEBIAN-CVE-2023-45853', '2024-01-01T00:00:00Z')),
      },
      {
        name: 'DLA-8-1.json',
        data: JSON.stringify(advisory('DLA-8-1', '2024-01-01T00:00:00Z')),
        store: true,
      },
      { name: 'sub/', data: '' },
      { name: 'README.txt', data: 'not an advisory' },
      { name: 'broken.json', data: '{' },
      {
        name: 'huge.json',
        data: JSON.stringify(advisory('DLA-9-1', '2024-01-01T00:00:00Z', { details: 'x'.repeat(5000) })),
      },
    ]);
    const path = write('Debian/all.zip', zip);
    const s = await importOsv(db, path, { maxAdvisoryBytes: 4096 });
    expect(s).toMatchObject({ read: 3, added: 2, skipped: 2 });
    expect(s.problems.map((p) => [p.where, p.reason])).toEqual([
      [`${path}:broken.json`, expect.stringMatching(/^not JSON/)],
      [`${path}:huge.json`, 'larger than 4096 bytes'],
    ]);
    expect(await importOsv(db, path, { maxAdvisoryBytes: 4096 })).toMatchObject({ added: 0, unchanged: 2 });
    // A directory of per-ecosystem zips, as downloaded from the osv.dev bucket.
    write(
      'npm/all.zip',
      makeZip([
        {
          name: 'GHSA-1.json',
          data: JSON.stringify({ ...advisory('GHSA-1', '2024-01-01T00:00:00Z'), affected: [] }),
        },
      ]),
    );
    expect(await importOsv(db, dir, { maxAdvisoryBytes: 4096 })).toMatchObject({ added: 1, unchanged: 2 });
  });

  it('reports a corrupt zip instead of failing', async () => {
    const good = makeZip([
      { name: 'a.json', data: JSON.stringify(advisory('DLA-10-1', '2024-01-01T00:00:00Z')) },
    ]);
    const path = write('bad.zip', good.subarray(0, good.length - 10));
    const s = await importOsv(db, path);
    expect(s.added).toBe(0);
    expect(s.problems[0]).toMatchObject({ where: path, reason: expect.stringMatching(/not a readable zip/) });
  });

  it('skips an entry whose data is corrupt and reads the next one', async () => {
    const first = JSON.stringify(advisory('DLA-11-1', '2024-01-01T00:00:00Z'));
    const zip = makeZip([
      { name: 'a.json', data: first },
      { name: 'b.json', data: JSON.stringify(advisory('DLA-12-1', '2024-01-01T00:00:00Z')) },
    ]);
    zip.fill(0xff, 30 + 'a.json'.length, 30 + 'a.json'.length + 8); // garble a.json's deflate stream
    const path = write('garbled.zip', zip);
    const s = await importOsv(db, path);
    expect(s).toMatchObject({ added: 1, skipped: 1 });
    expect(s.problems[0]?.where).toBe(`${path}:a.json`);
  });

  it('fails clearly on a missing source', async () => {
    await expect(importOsv(db, join(dir, 'nope'))).rejects.toThrow(VulnDbError);
  });

  function openDbMatch(): string[] {
    const h = openDb(db);
    try {
      return h
        .match([zlibPkg], bookworm)
        .map((v) => v.id)
        .sort();
    } finally {
      h.close();
    }
  }
});

describe('database file', () => {
  it('status: nothing loaded yet', () => {
    expect(dbStatus(db)).toEqual({ exists: false, path: db });
    expect(() => openDb(db)).toThrow(/no vulnerability database at/);
  });

  it('status: per ecosystem counts, newest modified, import time and age', async () => {
    await importOsv(db, FIXTURES, { now: () => new Date('2025-01-01T00:00:00Z') });
    const s = dbStatus(db, new Date('2025-01-11T00:00:00Z'));
    expect(s).toMatchObject({
      exists: true,
      schemaVersion: 1,
      advisories: FIXTURE_COUNT,
      lastImport: '2025-01-01T00:00:00.000Z',
    });
    if (!s.exists) return;
    expect(s.ecosystems.find((e) => e.ecosystem === 'Debian:11')).toEqual({
      ecosystem: 'Debian:11',
      advisories: 2,
      packages: 1,
      newestModified: '2024-09-18T03:17:09.187356000Z',
      importedAt: '2025-01-01T00:00:00.000Z',
      ageDays: 114,
    });
  });

  it('refuses a database from a newer bulkhead', async () => {
    await importOsv(db, FIXTURES);
    const store = openStore(db, { create: false });
    store.db.run("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    store.close();
    expect(() => openDb(db)).toThrow(/newer bulkhead \(database schema 99; this version reads 1\)/);
    expect(() => dbStatus(db)).toThrow(VulnDbError);
    await expect(importOsv(db, FIXTURES)).rejects.toThrow(/newer bulkhead/);
  });

  it('refuses files that are not ours', () => {
    const text = join(dir, 'text.sqlite');
    writeFileSync(text, 'hello, this is not SQLite at all, not even close to a header');
    expect(() => openDb(text)).toThrow(VulnDbError);
    const other = join(dir, 'other.sqlite');
    const store = openStore(other, { create: true });
    store.db.exec('DROP TABLE meta');
    store.close();
    expect(() => openDb(other)).toThrow(/not a bulkhead vulnerability database/);
  });

  it.each([
    [{ BULKHEAD_DB: '/data/db.sqlite', XDG_CACHE_HOME: '/x' }, '/data/db.sqlite'],
    [{ XDG_CACHE_HOME: '/var/cache/u', HOME: '/home/u' }, '/var/cache/u/bulkhead/vulndb.sqlite'],
    [{ XDG_CACHE_HOME: '', HOME: '/home/u' }, '/home/u/.cache/bulkhead/vulndb.sqlite'],
  ])('defaultDbPath(%j)', (env, want) => expect(defaultDbPath(env)).toBe(want));
});
