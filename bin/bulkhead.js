#!/usr/bin/env node
// The CLI is one esbuild bundle of src/shells/cli/bin.ts, dist/bulkhead.cjs (scripts/build.mjs). It is
// compiled here through node:vm with V8's code cache, dist/bulkhead.cjs.cache, made by the build: loading one
// script instead of ~300 modules saves ~150 ms of start-up on every run, and the cache another ~0.1 s on a
// scan (BENCHMARKS.md). Without the cache, or when this Node's V8 rejects it, the bundle compiles as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';

// V8 accepts a code cache only under the flags it was made with: the one flag bulkhead sets at run time
// (src/vulndb/store.ts, WASM_TIERING_FLAG) is set before the bundle compiles, in every run.
export const WASM_TIERING_FLAG = '--wasm-tiering-budget=1800000000';
try {
  setFlagsFromString(WASM_TIERING_FLAG);
} catch {}

const file = join(dirname(fileURLToPath(import.meta.url)), '../dist/bulkhead.cjs');
// `image scan`: the layer decoder thread (src/collectors/image/layer-thread.ts) boots now, on the other core,
// while the bundle loads; the scan adopts it (EARLY_WORKER there). Unused, it does not hold the process.
if (process.argv[2] === 'image' && process.env.BULKHEAD_LAYER_THREAD !== '0') {
  const key = Symbol.for('bulkhead.layerWorker');
  try {
    const w = new Worker(new URL('../dist/layer-worker.mjs', import.meta.url), {
      stdout: false,
      stderr: false,
    });
    const drop = () => {
      if (globalThis[key] === w) delete globalThis[key];
    };
    w.on('error', drop);
    w.once('exit', drop);
    w.unref();
    globalThis[key] = w;
  } catch {
    // The scan starts its own, or decodes in-process.
  }
}
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(source, { filename: file, cachedData });
// BULKHEAD_DEBUG_STARTUP=1: whether start-up used the code cache (a slow start's first suspect).
if (process.env.BULKHEAD_DEBUG_STARTUP === '1')
  process.stderr.write(
    `bulkhead: code cache ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected by this Node' : 'used'} (${cacheFile})\n`,
  );
// Only the build asks for this (scripts/build.mjs): the cache is written after the run, so that it holds
// the functions the run compiled.
const out = process.env.BULKHEAD_CODE_CACHE_OUT;
delete process.env.BULKHEAD_CODE_CACHE_OUT;
if (out) process.once('exit', () => writeFileSync(out, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
