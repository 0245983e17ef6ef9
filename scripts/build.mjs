// npm run build (also run by `npm ci` through "prepare"):
//   1. tsc -p tsconfig.build.json: the modules in dist/ (scripts/gen-docs.mjs imports them);
//   2. esbuild: the CLI as one CommonJS bundle, dist/bulkhead.cjs (npm dependencies stay external; unbash,
//      the one ESM-only dependency, is bundled), which bin/bulkhead.js compiles through node:vm so that V8
//      can start from a code cache;
//   3. the worker thread files next to it (they are plain JavaScript, loaded by URL);
//   4. dist/bulkhead.cjs.cache: V8's code cache of the bundle, taken after a small image scan with a
//      vulnerability database, so that it holds the functions a scan compiles, not only the top level. A
//      scan of the 100 MiB bench image with a database starts ~0.1 s sooner with it (BENCHMARKS.md). It is
//      optional: when it cannot be made (or a later Node rejects it), the CLI compiles the bundle as usual.
// Why CommonJS: Node 20 can cache the compilation of a vm.Script, not of ES modules (module.enableCompileCache
// needs Node 22.1).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateImage } from './image-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const log = (s) => process.stderr.write(`build: ${s}\n`);

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** ESM-only packages cannot be require()d by Node 20: bundled instead. */
const BUNDLED = new Set(['unbash']);
const shim = join(dist, 'import-meta-shim.cjs');
// import.meta.url in the sources (worker files, createRequire) is the bundle's own URL.
writeFileSync(shim, 'export const importMetaUrl = require("node:url").pathToFileURL(__filename).href;\n');
await build({
  entryPoints: [join(root, 'src/shells/cli/bin.ts')],
  outfile: join(dist, 'bulkhead.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)),
  inject: [shim],
  define: { 'import.meta.url': 'importMetaUrl' },
});
rmSync(shim);
// A dynamic import() left in the bundle would fail: a vm.Script has no module loader behind it.
const bundle = readFileSync(join(dist, 'bulkhead.cjs'), 'utf8');
const leftover = /\bimport\((["'`])([^"'`]+)\1\)/.exec(bundle);
if (leftover)
  throw new Error(`dist/bulkhead.cjs still has import(${leftover[1]}${leftover[2]}${leftover[1]})`);

for (const f of ['src/collectors/image/layer-worker.mjs', 'src/collectors/image/zstd-decoder.mjs'])
  copyFileSync(join(root, f), join(dist, basename(f)));

// The code cache, from a scan of a small generated image with the OSV test fixtures as database.
const work = mkdtempSync(join(tmpdir(), 'bulkhead-build-'));
try {
  const bin = join(root, 'bin/bulkhead.js');
  const db = join(work, 'osv.db');
  const img = await generateImage(join(work, 'img'), { sizeMB: 4, seed: 1, level: 1 });
  const run = (args, env = {}) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
  const imported = run(['db', 'import', join(root, 'test/fixtures/osv'), '--db', db]);
  if (imported.status !== 0) throw new Error(`db import: ${imported.stderr.trim().split('\n')[0]}`);
  const cache = join(dist, 'bulkhead.cjs.cache');
  const scan = run(['image', 'scan', img.path, '--db', db, '-f', 'json', '-o', join(work, 'r.json')], {
    BULKHEAD_CODE_CACHE_OUT: cache,
  });
  if (scan.status !== 0 && scan.status !== 1)
    throw new Error(`image scan: ${scan.stderr.trim().split('\n')[0]}`);
  log(`code cache: ${(statSync(cache).size / 1024).toFixed(0)} KiB`);
} catch (err) {
  log(`no code cache (the CLI compiles its bundle at every start): ${err.message}`);
  rmSync(join(dist, 'bulkhead.cjs.cache'), { force: true });
} finally {
  rmSync(work, { recursive: true, force: true });
}
