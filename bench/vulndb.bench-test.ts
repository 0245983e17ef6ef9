// Import and lookup speed on a generated advisory set: a benchmark (no timing assertions), run by
// `npm run bench:vulndb` (vitest.bench.config.ts; not part of `npm test`). It prints its figures.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Package } from '../src/facts/image-scan.js';
import { importOsv } from '../src/vulndb/import.js';
import { openDb } from '../src/vulndb/match.js';

const ADVISORIES = Number(process.env.BULKHEAD_BENCH_ADVISORIES ?? 50_000);
const PACKAGES = 1_000;

/** Stored (uncompressed) zip of many small entries: the shape of an osv.dev all.zip. */
function zipOf(files: Iterable<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [n, raw] of files) {
    const name = Buffer.from(n);
    const body = deflateRawSync(raw);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
    count++;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

const ECOS = [
  { eco: 'npm', name: (i: number) => `pkg-${i % 8000}`, fixed: (i: number) => `${i % 9}.${i % 13}.${i % 7}` },
  {
    eco: 'Debian:12',
    name: (i: number) => `src-${i % 3000}`,
    fixed: (i: number) => `${i % 5}.${i % 11}-${i % 4}+deb12u${i % 3}`,
  },
  {
    eco: 'PyPI',
    name: (i: number) => `py-${i % 4000}`,
    fixed: (i: number) => `${i % 6}.${i % 10}.post${i % 3}`,
  },
  {
    eco: 'Alpine:v3.19',
    name: (i: number) => `apk-${i % 1500}`,
    fixed: (i: number) => `${i % 4}.${i % 9}.${i % 5}-r${i % 6}`,
  },
] as const;

function* advisories(): Generator<[string, Buffer]> {
  for (let i = 0; i < ADVISORIES; i++) {
    const e = ECOS[i % ECOS.length] as (typeof ECOS)[number];
    const id = `BENCH-${i}`;
    const doc = {
      id,
      modified: '2024-06-01T00:00:00Z',
      aliases: [`CVE-2024-${10000 + i}`],
      summary: `generated advisory ${i} with a summary of typical length for a real record`,
      details: 'x'.repeat(400),
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [
        {
          package: { ecosystem: e.eco, name: e.name(i) },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: e.fixed(i) }] }],
        },
      ],
    };
    yield [`${id}.json`, Buffer.from(JSON.stringify(doc))];
  }
}

describe('vulndb benchmark', () => {
  it(`imports ${ADVISORIES} advisories and matches ${PACKAGES} packages`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-vulndb-bench-'));
    try {
      const zip = join(dir, 'all.zip');
      writeFileSync(zip, zipOf(advisories()));
      const db = join(dir, 'db.sqlite');
      const rss0 = process.memoryUsage().rss;
      let t = performance.now();
      const first = await importOsv(db, zip);
      const importMs = performance.now() - t;
      t = performance.now();
      const again = await importOsv(db, zip);
      const reimportMs = performance.now() - t;
      expect(first.added).toBe(ADVISORIES);
      expect(again.unchanged).toBe(ADVISORIES);

      const packages: Package[] = [];
      for (let i = 0; i < PACKAGES; i++) {
        const kind = i % 4;
        const base = { purl: 'pkg:x', layer: 0, foundIn: 'bench' };
        // Every package hits a name with advisories (6–33 each, distro-like), the worst case per lookup.
        if (kind === 0)
          packages.push({ ...base, ecosystem: 'npm', name: `pkg-${(i * 4) % 8000}`, version: '1.2.3' });
        else if (kind === 1)
          packages.push({
            ...base,
            ecosystem: 'deb',
            name: `lib${i}`,
            sourceName: `src-${(i * 4 + 1) % 3000}`,
            version: '2.5-1+deb12u1',
          });
        else if (kind === 2)
          packages.push({ ...base, ecosystem: 'pypi', name: `Py_${(i * 4 + 2) % 4000}`, version: '3.4.0' });
        else
          packages.push({
            ...base,
            ecosystem: 'apk',
            name: `apk-${(i * 4 + 3) % 1500}`,
            version: '1.2.3-r0',
          });
      }
      const handle = openDb(db);
      const debs = packages.filter((p) => p.ecosystem === 'deb');
      const apks = packages.filter((p) => p.ecosystem === 'apk');
      const langs = packages.filter((p) => p.ecosystem !== 'deb' && p.ecosystem !== 'apk');
      const timed = (f: () => number): [number, number] => {
        const t0 = performance.now();
        const n = f();
        return [n, performance.now() - t0];
      };
      const [debFound, debMs] = timed(() => handle.match(debs, { id: 'debian', versionId: '12' }).length);
      const [apkFound, apkMs] = timed(() => handle.match(apks, { id: 'alpine', versionId: '3.19.1' }).length);
      const [langFound, langMs] = timed(() => handle.match(langs).length);
      const found = debFound + apkFound + langFound;
      console.log(`deb ${debMs.toFixed(0)}ms apk ${apkMs.toFixed(0)}ms npm+pypi ${langMs.toFixed(0)}ms`);
      const matchMs = debMs + apkMs + langMs;
      handle.close();
      const line = [
        `advisories=${ADVISORIES}`,
        `import=${importMs.toFixed(0)}ms (${((ADVISORIES / importMs) * 1000).toFixed(0)}/s)`,
        `reimport(unchanged)=${reimportMs.toFixed(0)}ms`,
        `zip=${(statSync(zip).size / 1e6).toFixed(1)}MB db=${(statSync(db).size / 1e6).toFixed(1)}MB`,
        `match ${PACKAGES} packages=${matchMs.toFixed(1)}ms (${found} findings)`,
        `rss +${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)}MB`,
      ].join('  ');
      console.log(line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
