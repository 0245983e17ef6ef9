// npm run bench:image: generates images of 100 MiB and 1 GiB of uncompressed layers (scripts/image-corpus.mjs:
// a `docker save` tar with gzip layers, many small files and a few large ones) and measures, in the same
// run, on the same layer blobs:
//   a. the physical limit: `gzip -dc BLOB | tar -t > /dev/null` for every layer in turn (blobs are copied
//      out of the image tar first, untimed; the timing is decompress + list only);
//   b. `bulkhead image scan IMAGE.tar --db EMPTY -f json -o /dev/null`: wall time from spawn to exit, Node
//      start-up included, and peak RSS. With no database, the scan does everything except vulnerability
//      matching (it says so once);
//   c. the same with BULKHEAD_LAYER_THREAD=0 (layers decompressed on the main thread, no worker);
//   d. the same as b with a small database imported from test/fixtures/osv (BENCH_OSV=0 skips it).
// Throughput is MiB of uncompressed layer tar per second. Targets (issue 4): bulkhead ≥ 0.7x the limit,
// peak RSS < 300 MB whatever the size. One warm-up each, then BENCH_RUNS rounds (default 3) in which every
// series runs once in turn (so a slow minute weighs on all alike); medians are reported.
// Knobs: BENCH_SIZES=100,1000 (MiB), BENCH_SEED=1, BENCH_LEVEL=6 (gzip), BENCH_RUNS, BENCH_OSV=0,
// BENCH_IMAGES=a.tar,b.tar (also scan existing docker save / OCI tars), BENCH_KEEP=1 (keep the temp dir).
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { gnuTime, measure as measureIn, median } from './bench-lib.mjs';
import { generateImage } from './image-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin/bulkhead.js');
const MiB = 1024 * 1024;
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').filter(Boolean).map(Number);
const seed = Number(process.env.BENCH_SEED ?? 1);
const level = Number(process.env.BENCH_LEVEL ?? 6);
const withOsv = process.env.BENCH_OSV !== '0';
const extra = (process.env.BENCH_IMAGES ?? '').split(',').filter(Boolean);
const log = (s) => process.stderr.write(`bench:image: ${s}\n`);
const firstLines = (s, n = 8) => s.trim().split('\n').slice(0, n).join('\n');

const work = mkdtempSync(join(tmpdir(), 'bulkhead-bench-image-'));

/** Runs a command: wall time, peak RSS (KiB) and output (scripts/bench-lib.mjs). */
const measure = (cmd, args, opts = {}) =>
  measureIn(work, cmd, args, { ...opts, env: { ...process.env, NO_COLOR: '1', ...opts.env } });

/**
 * Each series gets a warm-up, then `runs` rounds in which every series runs once, in turn: on a noisy
 * machine a slow minute then weighs on every series alike instead of on whichever ran during it. Returns
 * per series the warm-up's details with the median wall time and peak RSS; an error stops that series.
 */
function interleave(series) {
  const out = series.map(({ name, one }) => {
    log(`${name}: warm-up`);
    return { name, one, warm: one(true), samples: [] };
  });
  for (let i = 0; i < runs; i++) {
    for (const s of out) {
      if (s.warm.error || s.error) continue;
      const r = s.one(false);
      if (r.error) {
        s.error = r;
        continue;
      }
      log(
        `${s.name}: run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s${r.rssKb ? `, ${(r.rssKb / 1024).toFixed(0)} MB` : ''}`,
      );
      s.samples.push(r);
    }
  }
  return out.map((s) => {
    if (s.warm.error) return s.warm;
    if (s.error) return s.error;
    return {
      ...s.warm,
      wallMs: median(s.samples.map((x) => x.wallMs)),
      rssKb: median(s.samples.map((x) => x.rssKb)),
      scanMs: s.samples.every((x) => x.scanMs != null)
        ? median(s.samples.map((x) => x.scanMs))
        : s.warm.scanMs,
    };
  });
}

// ---------------------------------------------------------------------------------- layer blobs

/** Entries of an outer tar (name -> offset, size), read header by header without loading contents. */
function tarIndex(path) {
  const fd = openSync(path, 'r');
  const entries = new Map();
  const h = Buffer.alloc(512);
  let at = 0;
  let longName;
  let paxPath;
  try {
    for (;;) {
      if (readSync(fd, h, 0, 512, at) < 512 || h.every((b) => b === 0)) break;
      const str = (o, n) => h.toString('utf8', o, o + n).replace(/\0.*$/s, '');
      const size = Number.parseInt(str(124, 12).trim() || '0', 8);
      const type = String.fromCharCode(h[156] || 48);
      const prefix = str(345, 155);
      let name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
      const body = at + 512;
      const readBody = () => {
        const b = Buffer.alloc(size);
        readSync(fd, b, 0, size, body);
        return b;
      };
      if (type === 'L') longName = readBody().toString('utf8').replace(/\0.*$/s, '');
      else if (type === 'x') paxPath = /\d+ path=([^\n]*)\n/.exec(readBody().toString('utf8'))?.[1];
      else {
        name = paxPath ?? longName ?? name;
        paxPath = undefined;
        longName = undefined;
        entries.set(name.replace(/^\.\//, ''), { offset: body, size });
      }
      at = body + Math.ceil(size / 512) * 512;
    }
  } finally {
    closeSync(fd);
  }
  return entries;
}

async function copyRange(src, { offset, size }, dest) {
  const out = createWriteStream(dest);
  if (size > 0)
    for await (const c of createReadStream(src, { start: offset, end: offset + size - 1 }))
      if (!out.write(c)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Codec by magic, and uncompressed size by decompressing once (untimed). */
async function inspectBlob(path) {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    let n = 0;
    for await (const c of createReadStream(path).pipe(createGunzip())) n += c.length;
    return { codec: 'gzip', uncompressed: n };
  }
  if (head.readUInt32LE(0) === 0xfd2fb528) return { codec: 'zstd', uncompressed: null };
  return { codec: 'none', uncompressed: statSync(path).size };
}

/** The layer blobs of a docker save (manifest.json) or OCI layout tar, copied out to `dir`. */
async function extractLayers(image, dir) {
  mkdirSync(dir, { recursive: true });
  const idx = tarIndex(image);
  const read = (name) => {
    const e = idx.get(name);
    if (!e) throw new Error(`${image}: no ${name}`);
    const b = Buffer.alloc(e.size);
    const fd = openSync(image, 'r');
    readSync(fd, b, 0, e.size, e.offset);
    closeSync(fd);
    return JSON.parse(b.toString('utf8'));
  };
  let names;
  if (idx.has('manifest.json')) names = read('manifest.json')[0].Layers;
  else {
    let m = read('index.json').manifests[0];
    let doc = read(`blobs/${m.digest.replace(':', '/')}`);
    // An index (multi-arch): take the first linux/amd64 or the first entry.
    while (doc.manifests) {
      m = doc.manifests.find((x) => x.platform?.architecture === 'amd64') ?? doc.manifests[0];
      doc = read(`blobs/${m.digest.replace(':', '/')}`);
    }
    names = doc.layers.map((l) => `blobs/${l.digest.replace(':', '/')}`);
  }
  const blobs = [];
  for (const [i, name] of names.entries()) {
    const e = idx.get(name);
    if (!e) throw new Error(`${image}: layer ${name} not in the archive`);
    const path = join(dir, `layer-${i}`);
    await copyRange(image, e, path);
    blobs.push({ path, size: e.size, ...(await inspectBlob(path)) });
  }
  return blobs;
}

// ---------------------------------------------------------------------------------- the two sides

const LIMIT_SCRIPT = `
for b in "$@"; do
  case "$b" in
    gzip:*) gzip -dc "\${b#gzip:}" | tar -t > /dev/null ;;
    zstd:*) zstd -dcq "\${b#zstd:}" | tar -t > /dev/null ;;
    *) tar -t -f "\${b#none:}" > /dev/null ;;
  esac || exit 1
done`;

function limit(blobs) {
  return () => {
    const r = measure('sh', ['-c', LIMIT_SCRIPT, 'limit', ...blobs.map((b) => `${b.codec}:${b.path}`)]);
    if (r.status !== 0)
      return { error: `gzip -dc | tar -t failed (${r.status ?? r.signal}): ${firstLines(r.stderr)}` };
    return r;
  };
}

function scan(image, db, env = {}) {
  const report = join(work, 'report.json');
  return (first) => {
    // cwd outside the repository so its .bulkhead.yaml, if any, does not apply. The report goes to a file
    // (a few dozen KiB) so the scan's own durationMs, Node start-up excluded, can be read back.
    const r = measure(
      process.execPath,
      [BIN, 'image', 'scan', image, '--db', db, '-f', 'json', '-o', report],
      { cwd: work, env },
    );
    // 1 is "findings at or over --fail-on"; anything else is a failure of the scan.
    if (r.status !== 0 && r.status !== 1)
      return { error: `bulkhead exited ${r.status ?? r.signal}: ${firstLines(r.stderr)}` };
    let rep;
    try {
      rep = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      return { error: `bulkhead exited ${r.status} without a JSON report: ${firstLines(r.stderr)}` };
    }
    rmSync(report, { force: true });
    r.scanMs = typeof rep.durationMs === 'number' ? rep.durationMs : null;
    if (!first) return r;
    const results = rep.results ?? [];
    const fails = results.filter((x) => x.status === 'fail');
    const vulns = fails
      .filter((x) => /vulnerab/i.test(`${x.title ?? ''} ${x.checkId}`))
      .reduce((n, x) => n + (x.evidence?.length ?? 1), 0);
    r.summary = `exit ${r.status}; ${fails.length} failing of ${results.length} results (${new Set(fails.map((x) => x.checkId)).size} checks), ${(rep.warnings ?? []).length} warnings`;
    r.vulns = vulns;
    return r;
  };
}

function ensureBuilt() {
  if (existsSync(join(root, 'dist/bulkhead.cjs'))) return;
  log('dist/bulkhead.cjs missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${firstLines(r.stdout + r.stderr, 12)}`);
}

function machine() {
  const cpu = cpus();
  let os = `Linux ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {}
  const v = (cmd) => {
    try {
      return execFileSync(cmd, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\n')[0]
        .trim();
    } catch {
      return `${cmd} ?`;
    }
  };
  return `${os}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${v('gzip')}, ${v('tar')}`;
}

// ---------------------------------------------------------------------------------- main

let failed = false;
try {
  ensureBuilt();
  const emptyDb = join(work, 'empty.db'); // never created: the scan reports "no database" once
  let osvDb;
  if (withOsv) {
    osvDb = join(work, 'osv.db');
    const r = spawnSync(
      process.execPath,
      [BIN, 'db', 'import', join(root, 'test/fixtures/osv'), '--db', osvDb],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) {
      log(`db import failed, skipping the OSV rows: ${firstLines(r.stderr)}`);
      osvDb = undefined;
    }
  }

  const images = [];
  for (const size of sizes) {
    const t0 = performance.now();
    const dir = join(work, `img-${size}`);
    const img = await generateImage(dir, { sizeMB: size, seed, level });
    log(
      `generated ${size} MiB image: ${img.layers.length} layers, ${img.files} files, ${(img.compressed / MiB).toFixed(0)} MiB gzip, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    images.push({ label: `generated ${size} MiB (seed ${seed})`, path: img.path, files: img.files, dir });
  }
  for (const p of extra)
    images.push({ label: basename(p), path: p, files: null, dir: join(work, `extra-${images.length}`) });

  const rows = [];
  for (const im of images) {
    const blobs = await extractLayers(im.path, join(im.dir, 'layers'));
    const unc = blobs.reduce((s, b) => s + (b.uncompressed ?? 0), 0);
    const comp = blobs.reduce((s, b) => s + b.size, 0);
    const base = { image: im.label, layers: blobs.length, files: im.files, unc, comp };
    const series = [
      { name: `${im.label}: gzip -dc | tar -t`, one: limit(blobs) },
      { name: `${im.label}: bulkhead, empty db`, one: scan(im.path, emptyDb) },
      // The same scan with the layer reader thread off (decompression on the main thread), for comparison.
      {
        name: `${im.label}: bulkhead, empty db, no thread`,
        one: scan(im.path, emptyDb, { BULKHEAD_LAYER_THREAD: '0' }),
      },
      ...(osvDb ? [{ name: `${im.label}: bulkhead, osv db`, one: scan(im.path, osvDb) }] : []),
    ];
    const [lim, bh, inproc, o] = interleave(series);
    const vs = (x) => ({ limitMs: lim.wallMs, ratio: lim.error || x.error ? null : lim.wallMs / x.wallMs });
    rows.push({ ...base, what: '`gzip -dc \\| tar -t` (limit)', ...lim });
    rows.push({ ...base, what: 'bulkhead, no vuln DB', ...bh, ...vs(bh) });
    rows.push({ ...base, what: 'bulkhead, no vuln DB, `BULKHEAD_LAYER_THREAD=0`', ...inproc, ...vs(inproc) });
    if (o) rows.push({ ...base, what: 'bulkhead, OSV fixtures DB', ...o, ...vs(o) });
    rmSync(join(im.dir, 'layers'), { recursive: true, force: true });
  }

  const f = (x, d = 0) => (x == null ? 'n/a' : x.toFixed(d));
  console.log(
    `\nbulkhead image scan benchmark — ${machine()}; gzip level ${level}; median of ${runs} interleaved runs after 1 warm-up\n`,
  );
  console.log(
    '| image | layers | files | uncompressed (MiB) | gzip (MiB) | measured | wall (s) | MiB/s | vs limit | scan only (s) | scan only vs limit | peak RSS (MB) | notes |',
  );
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    if (r.error) {
      failed = true;
      console.log(
        `| ${r.image} | ${r.layers} | ${r.files ?? '?'} | ${f(r.unc / MiB)} | ${f(r.comp / MiB)} | ${r.what} | — | — | — | — | — | — | not measured: ${r.error.split('\n')[0]} |`,
      );
      continue;
    }
    const mbs = r.unc / MiB / (r.wallMs / 1000);
    const rss = r.rssKb == null ? null : r.rssKb / 1024;
    const miss = r.ratio != null && (r.ratio < 0.7 || (rss ?? 0) >= 300);
    if (miss) failed = true;
    console.log(
      `| ${r.image} | ${r.layers} | ${r.files ?? '?'} | ${f(r.unc / MiB)} | ${f(r.comp / MiB)} | ${r.what} | ${f(r.wallMs / 1000, 2)} | ${f(mbs, 1)} | ${r.ratio == null ? '1.00x' : `${f(r.ratio, 2)}x`} | ${r.scanMs == null ? '—' : f(r.scanMs / 1000, 2)} | ${r.scanMs == null ? '—' : `${f(r.limitMs / r.scanMs, 2)}x`} | ${f(rss)} | ${r.summary ?? ''}${r.vulns ? `, ${r.vulns} vulnerabilities` : ''} |`,
    );
  }
  console.log(
    '\nvs limit = limit wall time / bulkhead wall time (target ≥ 0.70x); peak RSS target < 300 MB. The limit is the sum over layers of `gzip -dc BLOB | tar -t > /dev/null` (blobs copied out of the image first, untimed); bulkhead is `node bin/bulkhead.js image scan IMAGE.tar --db DB -f json -o /dev/null`, spawn to exit, reading the same tar in place; "scan only" is the report\'s durationMs (Node start-up and module loading excluded). "no vuln DB": the --db file does not exist, so the scan does everything except vulnerability matching.',
  );
  if (!gnuTime)
    log("/usr/bin/time (GNU) not found: peak RSS is the node child's own maxRSS; the limit's is n/a");
  console.log(
    '\nCommand: `npm run bench:image` (BENCH_SIZES, BENCH_RUNS, BENCH_SEED, BENCH_LEVEL, BENCH_OSV=0, BENCH_IMAGES, BENCH_KEEP=1).',
  );
} finally {
  if (process.env.BENCH_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
